/**
 * Virtual device names (vdev), as libxl decodes them when it builds or attaches a disk
 * (xen-vbd-interface(7); libxl__device_disk_dev_number). xl's parser accepts any string; these
 * rules decide whether libxl will, which disk slot a name means, and its xenstore device number.
 *
 * "Slot" is the disk index: hda, sda, xvda and d0p0 all name disk 0 of the guest, so two of them
 * in one domain clash.
 */

import type { GuestType } from '../model/guest';

export type { GuestType };

export type Vdev =
  | { ok: true; style: 'xvd' | 'hd' | 'sd' | 'd' | 'number'; disk: number; partition: number; devid: number }
  | { ok: false; reason: string };

const XVD_MAX_DISK = (1 << 20) - 1;

/** xvd suffix letters → disk index, bijective base 26 (a=0, z=25, aa=26, zz=701, aaa=702). */
export function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

/** Disk index → letters (0 → a, 26 → aa). */
export function indexToLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/** A partition number: none, or 1..max with no leading zero. */
function partitionOf(text: string, max: number): number | undefined {
  if (text === '') return 0;
  if (!/^[1-9][0-9]*$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

const xvdNumber = (disk: number, part: number) => (disk <= 15 && part <= 15 ? (202 << 8) | (disk << 4) | part : (1 << 28) | (disk << 8) | part);

/** C's strtoul with base 0, as libxl reads `d<N>p<M>` and plain numbers. */
function cNumber(text: string): { value: number; rest: string } | undefined {
  const m = /^[ \t\n\v\f\r]*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!m) return undefined;
  const digits = m[1];
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : Number(digits);
  return { value, rest: text.slice(m[0].length) };
}

export function parseVdev(name: string): Vdev {
  let m = /^xvd([a-z]+)(.*)$/.exec(name);
  if (m) {
    const disk = lettersToIndex(m[1]);
    const partition = partitionOf(m[2], 255);
    if (disk > XVD_MAX_DISK) return { ok: false, reason: `disk index ${disk} is beyond xvd's limit of ${XVD_MAX_DISK}` };
    if (partition === undefined) return { ok: false, reason: 'an xvd partition is 1 to 255, without leading zeros' };
    return { ok: true, style: 'xvd', disk, partition, devid: xvdNumber(disk, partition) };
  }
  m = /^hd([a-z])(.*)$/.exec(name);
  if (m) {
    const disk = lettersToIndex(m[1]);
    const partition = partitionOf(m[2], 63);
    if (disk > 3) return { ok: false, reason: 'only hda to hdd exist (two IDE channels of two drives)' };
    if (partition === undefined) return { ok: false, reason: 'an hd partition is 1 to 63, without leading zeros' };
    return { ok: true, style: 'hd', disk, partition, devid: ((disk < 2 ? 3 : 22) << 8) | ((disk & 1) << 6) | partition };
  }
  m = /^sd([a-z])(.*)$/.exec(name);
  if (m) {
    const disk = lettersToIndex(m[1]);
    const partition = partitionOf(m[2], 15);
    if (disk > 15) return { ok: false, reason: 'only sda to sdp exist' };
    if (partition === undefined) return { ok: false, reason: 'an sd partition is 1 to 15, without leading zeros' };
    return { ok: true, style: 'sd', disk, partition, devid: (8 << 8) | (disk << 4) | partition };
  }
  m = /^d(.*)$/.exec(name);
  if (m) {
    const d = cNumber(m[1]);
    if (d && d.rest.startsWith('p')) {
      const p = cNumber(d.rest.slice(1));
      if (p && p.rest === '' && d.value <= XVD_MAX_DISK && p.value < 256) {
        return { ok: true, style: 'd', disk: d.value, partition: p.value, devid: xvdNumber(d.value, p.value) };
      }
    }
    return { ok: false, reason: 'the d form is d<disk>p<partition>, e.g. d0p0 (plain d0 is not accepted by libxl)' };
  }
  const num = cNumber(name);
  if (num && num.rest === '' && num.value <= 2 ** 31 - 1) {
    return { ok: true, style: 'number', disk: -1, partition: 0, devid: num.value };
  }
  return { ok: false, reason: 'libxl accepts xvd<letters>[N], hd[a-d][N], sd[a-p][N], d<N>p<M> or a device number' };
}

/** The vdev names a guest type should use (xen-vbd-interface(7) "Usage guidance"). */
export function vdevAdvice(name: string, guest: GuestType): string | undefined {
  const v = parseVdev(name);
  if (!v.ok) return undefined;
  if (guest !== 'hvm' && (v.style === 'hd' || v.style === 'sd')) return `${name} is an emulated-disk name; a ${guest.toUpperCase()} guest has no emulated disks: use xvd${indexToLetters(v.disk)}`;
  if (guest === 'hvm' && (v.style === 'hd' || v.style === 'sd') && v.partition) return `partitions such as ${name} cannot be given to the emulated ${v.style === 'hd' ? 'IDE' : 'SCSI'} controller`;
  return undefined;
}

/**
 * The disk slots a domain's names take, grown name by name. It remembers, for each slot a
 * search started from, the first free one it found: names are only ever added, so the slots
 * passed over stay taken, and handing out one free name after another costs no rescan (a lint
 * fix per duplicate disk made that quadratic).
 */
export class TakenSlots {
  private readonly taken = new Set<number>();
  private readonly firstFree = new Map<number, number>();

  constructor(names: Iterable<string> = [], private readonly decode: (name: string) => Vdev = parseVdev) {
    for (const n of names) this.add(n);
  }

  add(name: string): void {
    const v = this.decode(name);
    if (v.ok && v.disk >= 0) this.taken.add(v.disk);
  }

  has(disk: number): boolean {
    return this.taken.has(disk);
  }

  /** The first slot from `start` on that no name takes. */
  freeFrom(start: number): number {
    let d = this.firstFree.get(start) ?? start;
    while (this.taken.has(d)) d++;
    this.firstFree.set(start, d);
    return d;
  }
}

/**
 * The next free name for a new disk: for HVM the IDE names first (they boot without PV
 * drivers; a cdrom prefers hdc, where installers look for it), then xvde onwards; for PV and PVH
 * xvda onwards. A slot counts as used when any name in `used` means that disk index.
 */
export function nextFreeVdev(used: readonly string[] | TakenSlots, guest: GuestType, devtype: 'disk' | 'cdrom' = 'disk'): string {
  const taken = used instanceof TakenSlots ? used : new TakenSlots(used);
  if (guest === 'hvm') {
    const ide = devtype === 'cdrom' ? [2, 3, 1, 0] : [0, 1, 3, 2];
    for (const d of ide) if (!taken.has(d)) return `hd${indexToLetters(d)}`;
    return `xvd${indexToLetters(taken.freeFrom(4))}`;
  }
  return `xvd${indexToLetters(taken.freeFrom(0))}`;
}
