/**
 * The workspace store: the document text and the guest type, changed only by text edits
 * (architecture: the text is the truth). The wizard, the disk list and every button dispatch
 * edits; everything shown is derived from the text.
 */
import { applyEdits, type Edit } from '../../core/text/edits';
import type { GuestType } from '../../core/xl/vdev';
import type { Disk } from '../../core/model/disk';
import { sameDisk } from '../../core/xl/formatSpec';
import type { KindId } from '../wizard/kindInfo';
import { insertDiskEdits, moveDiskEdits, readDoc, removeDiskEdits, setDiskEdits } from './docAdapter';

/** What the editor pane shows: nothing, an existing disk, or a new disk not yet in the text. */
export type Editing = { mode: 'none' } | { mode: 'choose' } | { mode: 'disk'; index: number; session: number } | { mode: 'new'; kind: KindId; session: number };

export type WorkspaceState = {
  text: string;
  guest: GuestType;
  editing: Editing;
  /** Bumped for each editor opened, so a form remounts with fresh values. */
  sessions: number;
  /** Texts before each edit, newest last (undo). */
  past: string[];
  future: string[];
};

export type WorkspaceAction =
  | { type: 'edit'; edits: readonly Edit[]; then?: Editing }
  /** Disk-level changes: the edits are computed here, against the current text. */
  | { type: 'setDisk'; index: number; disk: Disk }
  /** The open wizard (of `session`) has a new disk: insert it, or rewrite it. */
  | { type: 'commit'; session: number; disk: Disk }
  | { type: 'insertDisk'; disk: Disk; then?: Editing }
  | { type: 'removeDisk'; index: number }
  | { type: 'moveDisk'; index: number; to: number }
  | { type: 'setGuest'; guest: GuestType }
  | { type: 'open'; index: number }
  | { type: 'new'; kind: KindId }
  | { type: 'choose' }
  | { type: 'close' }
  | { type: 'undo' }
  | { type: 'redo' };

export function initialWorkspace(text = '', guest: GuestType = 'hvm'): WorkspaceState {
  return { text, guest, editing: { mode: 'none' }, sessions: 0, past: [], future: [] };
}

const HISTORY = 200;

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

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'commit': {
      const e = state.editing;
      if (e.mode === 'new' && e.session === action.session) {
        return workspaceReducer(state, { type: 'insertDisk', disk: action.disk, then: { mode: 'disk', index: -1, session: e.session } });
      }
      if (e.mode === 'disk' && e.session === action.session) return workspaceReducer(state, { type: 'setDisk', index: e.index, disk: action.disk });
      return state;
    }
    case 'setDisk': {
      const doc = readDoc(state.text, state.guest);
      const cur = doc.disks[action.index];
      // the same disk leaves the text alone, however it was written
      if (!cur || (cur.disk && sameDisk(cur.disk, action.disk))) return state;
      return workspaceReducer(state, { type: 'edit', edits: setDiskEdits(doc, action.index, action.disk) });
    }
    case 'insertDisk': {
      const doc = readDoc(state.text, state.guest);
      const then = action.then && action.then.mode === 'disk' ? { ...action.then, index: doc.disks.length } : action.then;
      return workspaceReducer(state, { type: 'edit', edits: insertDiskEdits(doc, action.disk), ...(then && { then }) });
    }
    case 'removeDisk': {
      const doc = readDoc(state.text, state.guest);
      if (!doc.disks[action.index]) return state;
      return workspaceReducer(state, { type: 'edit', edits: removeDiskEdits(doc, action.index), then: afterRemove(state.editing, action.index) });
    }
    case 'moveDisk': {
      const doc = readDoc(state.text, state.guest);
      if (!doc.disks[action.index] || !doc.disks[action.to]) return state;
      return workspaceReducer(state, { type: 'edit', edits: moveDiskEdits(doc, action.index, action.to), then: afterMove(state.editing, action.index, action.to) });
    }
    case 'edit': {
      if (action.edits.length === 0 && !action.then) return state;
      const text = applyEdits(state.text, action.edits);
      const past = text === state.text ? state.past : [...state.past.slice(-HISTORY + 1), state.text];
      return { ...state, text, past, future: text === state.text ? state.future : [], editing: action.then ?? state.editing };
    }
    case 'setGuest':
      return state.guest === action.guest ? state : { ...state, guest: action.guest };
    case 'open':
      return { ...state, editing: { mode: 'disk', index: action.index, session: state.sessions + 1 }, sessions: state.sessions + 1 };
    case 'new':
      return { ...state, editing: { mode: 'new', kind: action.kind, session: state.sessions + 1 }, sessions: state.sessions + 1 };
    case 'choose':
      return { ...state, editing: { mode: 'choose' } };
    case 'close':
      return { ...state, editing: { mode: 'none' } };
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (prev === undefined) return state;
      return { ...state, text: prev, past: state.past.slice(0, -1), future: [state.text, ...state.future], editing: { mode: 'none' } };
    }
    case 'redo': {
      const next = state.future[0];
      if (next === undefined) return state;
      return { ...state, text: next, past: [...state.past, state.text], future: state.future.slice(1), editing: { mode: 'none' } };
    }
  }
}
