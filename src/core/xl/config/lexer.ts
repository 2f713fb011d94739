/**
 * The config-file scanner, emulating libxlutil's flex scanner (libxlu_cfg_l.l,
 * Xen 4.17) rule by rule, including its error behaviour:
 *
 *   [a-z][._0-9a-z]*        IDENT
 *   [0-9][0-9a-fx]*         NUMBER
 *   [ \t]                   skipped (only these are blanks: not \r, not \f)
 *   , [ ] = += ;            punctuation
 *   \n | #.*\n              NEWLINE (a comment needs its newline)
 *   '...' "..."             STRING: no raw newline inside, `\` + any char but newline
 *   [+-.():]                start of a lexical error, and "looks like Python"
 *   .                       start of a lexical error
 *
 * A lexical error swallows the bad character plus the following run of
 * non-blanks (or one blank) and is reported there; if the bad character is the
 * very last one in the file, flex reaches EOF with the text pending and the
 * error is silently dropped (so a lone `#` on an unterminated last line is
 * accepted while `# c` is not).
 *
 * The scanner is pulled by the parser one token at a time, exactly when bison
 * would call yylex, because the moment of scanning decides message order and
 * which errors libxlutil still reports.
 */
import { T } from './grammar';
import { dequote } from './dequote';
import type { SourceOffsets } from './offsets';
import type { Report } from './report';
import type { XlToken, XlTokenKind } from './types';

export interface LexToken {
  readonly type: number; // a terminal of grammar.ts
  readonly from: number;
  readonly to: number;
  /** yylloc.first_line as the scanner sets it; undefined for $end (bison keeps the old one). */
  readonly line: number | undefined;
  /** For STRING: the dequoted value and its offsets. */
  readonly value?: string;
  readonly offsets?: SourceOffsets;
  readonly escapeError?: string;
}

const enum C {
  TAB = 9,
  NL = 10,
  SPACE = 32,
  DQUOTE = 34,
  HASH = 35,
  SQUOTE = 39,
  LPAREN = 40,
  RPAREN = 41,
  PLUS = 43,
  COMMA = 44,
  MINUS = 45,
  DOT = 46,
  D0 = 48,
  D9 = 57,
  COLON = 58,
  SEMI = 59,
  EQ = 61,
  LBRACK = 91,
  BACKSLASH = 92,
  RBRACK = 93,
  UNDERSCORE = 95,
  A = 97,
  F = 102,
  X = 120,
  Z = 122,
}

const isLower = (c: number) => c >= C.A && c <= C.Z;
const isDigit = (c: number) => c >= C.D0 && c <= C.D9;
const isIdentRest = (c: number) => isLower(c) || isDigit(c) || c === C.UNDERSCORE || c === C.DOT;
const isNumberRest = (c: number) => isDigit(c) || (c >= C.A && c <= C.F) || c === C.X;
const isPython = (c: number) =>
  c === C.PLUS || c === C.MINUS || c === C.DOT || c === C.LPAREN || c === C.RPAREN || c === C.COLON;

/** Lexeme kinds are stored as small numbers (one byte per lexeme). */
const KINDS: readonly XlTokenKind[] = ['ident', 'number', 'string', 'blank', 'newline', '[', ']', ',', '=', '+=', ';', 'bad'];
const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<XlTokenKind, number>;
const BLANK = KIND_CODE.blank;

export class Lexer {
  private pos = 0;
  /** Start of text kept by yymore() after a bad character, or -1. */
  private moreFrom = -1;
  /** yylineno */
  line = 1;
  /** Where yytext (the last match) is. */
  textFrom = 0;
  textTo = 0;
  /** yytext at EOF ends with flex's end-of-buffer NUL. */
  private textAtEof = false;
  /** yytext, made on demand (only messages need it). */
  readonly text = (): string => this.src.slice(this.textFrom, this.textTo) + (this.textAtEof ? '\0' : '');
  /**
   * Every lexeme, trivia included, for writers and linters: kinds and start
   * offsets in compact arrays (a lexeme ends where the next one starts);
   * objects are made only when someone asks (tokens()).
   */
  private lexKinds = new Uint8Array(1024);
  private lexStarts = new Int32Array(1024);
  private lexCount = 0;
  private lexEnd = 0;
  /** First character that set "looks like Python", for pointing at it. */
  pythonAt = -1;

  constructor(
    private readonly src: string,
    private readonly report: Report,
  ) {}

  private setText(from: number, to: number): void {
    this.textFrom = from;
    this.textTo = to;
  }

