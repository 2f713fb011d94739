/** What every rule shares: the text, where things are, the guest type, and the report. */
import type { GuestType } from '../model/guest';
import type { Edit } from '../text/edits';
import type { LineIndex } from '../text/positions';
import { targetDecoder } from '../xl/targets';
import type { LintCode } from './codes';
import type { Diagnostic, Fix, Severity } from './types';
import { UsedVdevs } from './usedVdevs';

/** A control character: tested first, as most messages hold none (one diagnostic per disk and more). */
const CONTROL = /[\x00-\x1f\x7f]/;

export class Lint {
  readonly out: Diagnostic[] = [];
  /** vdevs the document uses, plus those fixes in this run have handed out (so each is new). */
  readonly usedVdevs = new UsedVdevs();
  /** Targets decoded in this run: the checks and the libvirt mapper read the same ones. */
  readonly decodeTarget = targetDecoder();

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly guest: GuestType,
  ) {}

  report(code: LintCode, severity: Severity, message: string, from: number, to: number, fixes: readonly (Fix | undefined)[] = []): Diagnostic {
    const a = Math.max(0, Math.min(from, this.text.length));
    const b = Math.max(a, Math.min(to, this.text.length));
    const start = this.lines.position(a);
    const end = this.lines.position(b);
    const d: Diagnostic = {
      code,
      severity,
      // one line, whatever the text it quotes holds
      message: CONTROL.test(message) ? message.replace(/[\x00-\x1f\x7f]/g, (c) => visible(c)) : message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      from: a,
      to: b,
      fixes: fixes.filter((f): f is Fix => f !== undefined && f.edits.length > 0),
    };
    this.out.push(d);
    return d;
  }
}

export function fix(title: string, safe: boolean, edits: Edit[]): Fix {
  return { title, safe, edits };
}

/** Shows a value in a message: backquoted as xl quotes, control characters made visible. */
export function show(s: string): string {
  return `\`${visible(s)}'`;
}

export function visible(s: string): string {
  return s.replace(/[\x00-\x1f\x7f\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u00a0': '<no-break space>', '\ufeff': '<BOM>' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known words closest to `word` (case-insensitively), at most `max` edits away, nearest
 * first. `unique` is set when exactly one word is at the smallest distance and that is 1 or less.
 */
export function didYouMean(word: string, known: readonly string[], max = 2): { words: string[]; unique?: string } {
  const w = word.toLowerCase();
  const scored = known.map((k) => ({ k, d: distance(w, k) })).filter((x) => x.d <= Math.min(max, Math.max(1, Math.floor(w.length / 2))));
  scored.sort((x, y) => x.d - y.d);
  const words = scored.map((x) => x.k);
  const best = scored[0];
  const unique = best && best.d <= 1 && scored.filter((x) => x.d === best.d).length === 1 ? best.k : undefined;
  return { words, ...(unique !== undefined && { unique }) };
}
