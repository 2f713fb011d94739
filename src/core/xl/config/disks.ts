/**
 * The `disk` setting as xl uses it (xl_parse.c, parse_config_data):
 *
 * - xl asks for `disk` as a list; a single value makes libxlutil print
 *   "parameter `disk' is a single value but should be a list" and xl then
 *   carries on with no disks at all;
 * - xl walks the list from the start and stops silently at the first item
 *   that is not a string (a nested list): that item and all after it are
 *   ignored. A NUMBER atom is a string to libxlutil (`disk = [ 123 ]` gives
 *   the spec "123").
 */
import { locator, type Locate } from './locate';
import { SourceOffsets } from './offsets';
import type { Effective, Located, XlConfig, XlDiagnostic, XlValue } from './types';

export interface DiskItem extends Located {
  /** Position in the effective disk list (and in diskItems()). */
  readonly index: number;
  /** The spec string handed to xlu_disk_parse (after quote processing). */
  readonly spec: string;
  /** The atom it came from: its span covers the quotes. */
  readonly atom: 'string' | 'number';
  readonly quote: "'" | '"' | null;
  /**
   * specOffsets.at(i) = source offset of spec[i]; specOffsets.at(spec.length) =
   * the offset just past the spec (the closing quote, or the end of a number).
   */
  readonly specOffsets: SourceOffsets;
  /** Index into cfg.settings of the statement the item was written in. */
  readonly setting: number;
  readonly node: XlValue;
}

export type DiskListStatus = 'ok' | 'absent' | 'not-a-list';

export interface DiskList {
  readonly status: DiskListStatus;
  /** The items xl hands to the disk parser, in order. */
  readonly items: readonly DiskItem[];
  /** How many items the list has in all, the ignored ones included. */
  readonly total: number;
  /** = items.length: xl stops at the first nested list. */
  readonly xlUses: number;
  /** Every entry of the effective list (for tools that show the ignored ones). */
  readonly entries: readonly { readonly node: XlValue; readonly setting: number }[];
  /** The newest `disk` statement (the one libxlutil's lookup finds), if any. */
  readonly setting?: number;
  /** The "single value" warning, when status is 'not-a-list'. */
  readonly warning?: XlDiagnostic;
  /**
   * True when the config read succeeded, so this is exactly what xl uses.
   * When it failed xl uses nothing; the list is then our best guess of what
   * was meant (the read as if no error had happened), for editors.
   */
  readonly exact: boolean;
}

/** The "single value" warning libxlutil prints for `disk`, or undefined. */
export function notAListWarning(source: string, disk: Effective | undefined, settings: XlConfig['settings'], locate: Locate): XlDiagnostic | undefined {
  if (!disk || disk.value.type === 'list') return undefined;
  const s = settings[disk.setting]!;
  const line = s.line;
  return {
    kind: 'not-a-list',
    severity: 'warning',
    message: "parameter `disk' is a single value but should be a list",
    line,
    lines: [`${source}:${line}: warning: parameter \`disk' is a single value but should be a list`],
    ...locate(s.value.from, s.value.to),
  };
}

function toDiskItem(node: XlValue, setting: number, index: number): DiskItem | undefined {
  if (node.kind === 'list') return undefined;
  if (node.kind === 'string') {
    return { index, spec: node.value, atom: 'string', quote: node.quote, from: node.from, to: node.to, start: node.start, end: node.end, specOffsets: node.offsets, setting, node };
  }
  const specOffsets = SourceOffsets.straight(node.from, node.value.length, node.from + node.value.length);
  return { index, spec: node.value, atom: 'number', quote: null, from: node.from, to: node.to, start: node.start, end: node.end, specOffsets, setting, node };
}

/**
 * The lists made so far, by config: the document, its linter and its previews each ask for the
 * list of the same (never changed) config, and a large one has tens of thousands of items.
 */
const lists = new WeakMap<XlConfig, DiskList>();

/** The full picture of the `disk` setting as xl sees it. */
export function diskList(cfg: XlConfig): DiskList {
  let list = lists.get(cfg);
  if (list === undefined) lists.set(cfg, (list = makeDiskList(cfg)));
  return list;
}

function makeDiskList(cfg: XlConfig): DiskList {
  const values = cfg.ok ? cfg.values : cfg.bestEffort;
  const disk = values.get('disk');
  const exact = cfg.ok;
  if (!disk) return { status: 'absent', items: [], total: 0, xlUses: 0, entries: [], exact };
  if (disk.value.type !== 'list') {
    const warning = notAListWarning(cfg.source, disk, cfg.settings, locator(cfg.lineIndex));
    return { status: 'not-a-list', items: [], total: 0, xlUses: 0, entries: [], setting: disk.setting, ...(warning ? { warning } : {}), exact };
  }
  const entries = disk.value.items.map((it) => ({ node: it.value, setting: it.setting }));
  const items: DiskItem[] = [];
  for (const e of entries) {
    const item = toDiskItem(e.node, e.setting, items.length);
    if (!item) break;
    items.push(item);
  }
  return { status: 'ok', items, total: entries.length, xlUses: items.length, entries, setting: disk.setting, exact };
}

/** The disk specs in the order xl uses them (see diskList for the whole picture). */
export function diskItems(cfg: XlConfig): DiskItem[] {
  return [...diskList(cfg).items];
}

/** Maps an index into a disk spec to the source offset it came from. */
export function specIndexToOffset(item: DiskItem, index: number): number {
  const i = Math.max(0, Math.min(index, item.spec.length));
  return item.specOffsets.at(i);
}
