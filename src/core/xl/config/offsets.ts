/**
 * Where each character of a dequoted string came from, kept as runs rather than one number per
 * character: a config of thousands of disks held a million offsets, which the garbage collector
 * had to copy and promote while the document was read. Most strings are one run.
 */
export class SourceOffsets {
  /** Pairs (value index, source offset): value[i] for i in a run comes from source + (i - index). */
  private readonly runs: number[];

  constructor(runs: number[]) {
    this.runs = runs;
  }

  /** `length` characters from `from` on, one source character each, then the end at `end`. */
  static straight(from: number, length: number, end: number): SourceOffsets {
    return new SourceOffsets([0, from, length, end]);
  }

  /** The source offset of value[i]; i = value.length gives the end (e.g. the closing quote). */
  at(i: number): number {
    const r = this.runs;
    // the last run starting at or before i (a later run at the same index wins: the earlier is empty)
    let k = r.length - 2;
    while (k > 0 && r[k]! > i) k -= 2;
    return r[k + 1]! + (i - r[k]!);
  }
}

/** Builds SourceOffsets character run by character run, in value order. */
export class OffsetsBuilder {
  private readonly runs: number[] = [];
  /** The value index and source offset the last run would continue with. */
  private nextIndex = -1;
  private nextSource = -1;

  /** value[index, index + length) comes from source[from, from + length). */
  add(index: number, from: number, length: number): void {
    if (length <= 0) return;
    if (index !== this.nextIndex || from !== this.nextSource) this.runs.push(index, from);
    this.nextIndex = index + length;
    this.nextSource = from + length;
  }

  /** Ends with value index `length` at source offset `end`. */
  finish(length: number, end: number): SourceOffsets {
    if (this.runs.length === 0 || length !== this.nextIndex || end !== this.nextSource) this.runs.push(length, end);
    return new SourceOffsets(this.runs);
  }
}
