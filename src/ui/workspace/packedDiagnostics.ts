/**
 * Core lint's diagnostics, packed to cross postMessage from the worker: columns of numbers in
 * typed arrays (moved, not copied), the strings in arrays, and each diagnostic's fixes as one
 * JSON string. A large document has thousands of diagnostics; as objects (each with its fixes
 * and their edits) they cost the main thread a long task to receive. Unpacked, a diagnostic
 * reads its fixes from JSON only when something asks for them (a problem or a gutter mark on
 * screen), like ./lazyDisks.ts does for disks.
 */
import type { Diagnostic, Fix, LintCode, Severity } from '../../core/lint';

export type PackedDiagnostics = {
  /** from, to, line, column, endLine, endColumn of diagnostic i at [6i, 6i + 6). */
  numbers: Int32Array;
  severity: Uint8Array;
  codes: string[];
  messages: string[];
  /** JSON of the fixes ('' for none). */
  fixes: string[];
  /** How many diagnostics have a safe fix ("Apply all safe fixes" says it without reading them). */
  safeFixes: number;
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function packDiagnostics(list: readonly Diagnostic[]): PackedDiagnostics {
  const n = list.length;
  const numbers = new Int32Array(n * 6);
  const severity = new Uint8Array(n);
  const codes: string[] = new Array(n);
  const messages: string[] = new Array(n);
  const fixes: string[] = new Array(n);
  let safeFixes = 0;
  list.forEach((d, i) => {
    if (d.fixes.some((f) => f.safe)) safeFixes++;
    numbers.set([d.from, d.to, d.line, d.column, d.endLine, d.endColumn], i * 6);
    severity[i] = SEVERITIES.indexOf(d.severity);
    codes[i] = d.code;
    messages[i] = d.message;
    fixes[i] = d.fixes.length ? JSON.stringify(d.fixes) : '';
  });
  return { numbers, severity, codes, messages, fixes, safeFixes };
}

class UnpackedDiagnostic implements Diagnostic {
  readonly code: LintCode;
  readonly severity: Severity;
  readonly message: string;
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  private json: string;
  private parsed: Fix[] | undefined;

  constructor(p: PackedDiagnostics, i: number) {
    const at = i * 6;
    const x = p.numbers;
    this.from = x[at]!;
    this.to = x[at + 1]!;
    this.line = x[at + 2]!;
    this.column = x[at + 3]!;
    this.endLine = x[at + 4]!;
    this.endColumn = x[at + 5]!;
    this.severity = SEVERITIES[p.severity[i]!]!;
    this.code = p.codes[i] as LintCode;
    this.message = p.messages[i]!;
    this.json = p.fixes[i]!;
  }

  get fixes(): Fix[] {
    return (this.parsed ??= this.json ? (JSON.parse(this.json) as Fix[]) : []);
  }
}

export function unpackDiagnostics(p: PackedDiagnostics): Diagnostic[] {
  const out: Diagnostic[] = new Array(p.severity.length);
  for (let i = 0; i < out.length; i++) out[i] = new UnpackedDiagnostic(p, i);
  return out;
}
