/**
 * The rules about what a disk *means*, whatever syntax it was written in: the checks libxl
 * applies after xl's parser (xl-disk-syntax §8, §9), the vdev naming rules (X11, X12) and the
 * target, format and RBD advice (X9, X13, X14, X19, X20). They work on the disk model, so the
 * xl linter, the XML linter and the wizard share them; each issue names the field it is about
 * and, when there is one, the disk its fix would make.
 */
import type { Disk, Format } from '../model/disk';
import type { GuestType } from '../model/guest';
import { scriptBaseName, scriptTargetKind } from '../model/target';
import { decodeTarget, type TargetDecode } from '../xl/targets';
import { indexToLetters, nextFreeVdev, parseVdev as decodeVdev, vdevAdvice, type Vdev } from '../xl/vdev';
import type { OwnCode } from './codes';
import { lastFew } from '../memo/lastFew';
import { EarlierDisks, type EarlierDisk } from './earlierDisks';
import { UsedVdevs } from './usedVdevs';
import type { Severity } from './types';

export type DiskField = 'target' | 'format' | 'vdev' | 'access' | 'devtype' | 'backendtype' | 'script' | 'specification' | 'colo';

export type DiskIssue = {
  code: OwnCode;
  severity: Severity;
  message: string;
  field: DiskField;
  /** The fix: what the disk becomes (one fix per issue; `fixSafe` when it changes nothing xl reads). */
  fix?: { title: string; disk: Disk };
  /** For target issues: the offending part of the target string. */
  targetRange?: { from: number; to: number };
};

export type CheckContext = {
  guest: GuestType;
  /**
   * The domain's disks that come before this one (for clashes): a list, or for a whole domain
   * an index the caller grows disk by disk.
   */
  others?: readonly EarlierDisk[] | EarlierDisks;
  /**
   * Every vdev name in use in the domain (for the next free name). Defaults to the others'. For
   * a whole domain, an index the caller grows.
   */
  used?: readonly string[] | UsedVdevs;
  /** decodeTarget, or a remembering one shared with the libvirt mapper (targetDecoder). */
  decodeTarget?: (d: Disk) => TargetDecode;
};

/** parseVdev, remembering the last names: a disk's name is decoded by its checks, then by the index of earlier disks. */
const parseVdev: (name: string) => Vdev = lastFew(4, (a: string, b) => a === b, decodeVdev);

/** An empty index of a domain's earlier disks, to grow disk by disk while checking them. */
export const earlierDisks = (): EarlierDisks => new EarlierDisks(parseVdev);

const EXTENSION_FORMAT: Record<string, Format> = { qcow2: 'qcow2', qcow: 'qcow', vhd: 'vhd', vpc: 'vhd', qed: 'qed' };

/** The format an image's extension says (undefined when it says nothing). */
export function formatFromExtension(path: string): Format | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  if (Object.hasOwn(EXTENSION_FORMAT, ext)) return EXTENSION_FORMAT[ext];
  if (ext === 'img' || ext === 'raw' || ext === 'iso' || ext === 'bin') return 'raw';
  return undefined;
}

/** A target qemu (qdisk) reads itself: rbd: and the nbd: filename. */
export function isQdiskTarget(d: Disk): boolean {
  const t = d.target ?? '';
  return (d.script === undefined || d.script === '') && (t.startsWith('rbd:') || (t.startsWith('nbd:') && !t.includes('://')));
}

/** A plain image or device path (no script, no qemu protocol, no scheme). */
function isPath(d: Disk): boolean {
  const t = d.target ?? '';
  return t !== '' && (d.script === undefined || d.script === '') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(t);
}

/** A disk blkback serves from a file through a loop device (the host's loop budget). */
export function isFileBacked(d: Disk): boolean {
  return d.devtype === 'disk' && isPath(d) && !d.target!.startsWith('/dev/') && d.format === 'raw' && (d.backendtype === undefined || d.backendtype === 'phy') && d.backend === undefined;
}

