/**
 * What libxlutil keeps of the settings (xlu__cfg_set_store and
 * xlu__cfg_concat_vals in libxlu_cfg.c):
 *
 * - the newest setting of a name wins (its list of settings is searched
 *   newest first);
 * - `name += value` appends to the current value of `name` (list to list,
 *   string to string; a NUMBER is a string), or is a plain assignment if the
 *   name is unset; mixing a list and a string is an error;
 * - once any error has happened, nothing more is stored.
 *
 * The effective value of a list keeps, for each item, the statement it was
 * written in, so an edit can go back to the right place in the file.
 */
import type { Effective, EffectiveItem, EffectiveValue, XlSetting } from './types';

/** The effective value a statement's own value has, alone. */
export function ownValue(s: XlSetting): EffectiveValue {
  const v = s.value;
  if (v.kind === 'list') return { type: 'list', items: v.items.map((it) => ({ value: it.value, setting: s.index })), settings: [s.index] };
  return { type: 'string', value: v.value, settings: [s.index] };
}

/**
 * Applies one statement to `store`. Returns false when `+=` mixes a list and a
 * string (libxlutil's "can't add" error); the store is then left unchanged.
 */
export function applySetting(store: Map<string, Effective>, s: XlSetting): boolean {
  const prev = s.op === '+=' ? store.get(s.name) : undefined;
  if (!prev) {
    store.set(s.name, { value: ownValue(s), setting: s.index });
    return true;
  }
  const p = prev.value;
  const v = s.value;
  if ((p.type === 'list') !== (v.kind === 'list')) return false;
  // libxlutil moves the old items into the new value and makes the old setting
  // unreachable; we may therefore extend the old arrays in place, which keeps
  // long `+=` chains linear.
  (p.settings as number[]).push(s.index);
  if (p.type === 'list' && v.kind === 'list') {
    const items = p.items as EffectiveItem[];
    for (const it of v.items) items.push({ value: it.value, setting: s.index });
    (prev as { setting: number }).setting = s.index;
  } else if (p.type === 'string' && v.kind !== 'list') {
    store.set(s.name, { value: { type: 'string', value: p.value + v.value, settings: p.settings }, setting: s.index });
  }
  return true;
}

/** The store as libxlutil would have built it from these statements, ignoring errors. */
export function effectiveValues(settings: readonly XlSetting[], onlyStored: boolean): Map<string, Effective> {
  const store = new Map<string, Effective>();
  for (const s of settings) if (!onlyStored || s.stored) applySetting(store, s);
  return store;
}
