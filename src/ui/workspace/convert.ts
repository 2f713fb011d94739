/**
 * Export and conversion of the whole document: as an xl config (the text itself when it is
 * one) or as a libvirt `<domain>` (the text itself when it is XML), through the core's mapper.
 */
import { readDocument } from '../../core/document';
import { diskToLibvirt, libvirtToXl, osTypeFor, printXml } from '../../core/libvirt';
import { diskList, readXlConfig } from '../../core/xl/config';
import { formatDiskSpec } from '../../core/xl/formatSpec';
import type { GuestType } from '../../core/xl/vdev';
import { diskLineFor } from './docAdapter';

export type Target = 'xl' | 'libvirt';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
const escapeComment = (s: string) => s.replace(/--/g, '- -');

/** The document as `to`; an error when there is nothing it can be written from. */
export function convertText(text: string, guest: GuestType, to: Target): string | { error: string } {
  const doc = readDocument(text, { guest });
  if (doc.syntax === 'empty') return { error: 'There is nothing to convert yet.' };
  if (to === 'xl') {
    if (doc.syntax === 'xl-config') return text;
    if (doc.syntax === 'specs') {
      const g = doc.guestSource === 'user' || doc.guestSource === 'default' ? `type = "${doc.guest}"\n` : '';
      return `${g}${diskLineFor(doc.disks.map((d) => d.spec ?? ''))}\n`;
    }
    const r = libvirtToXl(text, { guest });
    if (!r.read.ok) return { error: `The XML cannot be read: ${r.read.error.message}` };
    const name = /<domain\b[^>]*>[\s\S]*?<name>([^<]*)<\/name>/.exec(text)?.[1]?.trim();
    const skipped = r.read.disks.filter((d) => !d.disk).length;
    const lines = [
      ...(name ? [`name = "${name.replace(/["\\]/g, '')}"`] : []),
      `type = "${doc.guest}"`,
      ...(skipped ? [`# ${skipped} <disk> element${skipped === 1 ? '' : 's'} could not be written for xl (see the problems)`] : []),
      diskLineFor(r.specs),
    ];
    return `${lines.join('\n')}\n`;
  }
  if (doc.syntax === 'libvirt-xml') return text;
  let name: string | undefined;
  if (doc.syntax === 'xl-config') {
    const cfg = doc.config ?? readXlConfig(text);
    const v = (cfg.ok ? cfg.values : cfg.bestEffort).get('name')?.value;
    if (v?.type === 'string') name = v.value;
    if (diskList(cfg).items.length === 0 && doc.disks.length === 0 && !cfg.ok) return { error: 'xl cannot read this config: fix its problems first.' };
  }
  const os = osTypeFor(doc.guest);
  const body: string[] = [];
  for (const d of doc.disks) {
    if (!d.disk) {
      body.push(`    <!-- disk ${d.index + 1} is left out: xl cannot read ${escapeComment(JSON.stringify(d.spec ?? ''))} -->\n`);
      continue;
    }
    const r = diskToLibvirt(d.disk, { guest: doc.guest });
    if (r.element) body.push(printXml(r.element, 2));
    else body.push(`    <!-- disk ${d.index + 1} (${escapeComment(formatDiskSpec(d.disk))}) has no libvirt form -->\n`);
  }
  return [
    "<domain type='xen'>\n",
    ...(name ? [`  <name>${escapeXml(name)}</name>\n`] : []),
    '  <os>\n',
    `    <type${os.machine ? ` machine='${os.machine}'` : ''}>${os.type}</type>\n`,
    '  </os>\n',
    '  <devices>\n',
    ...body,
    '  </devices>\n',
    '</domain>\n',
  ].join('');
}
