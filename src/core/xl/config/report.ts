/**
 * libxlutil's error reporting while it reads a config (CfgParseContext and
 * xlu__cfg_yyerror / xlu__cfgl_lexicalerror in libxlu_cfg.c), reproduced
 * because its quirks decide which lines the user sees:
 *
 * - a message is printed only when its line is *after* the line of the last
 *   lexical-class error (so at most one such error per line, and a lexical
 *   error found at a newline also silences the next line);
 * - the "near" text is the scanner's current text, with a final newline
 *   removed (the line number then drops by one, which can make it 0) and
 *   trailing blanks removed; an empty text prints as `<newline>`; C's printf
 *   stops at a NUL byte;
 * - the first printed error makes the whole read fail (EINVAL).
 */
import type { Locate } from './locate';
import type { Span, XlDiagnostic, XlDiagnosticKind } from './types';

export const EINVAL = 22;

/** At most this many unprinted errors are kept (XlConfig.hidden). */
export const MAX_HIDDEN = 1000;

export const PYTHON_WARNING: readonly string[] = [
  'warning: Config file looks like it contains Python code.',
  'warning:  Arbitrary Python is no longer supported.',
  'warning:  See https://wiki.xen.org/wiki/PythonInXlConfig',
];

export class Report {
  /** ctx->err: the read's result. */
  err = 0;
  /** ctx->lexerrlineno */
  lexerrLine = -1;
  /** ctx->likely_python */
  likelyPython = false;
  /** libxlutil would have died on an assertion; nothing after it is real. */
  aborted = false;
  readonly printed: XlDiagnostic[] = [];
  readonly hidden: XlDiagnostic[] = [];

  constructor(
    readonly source: string,
    private readonly locate: Locate,
  ) {}

  /**
   * xlu__cfg_yyerror. `line` is the location's first line; `text` the
   * scanner's current text (yytext), located at `span` in the source.
   */
  yyerror(kind: XlDiagnosticKind, line: number, text: () => string, span: Span, message: string, at?: number): void {
    const hidden = line <= this.lexerrLine || this.aborted;
    // Errors libxlutil does not print are kept for linters, but only so many:
    // a pathological paste can produce one per character.
    if (hidden && this.hidden.length >= MAX_HIDDEN) return;
    const t = text();
    let lineno = line;
    let len = t.length;
    let newline = '';
    if (len > 0 && t.charCodeAt(len - 1) === 10) {
      len--;
      lineno--;
      if (!len) newline = '<newline>';
    }
    while (len > 0 && (t.charCodeAt(len - 1) === 9 || t.charCodeAt(len - 1) === 32)) len--;
    let shown = t.slice(0, len);
    const nul = shown.indexOf('\0');
    if (nul >= 0) shown = shown.slice(0, nul);
    const near = len ? `\`${shown}'` : newline;
    const loc = this.locate(span.from, span.to);
    const diag: XlDiagnostic = {
      kind,
      severity: 'error',
      message,
      line: lineno,
      near,
      lines: [`${this.source}:${lineno}: config parsing error near ${near}: ${message}`],
      from: loc.from,
      to: loc.to,
      start: loc.start,
      end: loc.end,
      ...(at === undefined ? {} : { at }),
    };
    if (hidden) {
      this.hidden.push(diag);
      return;
    }
    this.printed.push(diag);
    if (!this.err) this.err = EINVAL;
  }

  /** xlu__cfgl_lexicalerror: reported at the scanner's current line, and remembered. */
  lexicalError(kind: XlDiagnosticKind, scannerLine: number, text: () => string, span: Span, message: string, at?: number): void {
    this.yyerror(kind, scannerLine, text, span, message, at);
    this.lexerrLine = scannerLine;
  }

  /** Something libxlutil would die on (an assert): xl prints nothing more. */
  abort(span: Span, message: string): void {
    if (this.aborted) return;
    this.printed.push({ kind: 'abort', severity: 'error', message, line: 0, lines: [], ...this.locate(span.from, span.to) });
    this.aborted = true;
    if (!this.err) this.err = EINVAL;
  }

  /**
   * Printed once at the end when the read failed and Python-ish characters were
   * seen; located at the first such character (`at`), `end` = text length.
   */
  finish(at: number, end: number): void {
    if (this.err && this.likelyPython && !this.aborted) {
      this.printed.push({
        kind: 'python',
        severity: 'warning',
        message: 'Config file looks like it contains Python code.',
        line: 0,
        lines: PYTHON_WARNING,
        ...this.locate(at, at + 1 <= end ? at + 1 : at),
      });
    }
  }
}
