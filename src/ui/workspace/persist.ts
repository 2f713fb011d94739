/**
 * The workspace kept in the browser: the text and the guest type are saved shortly after each
 * change (and when the page is hidden), so a reload or a crashed tab finds the work again.
 * Nothing leaves the machine.
 *
 * A usual text goes to localStorage, which can be read at once on start. A large one (writing
 * megabytes to localStorage blocks the page, and its quota is a few megabytes) goes to
 * IndexedDB, and localStorage keeps a note that it is there.
 */
import type { GuestType } from '../../core/xl/vdev';

export const STORAGE_KEY = 'xldisk.workspace.v1';
/** Texts up to this many characters are kept in localStorage. */
export const SMALL_TEXT = 200_000;

const DB = 'xldisk';
const STORE = 'workspace';

export type Saved = { text: string; guest: GuestType };
/** What start-up finds: the saved workspace, or a note that a large one waits in IndexedDB. */
export type Found = Saved | { inDb: true; guest: GuestType } | undefined;

const isGuest = (g: unknown): g is GuestType => g === 'hvm' || g === 'pv' || g === 'pvh';

export function loadSaved(storage: Storage | undefined = globalThis.localStorage): Found {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as { v?: unknown; text?: unknown; guest?: unknown; inDb?: unknown };
    if (v.v !== 1 || !isGuest(v.guest)) return undefined;
    if (v.inDb === true) return { inDb: true, guest: v.guest };
    if (typeof v.text !== 'string') return undefined;
    return { text: v.text, guest: v.guest };
  } catch {
    return undefined;
  }
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function dbDo<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The large workspace kept in IndexedDB. */
export async function loadFromDb(): Promise<Saved | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const v = (await dbDo('readonly', (s) => s.get('current'))) as { text?: unknown; guest?: unknown } | undefined;
  return v && typeof v.text === 'string' && isGuest(v.guest) ? { text: v.text, guest: v.guest } : undefined;
}

/** Saves; resolves false when the browser refused (storage full or disabled). */
export async function save(s: Saved, storage: Storage | undefined = globalThis.localStorage): Promise<boolean> {
  try {
    if (s.text.length <= SMALL_TEXT || typeof indexedDB === 'undefined') {
      storage?.setItem(STORAGE_KEY, JSON.stringify({ v: 1, text: s.text, guest: s.guest }));
      return true;
    }
    await dbDo('readwrite', (st) => st.put({ text: s.text, guest: s.guest }, 'current'));
    storage?.setItem(STORAGE_KEY, JSON.stringify({ v: 1, inDb: true, guest: s.guest }));
    return true;
  } catch {
    return false;
  }
}
