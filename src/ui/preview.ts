/**
 * The boundary between the UI and the core for everything the preview pane shows: the xl forms
 * of a disk, the domain's `disk = [ … ]` line, the libvirt `<disk>` elements with the mapper's
 * diagnostics, and the RBD secret setup. Results are cached per spec and guest type, so a
 * keystroke in one disk of a large domain recomputes only that disk.
 */
import type { Disk } from '../core/model/disk';
import type { LvDiagnostic } from '../core/libvirt/diagnostics';
import { rbdSecret, type RbdSecretSetup } from '../core/libvirt/secret';
import { diskToLibvirt } from '../core/libvirt/toXml';
import { printXml } from '../core/libvirt/xmlTree';
import { canonicalDisk, formatDiskSpec, formatPositional } from '../core/xl/formatSpec';
import { decodeTarget } from '../core/xl/targets';
import type { GuestType } from '../core/xl/vdev';
import { xlErrorMessage } from '../core/xl/diskSpec';
import type { Doc, DocDisk } from './workspace/docAdapter';

export type XlForms = { minimal: string; explicit: string; positional?: string };

export type DiskPreview = {
  index: number;
  spec: string;
  disk?: Disk;
  /** xl's message when it rejects the spec. */
  xlError?: string;
  xl?: XlForms;
  /** The `<disk>` element at column 0, or undefined when it cannot be written. */
  xml?: string;
  /** The same element indented for `<devices>` (depth 1). */
  xmlInDevices?: string;
  diagnostics: LvDiagnostic[];
  ceph?: { username: string; key?: string };
  /** The RBD key in the spec, for masking. */
  key?: string;
};

const cache = new Map<string, DiskPreview>();

function compute(d: DocDisk, guest: GuestType): DiskPreview {
  const spec = d.spec ?? '';
  if (!d.disk) {
    const xlError = d.parse && !d.parse.ok ? xlErrorMessage(d.parse.errors[0]!, spec) : undefined;
    return { index: d.index, spec, ...(xlError && { xlError }), diagnostics: d.xml?.diagnostics ?? [] };
  }
  const disk = d.disk;
  const positional = formatPositional(disk);
  const xl: XlForms = {
    minimal: formatDiskSpec(disk, { style: 'minimal' }),
    explicit: formatDiskSpec(disk, { style: 'explicit' }),
    ...(positional !== undefined && { positional }),
  };
  const lv = diskToLibvirt(disk, { guest });
  const t = decodeTarget(disk);
  const keyOpt = t.ok && t.target.kind === 'rbd' ? t.target.options.find((o) => o.kind === 'key') : undefined;
  return {
    index: d.index,
    spec,
    disk,
    xl,
    ...(lv.xml !== undefined && { xml: lv.xml, xmlInDevices: lv.element ? printXml(lv.element, 1) : undefined }),
    diagnostics: lv.diagnostics,
    ...(lv.ceph && { ceph: lv.ceph }),
    ...(keyOpt?.kind === 'key' && { key: keyOpt.value }),
  };
}

export function diskPreview(d: DocDisk, guest: GuestType): DiskPreview {
  // xl disks are known by their spec; XML disks by the model read from them
  const k = `${guest}\n${d.index}\n${d.spec ?? (d.disk ? formatDiskSpec(d.disk) : `\u0000${d.from}`)}`;
  const hit = cache.get(k);
  if (hit) return hit;
  if (cache.size > 4000) cache.clear();
  const p = compute(d, guest);
  cache.set(k, p);
  return p;
}

export type DomainPreview = {
  disks: DiskPreview[];
  /** The domain's `disk = [ … ]` statement. */
  diskLine: string;
  /** All `<disk>` elements inside `<devices>`. */
  devicesXml: string;
};

/** The Ceph keys written in the disks' RBD targets (to mask them on screen). */
export function cephKeys(disks: readonly { disk?: Disk }[]): string[] {
  const keys: string[] = [];
  for (const { disk } of disks) {
    if (!disk?.target?.startsWith('rbd:') || !disk.target.includes('key=')) continue;
    const t = decodeTarget(disk);
    if (!t.ok || t.target.kind !== 'rbd') continue;
    for (const o of t.target.options) if (o.kind === 'key' && o.value) keys.push(o.value);
  }
  return keys;
}

/** The first `max` lines of a text, and how many were left out. */
export function firstLines(text: string, max: number): { text: string; more: number } {
  let at = -1;
  for (let i = 0; i < max; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return { text, more: 0 };
  }
  if (at === text.length - 1) return { text, more: 0 };
  let more = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n', at + 1); i >= 0; i = text.indexOf('\n', i + 1)) more++;
  return { text: text.slice(0, at + 1), more };
}

export function domainPreview(doc: Doc): DomainPreview {
  const disks = doc.disks.map((d) => diskPreview(d, doc.guest));
  const diskLine = doc.diskStatement;
  const devicesXml = `<devices>\n${disks.map((d) => d.xmlInDevices ?? '').join('')}</devices>\n`;
  return { disks, diskLine, devicesXml };
}

/** The `<secret>` XML and virsh commands for an RBD disk's key (masked unless revealed). */
export function secretSetup(ceph: { username: string; key?: string }, reveal: boolean, uuid: string): RbdSecretSetup {
  return rbdSecret({ username: ceph.username, ...(ceph.key !== undefined && { key: ceph.key }), revealKey: reveal, uuid });
}

export const MASK = '••••••••';

/** The text with every occurrence of the key replaced by a mask (display only). */
export function maskKey(text: string, key: string | undefined): string {
  if (!key) return text;
  return text.split(key).join(MASK);
}

/** canonicalDisk, re-exported for the wizard (what xl makes of a disk in any case). */
export { canonicalDisk };
