/**
 * The workspace's document: src/core/document's view of the text (any syntax: xl config, bare
 * specs, libvirt XML), plus the two things the previews show that the view leaves to its
 * readers — the `disk = [ … ]` statement and xl's messages about the config. Every change goes
 * through the core's setDisk / insertDisk / removeDisk / moveDisk.
 */
import { duplicateDisk, insertDisk, moveDisk, readDocument, removeDisk, setDisk, type DocDisk, type DocumentView } from '../../core/document';
import type { Disk } from '../../core/model/disk';
import type { Edit } from '../../core/text/edits';
import { diskList, readXlConfig, replaceDiskList } from '../../core/xl/config';
import { formatDiskSpec } from '../../core/xl/formatSpec';
import type { GuestType } from '../../core/xl/vdev';

export type { DocDisk };

export type Doc = DocumentView & {
  /** The domain's `disk = [ … ]` statement: as written in an xl config, else as xl would read these disks. */
  diskStatement: string;
  /** What xl prints while reading the config, and what the XML reader found wrong. */
  configMessages: string[];
};

let last: { text: string; guest: GuestType; doc: Doc } | undefined;

/** The document of a text, for the guest type the user chose (the text's own wins). The last one is kept. */
export function readDoc(text: string, guest: GuestType): Doc {
  if (last && last.text === text && last.guest === guest) return last.doc;
  const view = readDocument(text, { guest });
  const doc: Doc = { ...view, diskStatement: statementOf(view), configMessages: messagesOf(view) };
  last = { text, guest, doc };
  return doc;
}

function statementOf(view: DocumentView): string {
  if (view.syntax === 'xl-config' && view.config) {
    const list = diskList(view.config);
    const s = list.setting === undefined ? undefined : view.config.settings[list.setting];
    if (s && s.op === '=' && list.entries.every((e) => e.setting === list.setting)) return view.text.slice(s.from, s.value.to);
  }
  return diskLineFor(view.disks.map((d) => d.spec ?? (d.disk ? formatDiskSpec(d.disk) : '')));
}

function messagesOf(view: DocumentView): string[] {
  if (view.config) return [...view.config.messages];
  if (view.xml && !view.xml.ok) return [view.xml.error.message];
  return [];
}

export const setDiskEdits = (doc: Doc, index: number, disk: Disk): Edit[] => setDisk(doc, index, disk);
export const insertDiskEdits = (doc: Doc, disk: Disk): Edit[] => insertDisk(doc, disk);
export const removeDiskEdits = (doc: Doc, index: number): Edit[] => removeDisk(doc, index);
export const duplicateDiskEdits = (doc: Doc, index: number, disk: Disk): Edit[] => duplicateDisk(doc, index, disk);
export const moveDiskEdits = (doc: Doc, index: number, to: number): Edit[] => moveDisk(doc, index, to);

/** The `disk = [ … ]` statement the given specs make on their own (the core config writer's layout). */
export function diskLineFor(specs: readonly string[]): string {
  const edits = replaceDiskList('', readXlConfig(''), specs);
  return edits.map((e) => e.insert).join('').replace(/\n$/, '');
}
