/**
 * Writing disks for xl in the shape libvirt's converter writes them:
 * `format=F,vdev=V,access=A[,backendtype=B][,devtype=cdrom][,…][,target=T]` — every field by
 * key, `target=` last because it takes the rest of the spec — and the config-file line
 * `disk = [ "…", "…" ]` (double quotes, as libvirt writes it; single quotes for a spec holding a
 * double quote; backslashes doubled by the config writer's quoting).
 */
import type { Disk } from '../model/disk';
import { pickQuote, quoteXlString, type XlQuote } from '../xl/config';
import { formatDiskSpec } from '../xl/formatSpec';

/** One disk as a libvirt-shaped key=value spec (the string xl's disk parser receives). */
export function formatLibvirtSpec(d: Disk): string {
  return formatDiskSpec(d, { style: 'libvirt' });
}

/** `disk = [ "spec1", "spec2" ]`, as libvirt writes it (without a newline). */
export function formatDiskSetting(specs: readonly string[], quote: XlQuote = '"'): string {
  if (specs.length === 0) return 'disk = [ ]';
  return `disk = [ ${specs.map((s) => quoteXlString(s, pickQuote(s, quote))).join(', ')} ]`;
}