/** Names of a device the phy block script finds under /dev (sdb, vg/lv, mapper/x, disk/by-id/…). */
const DEVICE_LIKE = /^(?:[hsv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+n\d+(?:p\d+)?|md\d+|dm-\d+|loop\d+|mapper\/\S+|disk\/by-[a-z]+\/\S+|[A-Za-z0-9_.+-]+\/[A-Za-z0-9_.+-]+)$/;

function vdevIssues(d: Disk, ctx: CheckContext): DiskIssue[] {
  const out: DiskIssue[] = [];
  const earlier = ctx.others instanceof EarlierDisks ? ctx.others : EarlierDisks.of(ctx.others ?? [], parseVdev);
  // indexed only when asked: most disks have no vdev issue
  let index: UsedVdevs | undefined;
  const used = () => (index ??= ctx.used instanceof UsedVdevs ? ctx.used : new UsedVdevs(ctx.used ?? earlier.names));
  const rename = (title: string, name: string): DiskIssue['fix'] => ({ title, disk: { ...d, vdev: name } });
  const nextFree = () => nextFreeLike(d.vdev, used(), ctx.guest, d.devtype);
  const v = parseVdev(d.vdev);
  if (!v.ok) {
    const near = nearMissVdev(d, used());
    out.push({
      code: 'XL-VDEV-INVALID',
      severity: 'error',
      message: `Invalid or unsupported virtual disk identifier ${d.vdev} — libxl refuses it when the domain is built: ${v.reason}`,
      field: 'vdev',
      fix: near ?? rename(`use ${nextFree()}, the next free name`, nextFree()),
    });
    return out;
  }
  const clash = earlier.clash(v);
  if (v.disk >= 0) {
    if (clash) {
      const name = nextFree();
      const same = clash.vdev === d.vdev;
      out.push({
        code: same ? 'XL-DUPLICATE-VDEV' : 'XL-VDEV-ALIAS',
        severity: 'error',
        message: same
          ? `vdev ${d.vdev} is already used by disk ${clash.position}: each disk needs its own name`
          : `${d.vdev} and ${clash.vdev} (disk ${clash.position}) name the same disk slot ${v.disk} (hd${indexToLetters(v.disk)} / sd${indexToLetters(v.disk)} / xvd${indexToLetters(v.disk)} are one disk to Xen)`,
        field: 'vdev',
        fix: rename(`rename to ${name}, the next free name`, name),
      });
      return out;
    }
  } else {
    if (clash) {
      const name = nextFree();
      out.push({ code: 'XL-DUPLICATE-VDEV', severity: 'error', message: `device number ${d.vdev} is already used by disk ${clash.position}`, field: 'vdev', fix: rename(`rename to ${name}, the next free name`, name) });
      return out;
    }
  }
  const advice = vdevAdvice(d.vdev, ctx.guest);
  const emulatedBeyond = ctx.guest === 'hvm' && v.style === 'sd' && v.disk > 3;
  if (advice || emulatedBeyond) {
    const xvd = `xvd${indexToLetters(v.disk)}${v.partition ? v.partition : ''}`;
    const free = xvd === d.vdev || !used().has(xvd);
    out.push({
      code: 'XL-VDEV-EMULATED',
      severity: 'warning',
      message: advice ?? `${d.vdev}: an HVM guest emulates only sda to sdd; use xvd names (${xvd}) for more disks`,
      field: 'vdev',
      ...(free && !(ctx.guest === 'hvm' && v.partition) && { fix: rename(`use ${xvd}`, xvd) }),
    });
  }
  return out;
}

/**
 * The next free name in the style of `name` (xvd after xvd, hd after hd while hda–hdd last, sd
 * after sd while sda–sdp last), else the next free name for the guest type.
 */
export function nextFreeLike(name: string, used: readonly string[] | UsedVdevs, guest: GuestType, devtype: 'disk' | 'cdrom' = 'disk'): string {
  const v = parseVdev(name);
  const taken = (used instanceof UsedVdevs ? used : new UsedVdevs(used)).slots;
  if (v.ok && (v.style === 'xvd' || v.style === 'hd' || v.style === 'sd')) {
    // emulated names only where they are emulated (HVM, hda–hdd, sda–sdd)
    const style = guest === 'hvm' ? v.style : 'xvd';
    const max = style === 'xvd' ? (1 << 20) - 1 : 3;
    const i = taken.freeFrom(0);
    if (i <= max) return `${style}${indexToLetters(i)}`;
  }
  return nextFreeVdev(taken, guest, devtype);
}

/** A vdev libxl refuses that is one step from a name it takes. */
function nearMissVdev(d: Disk, used: UsedVdevs): DiskIssue['fix'] {
  const name = d.vdev;
  const ok = (n: string) => parseVdev(n).ok;
  const lower = name.toLowerCase();
  if (lower !== name && ok(lower)) return { title: `write it in lowercase: ${lower}`, disk: { ...d, vdev: lower } };
  const trimmed = name.trim();
  if (trimmed !== name && ok(trimmed)) return { title: `remove the blanks: ${trimmed}`, disk: { ...d, vdev: trimmed } };
  const colon = name.lastIndexOf(':');
  if (colon > 0) {
    const base = name.slice(0, colon);
    const type = name.slice(colon + 1).toLowerCase();
    if (base.startsWith('ioemu:') && ok(base.slice(6))) return { title: `drop ioemu:`, disk: { ...d, vdev: base.slice(6) } };
    if (name.startsWith('ioemu:') && ok(name.slice(6))) return { title: `drop ioemu:`, disk: { ...d, vdev: name.slice(6) } };
    if (ok(base) && (type === 'cdrom' || type === 'disk')) return { title: `vdev=${base}, devtype=${type}`, disk: { ...d, vdev: base, devtype: type } };
  }
  const hd = /^(hd|sd)([a-z])(\d*)$/.exec(name);
  if (hd) {
    const xvd = `xvd${hd[2]}${hd[3]}`;
    if (ok(xvd) && !used.has(xvd)) return { title: `use ${xvd} (${hd[1]} names stop at ${hd[1] === 'hd' ? 'hdd' : 'sdp'})`, disk: { ...d, vdev: xvd } };
  }
  const dn = /^d(\d+)$/.exec(name);
  if (dn && ok(`${name}p0`)) return { title: `write ${name}p0 (libxl needs the partition)`, disk: { ...d, vdev: `${name}p0` } };
  return undefined;
}

/** Every issue of one disk. */
export function checkDisk(d: Disk, ctx: CheckContext): DiskIssue[] {
  const out: DiskIssue[] = [...vdevIssues(d, ctx)];
  const bt = d.backendtype;
  const cdrom = d.devtype === 'cdrom';
  const script = d.script === '' ? undefined : d.script;

  if (!cdrom && (bt === 'phy' || bt === 'standalone') && d.format !== 'raw' && d.format !== 'empty') {
    const { backendtype: _b, ...rest } = d;
    out.push({
      code: 'XL-PHY-FORMAT',
      severity: 'error',
      message: `backendtype=${bt} serves raw data only, not ${d.format} — libxl refuses the disk`,
      field: 'backendtype',
      ...(bt === 'phy' && { fix: { title: `drop backendtype=phy (libxl then picks qdisk, which reads ${d.format})`, disk: rest } }),
    });
  }
  if ((bt === 'qdisk' || bt === 'standalone') && script !== undefined) {
    const { backendtype: _b, ...rest } = d;
    out.push({
      code: 'XL-BACKEND-SCRIPT',
      severity: 'error',
      message: `backendtype=${bt} runs no hotplug script, so libxl refuses script=${script}`,
      field: 'backendtype',
      ...(bt === 'qdisk' && { fix: { title: `drop backendtype=qdisk (the script's disk is served by blkback)`, disk: rest } }),
    });
  }
  if ((bt === 'phy' || bt === 'standalone') && d.colo) {
    out.push({ code: 'XL-COLO-BACKEND', severity: 'error', message: `COLO needs qemu: libxl refuses colo with backendtype=${bt}`, field: 'colo' });
  }
  if (d.specification === 'virtio' && bt !== 'standalone') {
    out.push({ code: 'XL-SPECIFICATION', severity: 'error', message: 'specification=virtio needs backendtype=standalone (libxl refuses other backends)', field: 'specification', fix: { title: 'set backendtype=standalone', disk: { ...d, backendtype: 'standalone' } } });
  }
  if (bt === 'standalone' && d.specification !== 'virtio') {
    out.push({ code: 'XL-SPECIFICATION', severity: 'error', message: 'backendtype=standalone serves virtio disks only: libxl refuses it without specification=virtio', field: 'backendtype', fix: { title: 'set specification=virtio', disk: { ...d, specification: 'virtio' } } });
  }
  if (bt === 'tap') {
    out.push({ code: 'XL-TAP', severity: 'warning', message: 'backendtype=tap (blktap3) works from Xen 4.19 only; libxl 4.13 to 4.18 refuses it', field: 'backendtype' });
  }
  if (!cdrom && d.format === 'empty') {
    const t = d.target ?? '';
    out.push({
      code: 'XL-EMPTY-FORMAT',
      severity: 'error',
      message: t === '' ? `format empty is for a cdrom drive without a medium: libxl refuses "Disk vdev=${d.vdev} is empty but not cdrom"` : `format empty is for a cdrom drive without a medium, but this disk has a target`,
      field: 'format',
      fix: t === '' ? { title: 'make it a cdrom (devtype=cdrom)', disk: { ...d, devtype: 'cdrom', access: 'ro' } } : { title: 'use format raw', disk: { ...d, format: 'raw' } },
    });
  } else if (!cdrom && d.target === '' && script === undefined) {
    out.push({ code: 'XL-EMPTY-TARGET', severity: 'error', message: 'the target is empty: libxl fails to stat it when the domain is built (only a cdrom may be empty)', field: 'target' });
  }

  // the target
  const target = d.target ?? '';
  if (isQdiskTarget(d) && bt !== 'qdisk') {
    const kind = target.startsWith('rbd:') ? 'an rbd:' : 'an nbd:';
    out.push({
      code: 'XL-RBD-BACKENDTYPE',
      severity: 'error',
      message:
        bt === undefined
          ? `${kind} target is read by qemu: without backendtype=qdisk libxl tries to stat "${target}" as a file and fails`
          : `${kind} target is read by qemu only: backendtype=${bt} cannot serve it`,
      field: 'backendtype',
      fix: { title: 'set backendtype=qdisk', disk: { ...d, backendtype: 'qdisk' } },
    });
  }
  if (target.startsWith('rbd:') && script === undefined) {
    if (!cdrom && d.format !== 'raw') {
      out.push({ code: 'XL-RBD-FORMAT', severity: 'warning', message: `an RBD image is raw to Xen (Ceph does the rest): format=${d.format} is almost certainly wrong`, field: 'format', fix: { title: 'use format raw', disk: { ...d, format: 'raw' } } });
    }
    const t = (ctx.decodeTarget ?? decodeTarget)(d);
    if (!t.ok) {
      // `\\:` where `\:` was meant (a config file's escaping typed where it is not read), or bare colons
      const halved = target.includes('\\\\') ? target.replace(/\\\\/g, '\\') : undefined;
      const reads = (x: string | undefined) => x !== undefined && decodeTarget({ ...d, target: x }).ok;
      const escaped = escapeMonHost(target);
      const fixed = reads(halved) ? halved : reads(escaped) ? escaped : undefined;
      out.push({
        code: 'XL-RBD-TARGET',
        severity: 'error',
        message: `qemu cannot read this rbd: target: ${t.error.message}${fixed === halved && fixed !== undefined ? ' (\\\\ is how a config file writes one backslash; the disk spec itself needs a single \\)' : ''}`,
        field: 'target',
        targetRange: { from: t.error.from, to: t.error.to },
        ...(fixed !== undefined && { fix: { title: fixed === halved ? 'use single backslashes (\\:)' : 'escape the colons of the monitor list (\\:)', disk: { ...d, target: fixed } } }),
      });
    }
  }
  if (script !== undefined) {
    const kind = scriptTargetKind(script);
    const base = scriptBaseName(script);
    const suse = kind === 'dmmd' || kind === 'npiv';
    const t = (ctx.decodeTarget ?? decodeTarget)(d);
    out.push({
      code: 'XL-SCRIPT',
      severity: t.ok ? 'info' : 'warning',
      message:
        `script=${script}: the disk is set up by the hotplug script ${script.includes('/') ? script : `/etc/xen/scripts/${script}`}, which must exist on the host` +
        (suse ? ` (${base} ships with SUSE's Xen only)` : '') +
        (t.ok ? '' : `; its target does not read as ${base} expects: ${t.error.message}`),
      field: 'script',
      ...(!t.ok && { targetRange: { from: t.error.from, to: t.error.to } }),
    });
  }
  if (target !== '' && !target.startsWith('/') && isPath(d)) {
    const device = DEVICE_LIKE.test(target);
    out.push({
      code: 'XL-RELATIVE-TARGET',
      severity: device ? 'info' : 'warning',
      message: device
        ? `target ${target} is not an absolute path: the block script reads it as /dev/${target}`
        : `target ${target} is not an absolute path: libxl and the block script look for it relative to their own directory (phy reads /dev/${target}); write the full path`,
      field: 'target',
    });
  }
  if (isPath(d)) {
    const ext = formatFromExtension(target);
    if (!cdrom && ext !== undefined && ext !== 'raw' && d.format !== ext && d.format !== 'empty') {
      out.push({
        code: 'XL-FORMAT-EXTENSION',
        severity: 'warning',
        message: `${target} looks like a ${ext} image but the disk is read as ${d.format}: the guest would see the image file's container, not the disk inside it`,
        field: 'format',
        fix: { title: `use format ${ext}`, disk: { ...d, format: ext } },
      });
    }
    if (!cdrom && /\.iso$/i.test(target)) {
      out.push({ code: 'XL-ISO-NOT-CDROM', severity: 'warning', message: `${target} looks like a CD image but the disk is not a cdrom`, field: 'devtype', fix: { title: 'make it a cdrom (devtype=cdrom)', disk: { ...d, devtype: 'cdrom', access: 'ro' } } });
    }
  }
  return out;
}

/**
 * The rbd: target with every unescaped `:` inside the mon_host value escaped, or undefined
 * when there is no mon_host or nothing to escape. The value runs to the next `:name=` option.
 */
export function escapeMonHost(target: string): string | undefined {
  const m = /(^|[^\\]):mon_host=/.exec(target);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const rest = target.slice(start);
  const next = /(?<!\\):(?:id|key|keyring|conf|auth_supported|client_mount_timeout|[a-z_]+)=/.exec(rest);
  const end = next ? start + next.index : target.length;
  const value = target.slice(start, end);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      out += c + (value[i + 1] ?? '');
      i++;
    } else if (c === ':') out += '\\:';
    else out += c;
  }
  return out === value ? undefined : target.slice(0, start) + out + target.slice(end);
}
