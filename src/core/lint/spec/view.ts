/**
 * One xl disk spec as the linter sees it: the string xl's disk parser gets, where each of its
 * characters sits in the document (inside a quoted config string, a number atom, or a bare
 * spec line), and how to turn an edit of the spec into an edit of the document.
 *
 * Every fix on a spec goes through `fix()`, which re-parses the edited spec: a fix that would
 * not parse (or not get past the error it is for) is never offered, and a fix is safe only when
 * the spec was rejected as it stands, or it still gives exactly the same disk.
 */
import type { Disk } from '../../model/disk';
import { applyEdits, type Edit } from '../../text/edits';
import { quoteXlString } from '../../xl/config';
import { type DiskParse, type ScannedToken, libxlFromDisk, parseDiskSpec, xlErrorMessage, type SpecError } from '../../xl/diskSpec';
import { canonicalDisk, formatDiskSpec } from '../../xl/formatSpec';
import type { Lint } from '../context';
import type { Fix } from '../types';
import { type Fields, specFields } from './fields';

export type SpecMode = 'string' | 'number' | 'line';

export type FixOptions = {
  /** The rule means the fix to be applied without asking (it still must pass the checks). */
  safe: boolean;
  /** The disk the fixed spec must give. */
  expect?: Disk;
  /** The parse error the fix is for: it must be gone afterwards (default: the first error). */
  for?: SpecError;
};

export class SpecView {
  readonly tokens: readonly ScannedToken[];
  private fieldsCache?: Fields;

  constructor(
    readonly ctx: Lint,
    /** Index of the disk in the document. */
    readonly index: number,
    readonly spec: string,
    readonly parse: DiskParse,
    /** Source offset of spec character i (i = spec.length: just past the spec). */
    readonly src: (i: number) => number,
    /** The item's span in the document (quotes included). */
    readonly from: number,
    readonly to: number,
    readonly mode: SpecMode,
    readonly quote: "'" | '"' | undefined,
  ) {
    this.tokens = parse.tokens ?? [];
  }

  get fields(): Fields {
    return (this.fieldsCache ??= specFields(this.spec, this.tokens));
  }

  /** Lets go of what was worked out (the linter is done with this disk; asked again, it is redone). */
  forget(): void {
    this.fieldsCache = undefined;
  }

  get disk(): Disk | undefined {
    return this.parse.ok ? this.parse.disk : undefined;
  }

  /** The document range of spec range [a, b). */
  range(a: number, b: number): { from: number; to: number } {
    return { from: this.src(Math.max(0, Math.min(a, this.spec.length))), to: this.src(Math.max(0, Math.min(b, this.spec.length))) };
  }

  /** xl's own words for a parse error, without the file label. */
  xlWords(e: SpecError): string {
    return xlErrorMessage(e, this.spec, '\u0000').replace(/^\u0000: /, '');
  }

  /** Spec edits as document edits, or undefined when the document cannot carry them. */
  toDocument(edits: readonly Edit[]): Edit[] | undefined {
    if (this.mode === 'number') {
      return [{ from: this.from, to: this.to, insert: quoteXlString(applyEdits(this.spec, edits)) }];
    }
    if (this.mode === 'line') {
      if (edits.some((e) => e.insert.includes('\n'))) return undefined;
      return edits.map((e) => ({ from: this.src(e.from), to: this.src(e.to), insert: e.insert }));
    }
    const q = this.quote ?? "'";
    return edits.map((e) => ({ from: this.src(e.from), to: this.src(e.to), insert: escapeInString(e.insert, q) }));
  }

  /**
   * A fix made of spec edits, checked by parsing the result. Undefined when the result does not
   * parse (for a spec that parsed) or still stops at the same first error (for one that did not).
   * `expect`: the disk the result must give (checked when given).
   */
  fix(title: string, edits: readonly Edit[], opts: FixOptions): Fix | undefined {
    if (edits.length === 0) return undefined;
    let next: string;
    try {
      next = applyEdits(this.spec, edits);
    } catch {
      return undefined;
    }
    if (next === this.spec) return undefined;
    const p = parseDiskSpec(next);
    if (opts.expect !== undefined) {
      if (!p.ok || !sameDisk(p.disk, opts.expect)) return undefined;
    }
    let safe = opts.safe;
    if (this.parse.ok) {
      if (!p.ok) return undefined;
      safe &&= sameDisk(p.disk, this.parse.disk);
    } else if (!p.ok) {
      // the error the fix is for (by default the first one) must be gone
      const key = errorKey(opts.for ?? this.parse.errors[0]);
      if (p.errors.some((e) => errorKey(e) === key)) return undefined;
    }
    const doc = this.toDocument(edits);
    return doc ? { title, safe, edits: doc } : undefined;
  }

  /** A fix that rewrites the whole spec. */
  rewrite(title: string, next: string, opts: FixOptions): Fix | undefined {
    return this.fix(title, [{ from: 0, to: this.spec.length, insert: next }], opts);
  }

  /**
   * A fix that makes the disk `next`: the smallest edit that gives it (the field's own text
   * replaced, a key added, a key removed), else the whole spec rewritten in key=value form.
   */
  change(title: string, next: Disk, local: readonly (readonly Edit[])[], opts: { safe: boolean }): Fix | undefined {
    for (const edits of local) {
      const f = this.fix(title, edits, { ...opts, expect: next });
      if (f) return f;
    }
    return this.rewrite(title, formatDiskSpec(next), { ...opts, expect: next });
  }
}

/** Two disks xl treats alike (libxl's JSON of both, after xl's own defaults). */
export function sameDisk(a: Disk, b: Disk): boolean {
  return JSON.stringify(libxlFromDisk(canonicalDisk(a))) === JSON.stringify(libxlFromDisk(canonicalDisk(b)));
}

function errorKey(e: SpecError | undefined): string {
  return e ? `${e.message}\u0000${e.near ?? ''}` : '';
}

/** Text as it must be written between the given quotes so that xl reads it back unchanged. */
export function escapeInString(s: string, quote: "'" | '"'): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\\' || ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return out;
}
