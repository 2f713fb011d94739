/**
 * Guest types, and how libvirt decides a disk's bus and drive address from the vdev.
 *
 * - Bus (libvirt's xl converter): PV and PVH guests put every disk on `xen`; an HVM guest puts
 *   `xvd*` on `xen`, `sd*` on `scsi` and everything else (`hd*`, `vd*`, …) on `ide`.
 * - Address (libvirt's post-parse, for ide and scsi only): from the vdev's index
 *   (a=0 … z=25, aa=26): IDE controller idx/4, bus (idx%4)/2, target 0, unit idx%2; SCSI
 *   (narrow bus) controller idx/7, bus 0, target 0, unit idx%7.
 */

import type { GuestType } from '../model/guest';

export { GUEST_TYPES, type GuestType } from '../model/guest';

export type Bus = 'xen' | 'scsi' | 'ide';

export function busFor(vdev: string, guest: GuestType): Bus {
  if (vdev.startsWith('xvd') || guest !== 'hvm') return 'xen';
  if (vdev.startsWith('sd')) return 'scsi';
  return 'ide';
}

/** `<os><type>`: hvm → hvm; xen or linux → pv; xenpvh or pvh → pvh. */
export function guestFromOsType(text: string): GuestType | undefined {
  const t = text.trim();
  if (t === 'hvm') return 'hvm';
  if (t === 'xen' || t === 'linux') return 'pv';
  if (t === 'xenpvh' || t === 'pvh') return 'pvh';
  return undefined;
}

/** What `<os><type>` libvirt prints for a guest type (and the machine attribute). */
export function osTypeFor(guest: GuestType): { type: string; machine?: string } {
  if (guest === 'hvm') return { type: 'hvm', machine: 'xenfv' };
  if (guest === 'pvh') return { type: 'xenpvh', machine: 'xenpvh' };
  return { type: 'linux', machine: 'xenpv' };
}

/**
 * The guest type of an xl config from its `type` and `builder` settings, as libvirt reads them:
 * `type` (pv, pvh, hvm) wins; otherwise `builder = "hvm"` means HVM; otherwise PV.
 * `unknown` is set when `type` holds something else (libvirt and xl both refuse the config).
 */
export function guestFromXlSettings(type: string | undefined, builder: string | undefined): { guest: GuestType; unknown?: string } {
  if (type !== undefined) {
    if (type === 'pv' || type === 'pvh' || type === 'hvm') return { guest: type };
    return { guest: 'pv', unknown: type };
  }
  return { guest: builder === 'hvm' ? 'hvm' : 'pv' };
}

const PREFIXES = ['fd', 'hd', 'vd', 'sd', 'xvd', 'ubd'];

/**
 * libvirt's virDiskNameToIndex: an optional `ioemu:`, a known prefix (fd hd vd sd xvd ubd),
 * lowercase letters read in bijective base 26, then only digits (a partition). Undefined when
 * the name does not have that shape.
 */
export function diskNameToIndex(name: string): number | undefined {
  let p = name.startsWith('ioemu:') ? name.slice(6) : name;
  const prefix = PREFIXES.find((x) => p.startsWith(x));
  if (prefix === undefined) return undefined;
  p = p.slice(prefix.length);
  let idx = 0;
  let i = 0;
  for (; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 97 || c > 122) break;
    idx = (idx + (i < 1 ? 0 : 1)) * 26 + (c - 97);
    if (idx > 2 ** 31) return undefined;
  }
  if (i === 0 || !/^[0-9]*$/.test(p.slice(i))) return undefined;
  return idx;
}

export type DriveAddress = { controller: number; bus: number; target: number; unit: number };

/** The `<address type='drive'>` libvirt assigns to an ide or scsi disk, or undefined. */
export function driveAddress(bus: string, vdev: string): DriveAddress | undefined {
  if (bus !== 'ide' && bus !== 'scsi') return undefined;
  const idx = diskNameToIndex(vdev);
  if (idx === undefined) return undefined;
  if (bus === 'ide') return { controller: Math.floor(idx / 4), bus: Math.floor((idx % 4) / 2), target: 0, unit: idx % 2 };
  return { controller: Math.floor(idx / 7), bus: 0, target: 0, unit: idx % 7 };
}

/** libvirt's schema for `<target dev>`. */
export const TARGET_DEV_SCHEMA = /^(ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+$/;
