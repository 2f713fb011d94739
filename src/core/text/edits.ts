/**
 * Text edits: the one currency every change to a document is paid in (editor,
 * wizard, fix buttons, disk list). An edit replaces the half-open range
 * [from, to) of the *original* text with `insert`. Offsets are UTF-16 code
 * units, the same unit JavaScript strings and CodeMirror use.
 */
export interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/**
 * Applies edits that all refer to the same original text. They may be given in
 * any order but must not overlap (touching is fine; several insertions at one
 * point are applied in the order given). Throws on overlap or out-of-range
 * offsets, because silently merging conflicting edits would corrupt the
 * document the user sees as the truth.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  // Stable sort by start keeps same-point insertions in caller order.
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.from - b.e.from || a.e.to - b.e.to || a.i - b.i)
    .map((x) => x.e);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (!(Number.isInteger(e.from) && Number.isInteger(e.to)) || e.from < 0 || e.to < e.from || e.to > text.length) {
      throw new RangeError(`edit [${e.from}, ${e.to}) is outside the text (length ${text.length})`);
    }
    if (e.from < pos) throw new RangeError(`edits overlap at offset ${e.from}`);
    parts.push(text.slice(pos, e.from), e.insert);
    pos = e.to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** One edit that turns `a` into `b`: the span between their common prefix and suffix. */
export function diffText(a: string, b: string): Edit | undefined {
  if (a === b) return undefined;
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { from: p, to: a.length - s, insert: b.slice(p, b.length - s) };
}
