/**
 * The workspace store: the document text and the guest type, changed only by text edits
 * (architecture: the text is the truth). The import editor, the wizard, the disk list, the fix
 * buttons and every other button dispatch edits; everything shown is derived from the text.
 *
 * Undo and redo work on the edits, like CodeMirror's history: each step keeps the edits and
 * their inverse (not copies of the text, which may be megabytes). The editor has no history of
 * its own, so one undo stack covers typing, fixes, wizards and the disk list alike. Consecutive
 * edits of one group (typing in the editor, one wizard's keystrokes) merge into one step.
 */
import { setDiskAt } from '../../core/document';
import { applyEdits, diffText, type Edit } from '../../core/text/edits';
import type { GuestType } from '../../core/xl/vdev';
import type { Disk } from '../../core/model/disk';
import { sameDisk } from '../../core/xl/formatSpec';
import type { Syntax } from '../../core/document';
import type { KindId } from '../wizard/kindInfo';
import { duplicateDiskEdits, insertDiskEdits, moveDiskEdits, readDoc, removeDiskEdits, setDiskEdits } from './docAdapter';

/**
 * Where a disk open in its wizard sits, when the document is too large to re-read on each
 * keystroke: its span (mapped through every edit) and the disk last written there.
 */
export type Span = { from: number; to: number; syntax: Syntax; disk: Disk };

/** What the editor pane shows: nothing, an existing disk, or a new disk not yet in the text. */
export type Editing =
  | { mode: 'none' }
  | { mode: 'choose' }
  | { mode: 'disk'; index: number; session: number; span?: Span }
  | { mode: 'new'; kind: KindId; session: number };

/** One undo step: the edits, and the edits that take them back (of the text after them). */
export type Change = { forward: Edit[]; backward: Edit[] };

export type WorkspaceState = {
  text: string;
  guest: GuestType;
  editing: Editing;
  /** Bumped for each editor opened, so a form remounts with fresh values. */
  sessions: number;
  /** Bumped for each change of the text (a cheap key for derived values and saves). */
  version: number;
  past: Change[];
  future: Change[];
  /** The group the newest step belongs to, the time of its last edit and the text before it. */
  group?: { key: string; at: number; base: string };
};

export type WorkspaceAction =
  /**
   * Edits of the current text. `group` merges consecutive edits of one source into one undo
   * step while they come less than GROUP_MS apart (`at`: the time of the edit).
   */
  | { type: 'edit'; edits: readonly Edit[]; then?: Editing; group?: string; at?: number; base?: string }
  /** Replaces the whole text (a file opened, an example, a conversion): one undo step. */
  | { type: 'replace'; text: string; guest?: GuestType; base?: string }
  /**
   * (`base`: the text the edits were computed for; they are dropped when the text is another.)
   * Disk-level changes: the edits are computed here, against the current text.
   */
  | { type: 'setDisk'; index: number; disk: Disk }
  /** The open wizard (of `session`) has a new disk: insert it, or rewrite it. */
  | { type: 'commit'; session: number; disk: Disk; at?: number }
  | { type: 'insertDisk'; disk: Disk; then?: Editing }
  | { type: 'duplicateDisk'; index: number; disk: Disk }
  | { type: 'removeDisk'; index: number }
  | { type: 'moveDisk'; index: number; to: number }
  /** The saved workspace, found after start (a large one, read from IndexedDB): no undo step. */
  | { type: 'restore'; text: string; guest: GuestType }
  | { type: 'setGuest'; guest: GuestType }
  | { type: 'open'; index: number; span?: Span }
  | { type: 'new'; kind: KindId }
  | { type: 'choose' }
  | { type: 'close' }
  | { type: 'undo' }
  | { type: 'redo' };

export function initialWorkspace(text = '', guest: GuestType = 'hvm'): WorkspaceState {
  return { text, guest, editing: { mode: 'none' }, sessions: 0, version: 0, past: [], future: [] };
}

const HISTORY = 500;
/** Edits of one group further apart than this start a new undo step. */
export const GROUP_MS = 1000;

