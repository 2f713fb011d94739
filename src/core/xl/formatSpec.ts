/**
 * Model → xl disk spec. Canonical key=value order: format, vdev, access, devtype, backendtype,
 * script, the other keys, the flags, and `target=` last (it swallows the rest of the spec).
 *
 * - minimal: defaults left out, as Xen's documentation writes specs
 *   (`vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555`);
 * - explicit: format, vdev and access always written, as libvirt writes them
 *   (`format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso`);
 * - libvirt: libvirt's converter's shape, `format=…,vdev=…,access=…[,backendtype=…][,devtype=cdrom]…`
 *   (an empty cdrom written `format=raw` with no `target=`, which xl reads as the same disk);
 * - positional: `target,format,vdev,access[,cdrom]`, when such a form means the same disk.
 */
import type { Disk } from '../model/disk';
import { parseDiskSpec } from './diskSpec';

export type SpecStyle = 'minimal' | 'explicit' | 'libvirt';

export type FormatOptions = {
  style?: SpecStyle;
  /**
   * `trusted` / `untrusted` and `grant_usage=` exist from Xen 4.19 only; Xen 4.17's scanner reads
   * them as positional words and fails. They are written only when the target is 4.19.
   */
  xen?: '4.17' | '4.19';
};

/** What xl makes of a disk in any case: a cdrom is read-only, and empty without a target. */
export function canonicalDisk(d: Disk): Disk {
  if (d.devtype !== 'cdrom') return d;
  return { ...d, access: 'ro', format: d.target ? d.format : 'empty' };
}

function keysBeforeTarget(d: Disk, style: SpecStyle, xen: '4.17' | '4.19'): string[] {
  const cdrom = d.devtype === 'cdrom';
  const emptyCdrom = cdrom && !d.target;
  const out: string[] = [];
  if (style === 'libvirt') out.push(`format=${emptyCdrom ? 'raw' : d.format}`);
  else if (style === 'explicit' || (d.format !== 'raw' && !emptyCdrom)) out.push(`format=${d.format}`);
  out.push(`vdev=${d.vdev}`);
  if (style !== 'minimal') out.push(`access=${cdrom ? 'ro' : d.access}`);
  else if (!cdrom && d.access === 'ro') out.push('access=ro');
  if (style === 'libvirt') {
    if (d.backendtype !== undefined) out.push(`backendtype=${d.backendtype}`);
    if (cdrom) out.push('devtype=cdrom');
  } else {
    if (cdrom) out.push('devtype=cdrom');
    if (d.backendtype !== undefined) out.push(`backendtype=${d.backendtype}`);
  }
  if (d.script !== undefined) out.push(`script=${d.script}`);
  if (d.backend !== undefined) out.push(`backend=${d.backend}`);
  if (d.specification !== undefined) out.push(`specification=${d.specification}`);
  if (d.coloHost !== undefined) out.push(`colo-host=${d.coloHost}`);
  if (d.coloPort) out.push(`colo-port=${d.coloPort}`);
  if (d.coloExport !== undefined) out.push(`colo-export=${d.coloExport}`);
  if (d.activeDisk !== undefined) out.push(`active-disk=${d.activeDisk}`);
  if (d.hiddenDisk !== undefined) out.push(`hidden-disk=${d.hiddenDisk}`);
  if (d.directIoSafe) out.push('direct-io-safe');
  if (d.discard !== undefined) out.push(d.discard ? 'discard' : 'no-discard');
  if (d.colo !== undefined) out.push(d.colo ? 'colo' : 'no-colo');
  if (xen === '4.19') {
    if (d.trusted !== undefined) out.push(d.trusted ? 'trusted' : 'untrusted');
    if (d.grantUsage !== undefined) out.push(`grant_usage=${d.grantUsage ? 1 : 0}`);
  }
  return out;
}

/** `target=VALUE`; a final comma is doubled because the scanner strips one. */
function targetField(target: string): string {
  return `target=${target}${target.endsWith(',') ? ',' : ''}`;
}

/** The canonical key=value spec of a disk. */
export function formatDiskSpec(d: Disk, options: FormatOptions = {}): string {
  const style = options.style ?? 'minimal';
  const fields = keysBeforeTarget(d, style, options.xen ?? '4.17');
  // libvirt writes no target= for an empty cdrom, even an explicitly empty one
  if (d.target === undefined || (style === 'libvirt' && d.target === '' && d.devtype === 'cdrom')) return fields.join(',');
  if (d.target.includes('\n')) {
    // `target=` stops at a newline; a positional first field can still carry one
    return [d.target, ...fields].join(',');
  }
  fields.push(targetField(d.target));
  return fields.join(',');
}

/**
 * The short positional form (`/root/image.iso,raw,hdc,ro,cdrom`, or `/dev/vg/guest-volume,,hda`
 * minimal), or undefined when none means the same disk: other keys are set, or the target holds
 * text the positional syntax reads differently (commas, `=`, legacy prefixes, leading blanks).
 */
export function formatPositional(d: Disk, options: { style?: SpecStyle } = {}): string | undefined {
  if (d.target === undefined) return undefined;
  if (
    d.backendtype !== undefined ||
    d.script !== undefined ||
    d.backend !== undefined ||
    d.specification !== undefined ||
    d.colo !== undefined ||
    d.coloHost !== undefined ||
    d.coloPort ||
    d.coloExport !== undefined ||
    d.activeDisk !== undefined ||
    d.hiddenDisk !== undefined ||
    d.directIoSafe ||
    d.discard !== undefined ||
    d.trusted !== undefined ||
    d.grantUsage !== undefined
  ) {
    return undefined;
  }
  const cdrom = d.devtype === 'cdrom';
  const explicit = (options.style ?? 'explicit') === 'explicit';
  const fields = [d.target, explicit || d.format !== 'raw' ? d.format : '', d.vdev];
  if (explicit) fields.push(cdrom ? 'ro' : d.access);
  else if (!cdrom && d.access === 'ro') fields.push('ro');
  if (cdrom) fields.push('cdrom');
  const spec = fields.join(',');
  const back = parseDiskSpec(spec);
  return back.ok && sameDisk(back.disk, canonicalDisk(d)) ? spec : undefined;
}

/** Field-by-field equality of two models (undefined and absent are the same). */
export function sameDisk(a: Disk, b: Disk): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Disk)[]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
