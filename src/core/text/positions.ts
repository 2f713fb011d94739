/**
 * Offset <-> line/column conversion.
 *
 * Conventions (shared by every parser in src/core):
 * - offsets are 0-based UTF-16 code units (JavaScript string indices);
 * - lines and columns are 1-based; a column counts UTF-16 code units from the
 *   start of the line, which is what CodeMirror and browsers use;
 * - only "\n" ends a line. libxlutil counts lines that way (a "\r" is an
 *   ordinary, and for xl illegal, character), so our line numbers match the
 *   ones xl prints even for CRLF files.
 */
export interface LineCol {
  readonly line: number;
  readonly column: number;
}

/** Precomputed line starts, so each lookup is a binary search (large pastes). */
export class LineIndex {
  /** starts[i] = offset of the first character of line i + 1. */
  readonly starts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line found last: parsers ask in increasing order, so try it (and the next) first. */
  private hint = 0;

  /** Offsets outside the text are clamped to it. */
  position(offset: number): LineCol {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const h = this.hint;
    if (starts[h]! <= off) {
      if (h + 1 >= starts.length || off < starts[h + 1]!) return { line: h + 1, column: off - starts[h]! + 1 };
      if (h + 2 >= starts.length || off < starts[h + 2]!) {
        this.hint = h + 1;
        return { line: h + 2, column: off - starts[h + 1]! + 1 };
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return { line: lo + 1, column: off - starts[lo]! + 1 };
  }

  /** Lines and columns past the end are clamped to the line / text end. */
  offset(pos: LineCol): number {
    const li = Math.max(0, Math.min(pos.line - 1, this.starts.length - 1));
    const start = this.starts[li]!;
    const next = li + 1 < this.starts.length ? this.starts[li + 1]! - 1 : this.text.length;
    return Math.max(start, Math.min(start + pos.column - 1, next));
  }
}

/** One-off conversion; build a LineIndex when converting many offsets. */
export function offsetToLineCol(text: string, offset: number): LineCol {
  return new LineIndex(text).position(offset);
}

/** One-off conversion; build a LineIndex when converting many positions. */
export function lineColToOffset(text: string, pos: LineCol): number {
  return new LineIndex(text).offset(pos);
}
