/**
 * The work a large document needs, as plain functions of plain data: what the worker
 * (./analyze.worker.ts) runs, and what tests run directly. Results hold no functions or class
 * instances, so they cross postMessage as they are.
 */
import { readDocument, type GuestSource, type Syntax } from '../../core/document';
import type { XmlShape } from '../../core/libvirt';
import { fixAll, lint, type Diagnostic } from '../../core/lint';
import type { Disk } from '../../core/model/disk';
import { applyEdits, type Edit } from '../../core/text/edits';
import type { GuestType } from '../../core/xl/vdev';
import { convertText, type Target } from './convert';
import { duplicateDiskEdits, insertDiskEdits, moveDiskEdits, readDoc, removeDiskEdits } from './docAdapter';
import { cephKeys, domainPreview } from '../preview';
import { isFileBacked } from '../../core/lint';
import { removeCephKeys, shareFragment } from './share';
import { packDiagnostics, type PackedDiagnostics } from './packedDiagnostics';
import { warmSample } from './warmSample';

/**
 * A read document, laid out to cross postMessage cheaply: per-disk columns instead of an
 * object per disk (tens of thousands of them cost the main thread a long task to receive).
 * The main thread reads a disk's model from its spec when it needs one (./lazyDisks.ts).
 */
export type ReadResult = {
  syntax: Syntax;
  guest: GuestType;
  guestSource: GuestSource;
  shape?: XmlShape;
  from: Int32Array;
  to: Int32Array;
  /** The specs (xl syntaxes). */
  specs?: string[];
  /** The disks (XML: there is no spec to read them from). */
  xmlDisks?: (Disk | null)[];
  /** Each disk's vdev, or null when it cannot be read. */
  vdevs: (string | null)[];
  fileBacked: number;
  /** The Ceph keys in RBD targets (to mask them on screen). */
  keys: string[];
  diskStatement: string;
  configMessages: string[];
};

export type DiskOp =
  | { type: 'insertDisk'; disk: Disk }
  | { type: 'duplicateDisk'; index: number; disk: Disk }
  | { type: 'removeDisk'; index: number }
  | { type: 'moveDisk'; index: number; to: number };

export type Job =
  | { kind: 'read'; text: string; guest: GuestType }
  | { kind: 'lint'; text: string; guest: GuestType }
  | { kind: 'devices'; text: string; guest: GuestType }
  | { kind: 'fixAll'; text: string; guest: GuestType }
  | { kind: 'convert'; text: string; guest: GuestType; to: Target }
  | { kind: 'op'; text: string; guest: GuestType; op: DiskOp }
  | { kind: 'share'; text: string; guest: GuestType; keepKeys: boolean }
  | { kind: 'warm'; round: number; disks: number; steps: readonly WarmStep[] };

/** What a warm-up round runs: the work of one lane (./workerClient.ts). */
export type WarmStep = 'read' | 'lint' | 'devices';

/** The jobs about the user's text (all but the warm-up). */
export type TextJob = Exclude<Job, { kind: 'warm' }>;

export type JobResult = {
  read: ReadResult;
  lint: PackedDiagnostics;
  devices: string;
  fixAll: string;
  convert: string | { error: string };
  /** The edits, and where the disk they are about now sits. */
  op: { edits: Edit[]; at?: { from: number; to: number; index: number } };
  /** The share link's fragment, and how many Ceph keys the text holds (left out unless kept). */
  share: { fragment: string; keys: number };
  /** How long the round took (ms): later rounds show how warm the worker got. */
  warm: number;
};

export function readJob(text: string, guest: GuestType): ReadResult {
  const doc = readDoc(text, guest);
  const n = doc.disks.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let fileBacked = 0;
  doc.disks.forEach((d, i) => {
    from[i] = d.from;
    to[i] = d.to;
    if (d.disk && isFileBacked(d.disk)) fileBacked++;
  });
  const xl = doc.syntax !== 'libvirt-xml';
  return {
    syntax: doc.syntax,
    guest: doc.guest,
    guestSource: doc.guestSource,
    ...(doc.xml?.ok && { shape: doc.xml.shape }),
    from,
    to,
    ...(xl ? { specs: doc.disks.map((d) => d.spec ?? '') } : { xmlDisks: doc.disks.map((d) => d.disk ?? null) }),
    vdevs: doc.disks.map((d) => d.disk?.vdev ?? null),
    fileBacked,
    keys: cephKeys(doc.disks),
    diskStatement: doc.diskStatement,
    configMessages: doc.configMessages,
  };
}

/** What postMessage should move rather than copy: the typed arrays of a read or a lint. */
export function transferables(result: unknown): Transferable[] {
  if (!result || typeof result !== 'object') return [];
  return Object.values(result).flatMap((v) => (v instanceof Int32Array || v instanceof Uint8Array ? [v.buffer] : []));
}

/** Only safe fixes, pass after pass (a fix can reveal the next problem). */
export const safeOnly = (d: Diagnostic) => d.fixes.find((f) => f.safe);

export function runJob(job: Job): JobResult[Job['kind']] {
  switch (job.kind) {
    case 'read':
      return readJob(job.text, job.guest);
    case 'lint':
      return packDiagnostics(lint(job.text, { guest: job.guest }));
    case 'devices':
      return domainPreview(readDoc(job.text, job.guest)).devicesXml;
    case 'fixAll':
      return fixAll(job.text, { guest: job.guest }, safeOnly).text;
    case 'convert':
      return convertText(job.text, job.guest, job.to);
    case 'warm':
      return warmJob(job.round, job.disks, job.steps);
    case 'share': {
      const r = removeCephKeys(job.text, job.guest);
      return { fragment: shareFragment({ text: job.keepKeys ? job.text : r.text, guest: job.guest }), keys: r.removed };
    }
    case 'op': {
      const doc = readDoc(job.text, job.guest);
      const op = job.op;
      switch (op.type) {
        case 'insertDisk': {
          const edits = insertDiskEdits(doc, op.disk);
          const at = diskSpan(applyEdits(job.text, edits), job.guest, doc.disks.length);
          return { edits, ...(at && { at }) };
        }
        case 'duplicateDisk':
          return { edits: duplicateDiskEdits(doc, op.index, op.disk) };
        case 'removeDisk':
          return { edits: removeDiskEdits(doc, op.index) };
        case 'moveDisk':
          return { edits: moveDiskEdits(doc, op.index, op.to) };
      }
    }
  }
}

/** One round of warm-up: the steps on a sample config new to this round (see ./warmSample.ts). */
export function warmJob(round: number, disks: number, steps: readonly WarmStep[]): number {
  const t = performance.now();
  const text = warmSample(disks, round);
  for (const step of steps) {
    if (step === 'read') readJob(text, 'pvh');
    else if (step === 'lint') packDiagnostics(lint(text, { guest: 'pvh' }));
    else domainPreview(readDoc(text, 'pvh'));
  }
  return performance.now() - t;
}

/** Where disk `index` sits in a text (after an op: the inserted disk's span, for its wizard). */
export function diskSpan(text: string, guest: GuestType, index: number): { from: number; to: number; index: number } | undefined {
  const d = readDocument(text, { guest }).disks[index];
  return d ? { from: d.from, to: d.to, index } : undefined;
}