  private lexeme(kind: XlTokenKind, from: number, to: number): void {
    const n = this.lexCount;
    const k = KIND_CODE[kind];
    this.lexEnd = to;
    // Runs of blanks are one lexeme: a 1 MB paste of spaces stays small.
    if (k === BLANK && n > 0 && this.lexKinds[n - 1] === BLANK) return;
    if (n === this.lexKinds.length) {
      const kinds = new Uint8Array(n * 2);
      kinds.set(this.lexKinds);
      this.lexKinds = kinds;
      const starts = new Int32Array(n * 2);
      starts.set(this.lexStarts);
      this.lexStarts = starts;
    }
    this.lexKinds[n] = k;
    this.lexStarts[n] = from;
    this.lexCount = n + 1;
  }

  /** The lexemes so far, plus the rest of the text as one bad lexeme if the scan stopped early. */
  tokens(end: number): XlToken[] {
    const out: XlToken[] = [];
    const n = this.lexCount;
    for (let i = 0; i < n; i++) out.push({ kind: KINDS[this.lexKinds[i]!]!, from: this.lexStarts[i]!, to: i + 1 < n ? this.lexStarts[i + 1]! : this.lexEnd });
    if (this.lexEnd < end) out.push({ kind: 'bad', from: this.lexEnd, to: end });
    return out;
  }

  /**
   * Where scanning for a closing quote of each kind failed (the end of that
   * line). A later string start of the same kind before that point fails too
   * (its scan runs in step with the failed one), so we do not rescan: this
   * keeps pathological lines linear.
   */
  private readonly stringFailEnd = { [C.SQUOTE]: -1, [C.DQUOTE]: -1 } as Record<number, number>;
  /** The next newline at or after `nlFrom` (-1: none), cached for the same reason. */
  private nlFrom = -1;
  private nlAt = -1;

  private nextNewline(pos: number): number {
    if (this.nlFrom < 0 || pos < this.nlFrom || (this.nlAt >= 0 && pos > this.nlAt)) {
      this.nlFrom = pos;
      this.nlAt = this.src.indexOf('\n', pos);
    }
    return this.nlAt;
  }

  /** yylex */
  next(): LexToken {
    const src = this.src;
    const len = src.length;
    for (;;) {
      const pos = this.pos;
      if (this.moreFrom >= 0) {
        // State `lexerr`: the bad character is pending in yytext.
        const from = this.moreFrom;
        if (pos >= len) {
          // EOF right after the bad character: flex ends the scan, the error is never reported.
          this.lexeme('bad', from, len);
          this.moreFrom = -1;
          this.pendingAtEof = from;
          continue;
        }
        const c = src.charCodeAt(pos);
        if (c === C.NL) {
          this.pos = pos + 1;
          this.line++;
          this.moreFrom = -1;
          this.setText(from, pos + 1);
          this.lexeme('bad', from, pos);
          this.lexeme('newline', pos, pos + 1);
          this.report.lexicalError('lexical', this.line, this.text, { from, to: pos }, 'lexical error');
          return { type: T.NEWLINE, from: pos, to: pos + 1, line: this.line };
        }
        if (c !== C.SPACE && c !== C.TAB) {
          this.badRun(from, pos);
          continue;
        }
        // `[ \t]` (one blank) beats the empty run: it ends up in yytext too.
        this.lexeme('bad', from, pos);
        this.lexeme('blank', pos, pos + 1);
        this.pos = pos + 1;
        this.moreFrom = -1;
        this.setText(from, pos + 1);
        this.report.lexicalError('lexical', this.line, this.text, { from, to: pos }, 'lexical error');
        continue;
      }

      if (pos >= len) {
        // yytext at EOF is the end-of-buffer NUL, after any text yymore() kept.
        const from = this.pendingAtEof >= 0 ? this.pendingAtEof : len;
        this.textFrom = from;
        this.textTo = len;
        this.textAtEof = true;
        return { type: T.END, from: len, to: len, line: undefined };
      }

      const c = src.charCodeAt(pos);
      if (isLower(c)) {
        let end = pos + 1;
        while (end < len && isIdentRest(src.charCodeAt(end))) end++;
        return this.simple(T.IDENT, 'ident', pos, end);
      }
      if (isDigit(c)) {
        let end = pos + 1;
        while (end < len && isNumberRest(src.charCodeAt(end))) end++;
        return this.simple(T.NUMBER, 'number', pos, end);
      }
      switch (c) {
        case C.SPACE:
        case C.TAB:
          this.setText(pos, pos + 1);
          this.lexeme('blank', pos, pos + 1);
          this.pos = pos + 1;
          continue;
        case C.COMMA:
          return this.simple(T.COMMA, ',', pos, pos + 1);
        case C.LBRACK:
          return this.simple(T.LBRACK, '[', pos, pos + 1);
        case C.RBRACK:
          return this.simple(T.RBRACK, ']', pos, pos + 1);
        case C.EQ:
          return this.simple(T.EQ, '=', pos, pos + 1);
        case C.SEMI:
          return this.simple(T.SEMI, ';', pos, pos + 1);
        case C.NL:
          this.line++;
          this.setText(pos, pos + 1);
          this.lexeme('newline', pos, pos + 1);
          this.pos = pos + 1;
          return { type: T.NEWLINE, from: pos, to: pos + 1, line: this.line - 1 };
        case C.HASH: {
          const nl = this.nextNewline(pos);
          if (nl < 0) break; // no newline: not a comment, a bad character
          this.line++;
          this.setText(pos, nl + 1);
          this.lexeme('newline', pos, nl + 1);
          this.pos = nl + 1;
          return { type: T.NEWLINE, from: pos, to: nl + 1, line: this.line - 1 };
        }
        case C.PLUS:
          if (pos + 1 < len && src.charCodeAt(pos + 1) === C.EQ) return this.simple(T.OP_ADD, '+=', pos, pos + 2);
          break;
        case C.SQUOTE:
        case C.DQUOTE: {
          const end = this.stringEnd(pos, c);
          if (end < 0) break; // unterminated on this line: a bad character
          return this.string(pos, end);
        }
      }
      // `[+-.():]` or `.`: the start of a lexical error.
      if (isPython(c)) {
        this.report.likelyPython = true;
        if (this.pythonAt < 0) this.pythonAt = pos;
      }
      if (c >= 0x80) {
        // libxlutil scans bytes: `.` takes the first UTF-8 byte of a non-ASCII
        // character and the error run always takes the rest of it, so such a
        // character is never dropped at EOF and never ends at a newline.
        this.badRun(pos, pos + 1);
        continue;
      }
      this.moreFrom = pos;
      this.pos = pos + 1;
      this.setText(pos, pos + 1);
    }
  }

