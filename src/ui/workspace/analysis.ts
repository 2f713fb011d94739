/**
 * What the UI shows of a text: its syntax, its disks with their spans and status, core lint's
 * diagnostics, and the domain's `disk = [ … ]` statement. Computed on the main thread for the
 * usual small document (with the full document view, which the previews and disk edits use),
 * or in a Web Worker for a large one (./analyzeWorker.ts): then everything here is plain data.
 */
import type { Syntax } from '../../core/document';
import type { GuestSource } from '../../core/document';
import type { XmlShape } from '../../core/libvirt';
import { lint, type Diagnostic } from '../../core/lint';
import type { Disk } from '../../core/model/disk';
import type { GuestType } from '../../core/xl/vdev';
import { readDoc, type Doc } from './docAdapter';

/** Above this many characters the text is read and linted in a worker, never on the main thread. */
export const LARGE = 40_000;

export type DiskState = 'ok' | 'warning' | 'error' | 'xl';

export type DiskInfo = {
  index: number;
  /** The disk's span: the quoted config item, the spec's line, or the `<disk>` element. */
  from: number;
  to: number;
  /** The spec xl reads (xl syntaxes). */
  spec?: string;
  /** The disk, when it can be read (its vdev is `vdev`, or `disk.vdev`). */
  readonly disk?: Disk;
  readonly vdev?: string;
};

/** A disk's vdev, without reading its model when the worker said it already. */
export const vdevOf = (d: DiskInfo): string | undefined => d.vdev ?? d.disk?.vdev;

/**
 * Each disk's state and the diagnostics within its span, as flat arrays (a large document has
 * tens of thousands of disks: no object per disk is made when its diagnostics arrive).
 */
export type DiskStates = {
  /** STATES[code] per disk. */
  state: Uint8Array;
  /** Disk i's diagnostics are items[start[i] .. start[i + 1]) (indexes into Analysis.diagnostics). */
  start: Int32Array;
  items: Int32Array;
};

const STATES: readonly DiskState[] = ['ok', 'warning', 'error', 'xl'];

export type Counts = { error: number; warning: number; info: number };

export type Analysis = {
  text: string;
  guest: GuestType;
  syntax: Syntax;
  guestSource: GuestSource;
  shape?: XmlShape;
  disks: readonly DiskInfo[];
  states: DiskStates;
  /** Core lint's diagnostics, in text order (undefined while a worker is still linting). */
  diagnostics?: Diagnostic[];
  /** How many of them have a safe fix, when the worker counted it (else count them). */
  safeFixes?: number;
  counts: Counts;
  diskStatement: string;
  configMessages: string[];
  /** The full document view (main-thread analyses only). */
  doc?: Doc;
  /** Worker analyses: how many disks are file-backed, and the Ceph keys in the text. */
  fileBacked?: number;
  keys?: string[];
};

/** ok, warning, error (some rule says so), xl (xl or the XML reader cannot read it). */
export const diskState = (a: Pick<Analysis, 'states'>, i: number): DiskState => STATES[a.states.state[i] ?? 0]!;

/** Indexes into a.diagnostics of disk i's diagnostics. */
export function diskProblems(a: Pick<Analysis, 'states'>, i: number): number[] {
  const { start, items } = a.states;
  if (i + 1 >= start.length) return [];
  return Array.from(items.subarray(start[i]!, start[i + 1]!));
}

/** Assigns each diagnostic to the disk whose span holds its start (both lists are in text order). */
export function diskStates(disks: readonly DiskInfo[], diagnostics: readonly Diagnostic[] | undefined): DiskStates {
  const n = disks.length;
  const state = new Uint8Array(n);
  const start = new Int32Array(n + 1);
  const items: number[] = [];
  const m = diagnostics?.length ?? 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = disks[i]!;
    start[i] = items.length;
    let st = vdevOf(d) !== undefined ? 0 : 3;
    if (diagnostics) {
      while (k < m && diagnostics[k]!.from < d.from) k++;
      for (let j = k; j < m; j++) {
        const x = diagnostics[j]!;
        if (x.from > d.to || (x.from === d.to && d.to > d.from)) break;
        items.push(j);
        if (st < 2) st = x.severity === 'error' ? 2 : x.severity === 'warning' ? 1 : st;
      }
    }
    state[i] = st;
  }
  start[n] = items.length;
  return { state, start, items: Int32Array.from(items) };
}

export function countOf(diagnostics: readonly Diagnostic[] | undefined): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics ?? []) c[d.severity]++;
  return c;
}

/** The analysis of a small text, on this thread. The last one is kept. */
let last: Analysis | undefined;
export function analyze(text: string, guest: GuestType): Analysis {
  if (last && last.text === text && last.guest === guest) return last;
  const doc = readDoc(text, guest);
  const diagnostics = lint(text, { guest });
  last = {
    text,
    guest: doc.guest,
    syntax: doc.syntax,
    guestSource: doc.guestSource,
    ...(doc.xml?.ok && { shape: doc.xml.shape }),
    disks: doc.disks,
    states: diskStates(doc.disks, diagnostics),
    diagnostics,
    counts: countOf(diagnostics),
    diskStatement: doc.diskStatement,
    configMessages: doc.configMessages,
    doc,
  };
  return last;
}

const SHAPES: Record<XmlShape, string> = {
  disk: 'one libvirt <disk>',
  disks: 'several libvirt <disk> elements',
  devices: 'a libvirt <devices>',
  domain: 'a libvirt <domain>',
};

/** What the text was detected as, in words ("an xl config with 3 disks"). */
export function describeInput(a: Pick<Analysis, 'syntax' | 'shape' | 'disks' | 'text'>): string {
  const n = a.disks.length;
  const disks = `${n} disk${n === 1 ? '' : 's'}`;
  switch (a.syntax) {
    case 'empty':
      return 'Nothing yet: paste, type or open a disk spec, an xl config or libvirt XML.';
    case 'specs':
      return n === 1 ? 'One xl disk spec.' : `xl disk specs, one per line: ${disks}.`;
    case 'xl-config':
      return /^\s*disk\s*\+?=/.test(a.text) && !/^\s*(?!disk\b)[A-Za-z][A-Za-z0-9_.]*\s*\+?=/m.test(a.text) ? `An xl disk = [ … ] line: ${disks}.` : `An xl config: ${disks}.`;
    case 'libvirt-xml':
      return a.shape ? `${SHAPES[a.shape][0]!.toUpperCase()}${SHAPES[a.shape].slice(1)}: ${disks}.` : 'libvirt XML (not readable yet).';
  }
}