/** Sorted, for the inverse: applyEdits takes them in any order, the inverse needs the order. */
function sortEdits(edits: readonly Edit[]): Edit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.from - b.e.from || a.e.to - b.e.to || a.i - b.i)
    .map((x) => x.e);
}

/** The edits that turn the text after `edits` back into `before`. */
export function invertEdits(before: string, edits: readonly Edit[]): Edit[] {
  let shift = 0;
  const out: Edit[] = [];
  for (const e of sortEdits(edits)) {
    const from = e.from + shift;
    out.push({ from, to: from + e.insert.length, insert: before.slice(e.from, e.to) });
    shift += e.insert.length - (e.to - e.from);
  }
  return out;
}

/** A position after edits (`assoc` -1 keeps it before text inserted right there). */
function mapPos(pos: number, edits: readonly Edit[], assoc: 1 | -1): number {
  let shift = 0;
  for (const e of sortEdits(edits)) {
    if (e.to < pos || (e.to === pos && (e.from < pos || assoc > 0))) shift += e.insert.length - (e.to - e.from);
    else break;
  }
  return pos + shift;
}

/** The open wizard's span after edits made elsewhere; undefined when an edit touched it. */
function mapSpan(span: Span, edits: readonly Edit[]): Span | undefined {
  if (edits.some((e) => e.from < span.to && e.to > span.from)) return undefined;
  return { ...span, from: mapPos(span.from, edits, 1), to: mapPos(span.to, edits, -1) };
}

/** Where the editor points after disk `removed` left the list. */
function afterRemove(e: Editing, removed: number): Editing {
  if (e.mode !== 'disk') return e;
  if (e.index === removed) return { mode: 'none' };
  return e.index > removed ? { ...e, index: e.index - 1 } : e;
}

function afterMove(e: Editing, from: number, to: number): Editing {
  if (e.mode !== 'disk') return e;
  if (e.index === from) return { ...e, index: to };
  if (from < e.index && e.index <= to) return { ...e, index: e.index - 1 };
  if (to <= e.index && e.index < from) return { ...e, index: e.index + 1 };
  return e;
}

function afterInsert(e: Editing, at: number): Editing {
  return e.mode === 'disk' && e.index >= at ? { ...e, index: e.index + 1 } : e;
}

