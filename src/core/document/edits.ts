/**
 * Changing the disks of a document, as text edits. Setting one disk rewrites only that disk's
 * span (the quoted item, the spec line, the `<disk>` element), so every other byte of the
 * user's text stays as it was. Adding, removing and reordering rewrite the disk list (xl) or
 * move whole elements (XML).
 */
import { diskToLibvirt } from '../libvirt';
import type { Disk } from '../model/disk';
import type { Edit } from '../text/edits';
import type { GuestType } from '../model/guest';
import { pickQuote, quoteXlString, replaceDiskItem, replaceDiskList } from '../xl/config';
import { formatDiskSpec, type SpecStyle } from '../xl/formatSpec';
import type { Syntax } from './detect';
import type { DocumentView } from './document';

export type WriteOptions = { style?: SpecStyle };

/** The text a disk takes in this document's syntax (XML indented like `indent`). */
function diskText(view: Pick<DocumentView, 'syntax' | 'guest'>, disk: Disk, options: WriteOptions, indent = ''): string {
  if (view.syntax === 'libvirt-xml') {
    const xml = diskToLibvirt(disk, { guest: view.guest }).xml ?? '';
    return xml
      .replace(/\n$/, '')
      .split('\n')
      .map((l, i) => (i === 0 ? l : indent + l))
      .join('\n');
  }
  return formatDiskSpec(disk, { style: options.style ?? 'minimal' });
}

/** The blanks before a span on its line (for XML re-indentation). */
function indentBefore(text: string, from: number): string {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lead = text.slice(lineStart, from);
  return /^[ \t]*$/.test(lead) ? lead : '';
}

/** Sets disk `index` to `disk`, rewriting only its span. */
export function setDisk(view: DocumentView, index: number, disk: Disk, options: WriteOptions = {}): Edit[] {
  const d = view.disks[index];
  if (!d) throw new RangeError(`there is no disk ${index}`);
  if (view.syntax === 'xl-config') return replaceDiskItem(view.text, view.config!, index, diskText(view, disk, options));
  return [{ from: d.from, to: d.to, insert: diskText(view, disk, options, indentBefore(view.text, d.from)) }];
}

/**
 * setDisk from the disk's span alone, for a caller that keeps spans instead of a document view
 * (the UI, when a large document is read in a worker): the same text setDisk writes.
 */
export function setDiskAt(text: string, syntax: Syntax, guest: GuestType, span: { from: number; to: number }, disk: Disk, options: WriteOptions = {}): Edit[] {
  const written = diskText({ syntax, guest }, disk, options, indentBefore(text, span.from));
  if (syntax !== 'xl-config') return [{ from: span.from, to: span.to, insert: written }];
  // a config item keeps the quote it was written with
  const q = text[span.from];
  return [{ from: span.from, to: span.to, insert: quoteXlString(written, pickQuote(written, q === '"' ? '"' : "'")) }];
}

/** Specs of the xl disks, as the list should read after a change. */
function specsOf(view: DocumentView): string[] {
  return view.disks.map((d) => d.spec ?? '');
}

/** Appends a disk (an empty document becomes an xl config with a `disk` list). */
export function insertDisk(view: DocumentView, disk: Disk, options: WriteOptions = {}): Edit[] {
  const { text } = view;
  switch (view.syntax) {
    case 'empty':
    case 'xl-config': {
      const cfgView = view.syntax === 'empty' ? undefined : view.config;
      const spec = formatDiskSpec(disk, { style: options.style ?? 'minimal' });
      if (!cfgView) return [{ from: 0, to: text.length, insert: `disk = [ '${spec.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' ]\n` }];
      return replaceDiskList(text, cfgView, [...specsOf(view), spec]);
    }
    case 'specs': {
      const sep = text.length && !text.endsWith('\n') ? '\n' : '';
      return [{ from: text.length, to: text.length, insert: `${sep}${diskText(view, disk, options)}\n` }];
    }
    case 'libvirt-xml': {
      const last = view.disks[view.disks.length - 1];
      if (last) {
        const indent = indentBefore(text, last.from);
        return [{ from: last.to, to: last.to, insert: `\n${indent}${diskText(view, disk, options, indent)}` }];
      }
      const close = text.lastIndexOf('</devices>');
      if (close >= 0) {
        const indent = `${indentBefore(text, close)}  `;
        return [{ from: close, to: close, insert: `  ${diskText(view, disk, options, indent)}\n${indentBefore(text, close)}` }];
      }
      const sep = text.endsWith('\n') ? '' : '\n';
      return [{ from: text.length, to: text.length, insert: `${sep}${diskText(view, disk, options)}\n` }];
    }
  }
}

/** The span of a whole line-ish element: its indentation and the newline after it. */
function wholeLines(text: string, from: number, to: number): { from: number; to: number } {
  const lead = indentBefore(text, from);
  const start = from - lead.length;
  const end = text[to] === '\n' ? to + 1 : to;
  return { from: start, to: end };
}

export function removeDisk(view: DocumentView, index: number): Edit[] {
  const d = view.disks[index];
  if (!d) throw new RangeError(`there is no disk ${index}`);
  if (view.syntax === 'xl-config') return replaceDiskList(view.text, view.config!, specsOf(view).filter((_, i) => i !== index));
  const span = wholeLines(view.text, d.from, d.to);
  return [{ from: span.from, to: span.to, insert: '' }];
}

/** Moves disk `from` to position `to` (both indexes in the current list). */
export function moveDisk(view: DocumentView, from: number, to: number): Edit[] {
  const n = view.disks.length;
  if (from < 0 || from >= n || to < 0 || to >= n) throw new RangeError(`cannot move disk ${from} to ${to}`);
  if (from === to) return [];
  const order = view.disks.map((_, i) => i);
  order.splice(to, 0, ...order.splice(from, 1));
  if (view.syntax === 'xl-config') {
    const specs = specsOf(view);
    return replaceDiskList(view.text, view.config!, order.map((i) => specs[i]!));
  }
  // specs and XML: each disk's own text moves into the slot of another
  const texts = view.disks.map((d) => view.text.slice(d.from, d.to));
  return view.disks.map((d, slot) => ({ from: d.from, to: d.to, insert: texts[order[slot]!]! }));
}

/** Inserts a copy of disk `index` right after it (the caller picks a free vdev first). */
export function duplicateDisk(view: DocumentView, index: number, disk: Disk, options: WriteOptions = {}): Edit[] {
  const d = view.disks[index];
  if (!d) throw new RangeError(`there is no disk ${index}`);
  if (view.syntax === 'xl-config') {
    const specs = specsOf(view);
    specs.splice(index + 1, 0, formatDiskSpec(disk, { style: options.style ?? 'minimal' }));
    return replaceDiskList(view.text, view.config!, specs);
  }
  const indent = indentBefore(view.text, d.from);
  return [{ from: d.to, to: d.to, insert: `\n${indent}${diskText(view, disk, options, indent)}` }];
}