  /** The lexerr rule `[^ \t\n]*` matching from `runFrom`, with the bad text starting at `from`. */
  private badRun(from: number, runFrom: number): void {
    const src = this.src;
    const len = src.length;
    let end = runFrom;
    while (end < len) {
      const d = src.charCodeAt(end);
      if (d === C.SPACE || d === C.TAB || d === C.NL) break;
      end++;
    }
    this.lexeme('bad', from, end);
    this.pos = end;
    this.moreFrom = -1;
    this.setText(from, end);
    this.report.lexicalError('lexical', this.line, this.text, { from, to: end }, 'lexical error');
  }

  /** Set when a bad character was pending at EOF: it stays in yytext. */
  private pendingAtEof = -1;

  private simple(type: number, kind: XlTokenKind, from: number, to: number): LexToken {
    this.setText(from, to);
    this.lexeme(kind, from, to);
    this.pos = to;
    return { type, from, to, line: this.line };
  }

  /** End (exclusive) of a complete string token starting at `from`, or -1. */
  private stringEnd(from: number, quote: number): number {
    if (from < this.stringFailEnd[quote]!) return -1;
    const src = this.src;
    const len = src.length;
    let i = from + 1;
    while (i < len) {
      const c = src.charCodeAt(i);
      if (c === quote) return i + 1;
      if (c === C.NL) break;
      if (c === C.BACKSLASH) {
        if (i + 1 >= len) {
          i = len;
          break;
        }
        if (src.charCodeAt(i + 1) === C.NL) {
          i++;
          break;
        }
        i += 2;
      } else i++;
    }
    this.stringFailEnd[quote] = i;
    return -1;
  }

  private string(from: number, to: number): LexToken {
    this.setText(from, to);
    this.lexeme('string', from, to);
    this.pos = to;
    const d = dequote(this.src, from, to);
    const report = this.report;
    // libxlutil dequotes only while no error has happened yet.
    if (!report.err && !report.aborted) {
      if (d.nul) {
        // strlen() stops at the NUL and an assert() in xlu__cfgl_dequote fails: xl aborts.
        report.abort({ from, to }, 'NUL character inside a quoted string: libxlutil aborts (assertion failure)');
      } else if (d.error !== undefined) {
        report.lexicalError('escape', this.line, this.text, { from, to }, d.error, d.errorAt);
        report.err = report.err || 22;
      }
    }
    return {
      type: T.STRING,
      from,
      to,
      line: this.line,
      value: d.value,
      offsets: d.offsets,
      ...(d.error === undefined ? {} : { escapeError: d.error }),
    };
  }
}