/** Applies edits, records the undo step (merged into the last one within a group). */
function edit(state: WorkspaceState, edits: readonly Edit[], then: Editing | undefined, group?: string, at = 0): WorkspaceState {
  if (edits.length === 0) return then ? { ...state, editing: then } : state;
  const text = applyEdits(state.text, edits);
  if (text === state.text) return then ? { ...state, editing: then } : state;
  let editing = then ?? state.editing;
  if (!then && editing.mode === 'disk' && editing.span) {
    const span = mapSpan(editing.span, edits);
    editing = span ? { ...editing, span } : { mode: 'none' };
  }
  const g = state.group;
  let past: Change[];
  let nextGroup: WorkspaceState['group'];
  if (group !== undefined && g && g.key === group && at - g.at < GROUP_MS && state.past.length > 0) {
    // one step from the text before the group to this one (none when the group came back to it)
    const d = diffText(g.base, text);
    past = [...state.past.slice(0, -1), d ? { forward: [d], backward: invertEdits(g.base, [d]) } : { forward: [], backward: [] }];
    nextGroup = { key: group, at, base: g.base };
  } else {
    past = [...state.past.slice(-HISTORY + 1), { forward: [...edits], backward: invertEdits(state.text, edits) }];
    nextGroup = group !== undefined ? { key: group, at, base: state.text } : undefined;
  }
  return { ...state, text, version: state.version + 1, past, future: [], editing, group: nextGroup };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'commit': {
      const e = state.editing;
      if (e.mode === 'new' && e.session === action.session) {
        return workspaceReducer(state, { type: 'insertDisk', disk: action.disk, then: { mode: 'disk', index: -1, session: e.session } });
      }
      if (e.mode !== 'disk' || e.session !== action.session) return state;
      const group = `wizard:${e.session}`;
      if (e.span) {
        // a large document: rewrite the span, without reading the whole text again
        if (sameDisk(e.span.disk, action.disk)) return state;
        const edits = setDiskAt(state.text, e.span.syntax, state.guest, e.span, action.disk);
        const ed = edits[0]!;
        const span: Span = { ...e.span, from: ed.from, to: ed.from + ed.insert.length, disk: action.disk };
        return edit(state, edits, { ...e, span }, group, action.at);
      }
      const doc = readDoc(state.text, state.guest);
      const cur = doc.disks[e.index];
      // the same disk leaves the text alone, however it was written
      if (!cur || (cur.disk && sameDisk(cur.disk, action.disk))) return state;
      return edit(state, setDiskEdits(doc, e.index, action.disk), undefined, group, action.at);
    }
    case 'setDisk': {
      const doc = readDoc(state.text, state.guest);
      const cur = doc.disks[action.index];
      if (!cur || (cur.disk && sameDisk(cur.disk, action.disk))) return state;
      return edit(state, setDiskEdits(doc, action.index, action.disk), undefined);
    }
    case 'insertDisk': {
      const doc = readDoc(state.text, state.guest);
      const then = action.then && action.then.mode === 'disk' ? { ...action.then, index: doc.disks.length } : action.then;
      return edit(state, insertDiskEdits(doc, action.disk), then);
    }
    case 'duplicateDisk': {
      const doc = readDoc(state.text, state.guest);
      if (!doc.disks[action.index]) return state;
      return edit(state, duplicateDiskEdits(doc, action.index, action.disk), afterInsert(state.editing, action.index + 1));
    }
    case 'removeDisk': {
      const doc = readDoc(state.text, state.guest);
      if (!doc.disks[action.index]) return state;
      return edit(state, removeDiskEdits(doc, action.index), afterRemove(state.editing, action.index));
    }
    case 'moveDisk': {
      const doc = readDoc(state.text, state.guest);
      if (!doc.disks[action.index] || !doc.disks[action.to]) return state;
      return edit(state, moveDiskEdits(doc, action.index, action.to), afterMove(state.editing, action.index, action.to));
    }
    case 'edit':
      // edits computed for another text (a fix from an older lint, a worker's answer) are dropped
      if (action.base !== undefined && action.base !== state.text) return state;
      return edit(state, action.edits, action.then, action.group, action.at);
    case 'replace': {
      if (action.base !== undefined && action.base !== state.text) return state;
      const d = diffText(state.text, action.text);
      const next = d ? edit(state, [d], { mode: 'none' }) : { ...state, editing: { mode: 'none' } as Editing };
      return action.guest && action.guest !== next.guest ? { ...next, guest: action.guest } : next;
    }
    case 'restore':
      return { ...initialWorkspace(action.text, action.guest), sessions: state.sessions, version: state.version + 1 };
    case 'setGuest':
      return state.guest === action.guest ? state : { ...state, guest: action.guest };
    case 'open':
      return { ...state, editing: { mode: 'disk', index: action.index, session: state.sessions + 1, ...(action.span && { span: action.span }) }, sessions: state.sessions + 1, group: undefined };
    case 'new':
      return { ...state, editing: { mode: 'new', kind: action.kind, session: state.sessions + 1 }, sessions: state.sessions + 1, group: undefined };
    case 'choose':
      return { ...state, editing: { mode: 'choose' } };
    case 'close':
      return { ...state, editing: { mode: 'none' }, group: undefined };
    case 'undo': {
      const step = state.past[state.past.length - 1];
      if (step === undefined) return state;
      const text = applyEdits(state.text, step.backward);
      return { ...state, text, version: state.version + 1, past: state.past.slice(0, -1), future: [step, ...state.future], editing: { mode: 'none' }, group: undefined };
    }
    case 'redo': {
      const step = state.future[0];
      if (step === undefined) return state;
      const text = applyEdits(state.text, step.forward);
      return { ...state, text, version: state.version + 1, past: [...state.past, step], future: state.future.slice(1), editing: { mode: 'none' }, group: undefined };
    }
  }
}
