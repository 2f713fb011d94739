/**
 * Rewriting the `disk` setting of a config as text edits, leaving every byte
 * outside the rewritten value as it was (architecture: the text is the truth).
 *
 * - replaceDiskItem rewrites one item's quoted string in place.
 * - replaceDiskList rewrites the list of the `disk` statement that xl's lookup
 *   starts from (the last plain assignment of `disk`), keeping its layout;
 *   `disk += [...]` statements that extended it are folded into it and
 *   removed (their items are part of the new list), so the file keeps a
 *   single source of truth for the disks. Comments inside the old list go
 *   with it, except one right after `[`. With no `disk` statement, one is
 *   appended at the end of the file.
 */
import type { Edit } from '../../text/edits';
import { diskList } from './disks';
import { pickQuote, quoteXlString, type XlQuote } from './quote';
import type { XlConfig, XlListValue, XlSetting } from './types';

export interface ListWriteOptions {
  /** Quote for items that have no existing item to take it from (default: the list's first item's, else '). */
  readonly quote?: XlQuote;
  /** Indentation of items in a new multi-line list (default four spaces). */
  readonly indent?: string;
}

function checkText(text: string, cfg: XlConfig): void {
  if (cfg.text !== text) throw new Error('the config was read from a different text');
}

/** Rewrites disk item `index` (an index into diskItems(cfg)) to `spec`. */
export function replaceDiskItem(text: string, cfg: XlConfig, index: number, spec: string): Edit[] {
  checkText(text, cfg);
  const item = diskList(cfg).items[index];
  if (!item) throw new RangeError(`there is no disk item ${index}`);
  const quote = pickQuote(spec, item.quote ?? "'");
  return [{ from: item.from, to: item.to, insert: quoteXlString(spec, quote) }];
}

interface Layout {
  readonly multiline: boolean;
  /** Single-line: between `[` and the first item, and before `]`. */
  readonly pad: string;
  /** Single-line: between items (after the comma included). */
  readonly sep: string;
  /** Multi-line: what follows `[` on its line (a comment kept from the old list), the item indent, the `]` indent. */
  readonly afterOpen: string;
  readonly indent: string;
  readonly closeIndent: string;
  readonly trailingComma: boolean;
}

const isBlank = (s: string) => /^[ \t]*$/.test(s);

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The layout of an existing list, or undefined when it has no items to learn from. */
function layoutOf(text: string, list: XlListValue, indent: string): Layout | undefined {
  if (list.items.length === 0) return undefined;
  const inner = text.slice(list.open + 1, list.close);
  const first = list.items[0]!.value;
  const last = list.items[list.items.length - 1]!;
  if (!inner.includes('\n')) {
    const pad = text.slice(list.open + 1, first.from);
    const second = list.items[1];
    const sep = second && list.items[0]!.comma !== undefined ? text.slice(list.items[0]!.comma!, second.value.from) : ', ';
    return { multiline: false, pad: isBlank(pad) ? pad : ' ', sep: /^,[ \t]*$/.test(sep) ? sep : ', ', afterOpen: '', indent, closeIndent: '', trailingComma: false };
  }
  const firstLine = lineStart(text, first.from);
  const itemIndent = firstLine > list.open && isBlank(text.slice(firstLine, first.from)) ? text.slice(firstLine, first.from) : indent;
  const closeLine = lineStart(text, list.close);
  const closeIndent = closeLine > list.open && isBlank(text.slice(closeLine, list.close)) ? text.slice(closeLine, list.close) : '';
  const openLineEnd = text.indexOf('\n', list.open);
  const afterOpenText = text.slice(list.open + 1, openLineEnd);
  const afterOpen = /^[ \t]*#/.test(afterOpenText) && first.from > openLineEnd ? afterOpenText : '';
  return { multiline: true, pad: ' ', sep: ', ', afterOpen, indent: itemIndent, closeIndent, trailingComma: last.comma !== undefined };
}

function defaultLayout(count: number, indent: string): Layout {
  return { multiline: count > 1, pad: ' ', sep: ', ', afterOpen: '', indent, closeIndent: '', trailingComma: true };
}

function listText(quoted: readonly string[], l: Layout): string {
  if (!l.multiline) return quoted.length ? `[${l.pad}${quoted.join(l.sep)}${l.pad}]` : '[]';
  const lines = quoted.map((q, i) => `${l.indent}${q}${i < quoted.length - 1 || l.trailingComma ? ',' : ''}`);
  return `[${l.afterOpen}\n${lines.map((s) => s + '\n').join('')}${l.closeIndent}]`;
}

/** Where to cut to remove a statement that is being folded into another. */
function removalRange(text: string, s: XlSetting): Edit {
  const ls = lineStart(text, s.from);
  const aloneOnLine = isBlank(text.slice(ls, s.from));
  const term = s.terminator;
  if (term && text[term.to - 1] === '\n') {
    if (aloneOnLine) return { from: ls, to: term.to, insert: '' };
    return { from: s.from, to: term.from, insert: '' };
  }
  let to = term ? term.to : s.to;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  return { from: s.from, to, insert: '' };
}

/**
 * Replaces the disks of the config with `specs`. Returns the edits; apply them
 * with applyEdits(text, edits).
 */
export function replaceDiskList(text: string, cfg: XlConfig, specs: readonly string[], opts: ListWriteOptions = {}): Edit[] {
  checkText(text, cfg);
  const indent = opts.indent ?? '    ';
  const values = cfg.ok ? cfg.values : cfg.bestEffort;
  const disk = values.get('disk');
  // Each new item takes the quote of the item it replaces; extra ones the first item's.
  const oldQuotes = diskList(cfg).items.map((it) => it.quote ?? undefined);
  const fallback = opts.quote ?? oldQuotes[0] ?? "'";
  const quoted = specs.map((s, i) => quoteXlString(s, pickQuote(s, oldQuotes[i] ?? fallback)));

  if (!disk) {
    const body = listText(quoted, defaultLayout(quoted.length, indent));
    const prefix = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    return [{ from: text.length, to: text.length, insert: `${prefix}disk = ${body}\n` }];
  }
  const chain = disk.value.settings.map((i) => cfg.settings[i]!);
  const base = chain[0]!;
  const layout = (base.value.kind === 'list' ? layoutOf(text, base.value, indent) : undefined) ?? defaultLayout(quoted.length, indent);
  const edits: Edit[] = [{ from: base.value.from, to: base.value.to, insert: listText(quoted, layout) }];
  for (const s of chain.slice(1)) edits.push(removalRange(text, s));
  return edits;
}
