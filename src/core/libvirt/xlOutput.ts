/**
 * Writing disks for xl in the shape libvirt's converter writes them:
 * `format=F,vdev=V,access=A[,backendtype=B][,devtype=cdrom][,…][,target=T]` — every field by
 * key, `target=` last because it takes the rest of the spec — and the config-file line
 * `disk = [ "…", "…" ]` (double quotes, as libvirt writes it; single quotes for a spec holding a
 * double quote; backslashes doubled by the config writer's quoting).
 */
import type { Disk } from '../model/disk';
import { pickQuote, quoteXlString, type XlQuote } from '../xl/config';

/** One disk as a libvirt-shaped key=value spec (the string xl's disk parser receives). */
export function formatLibvirtSpec(d: Disk): string {
  const cdrom = d.devtype === 'cdrom';
  const f: string[] = [];
  // an empty cdrom: libvirt writes raw; xl makes it empty again because there is no target
  f.push(`format=${cdrom && !d.target && d.format === 'empty' ? 'raw' : d.format}`);
  f.push(`vdev=${d.vdev}`);
  f.push(`access=${cdrom ? 'ro' : d.access}`);
  if (d.backendtype !== undefined) f.push(`backendtype=${d.backendtype}`);
  if (cdrom) f.push('devtype=cdrom');
  if (d.script !== undefined) f.push(`script=${d.script}`);
  if (d.backend !== undefined) f.push(`backend=${d.backend}`);
  if (d.specification !== undefined) f.push(`specification=${d.specification}`);
  if (d.coloHost !== undefined) f.push(`colo-host=${d.coloHost}`);
  if (d.coloPort) f.push(`colo-port=${d.coloPort}`);
  if (d.coloExport !== undefined) f.push(`colo-export=${d.coloExport}`);
  if (d.activeDisk !== undefined) f.push(`active-disk=${d.activeDisk}`);
  if (d.hiddenDisk !== undefined) f.push(`hidden-disk=${d.hiddenDisk}`);
  if (d.directIoSafe) f.push('direct-io-safe');
  if (d.discard !== undefined) f.push(d.discard ? 'discard' : 'no-discard');
  if (d.colo !== undefined) f.push(d.colo ? 'colo' : 'no-colo');
  // an empty cdrom has no target= (libvirt's way); an empty target of another disk is kept
  if (d.target !== undefined && (d.target !== '' || !cdrom)) {
    // the scanner drops one final comma of the spec: double it so the target keeps its own
    f.push(`target=${d.target}${d.target.endsWith(',') ? ',' : ''}`);
  }
  return f.join(',');
}

/** `disk = [ "spec1", "spec2" ]`, as libvirt writes it (without a newline). */
export function formatDiskSetting(specs: readonly string[], quote: XlQuote = '"'): string {
  if (specs.length === 0) return 'disk = [ ]';
  return `disk = [ ${specs.map((s) => quoteXlString(s, pickQuote(s, quote))).join(', ')} ]`;
}
