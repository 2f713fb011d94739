/**
 * A pass over the raw text of an xl config that finds what web pages, editors and
 * documentation put into configs and xl's reader trips over (xl-disk-syntax §2.1, §2.2):
 * carriage returns, backslash-newline continuations, escapes xl rejects or drops, typographic
 * quotes, Unicode spaces, a NUL, a comment ending the file without a newline.
 *
 * It reads quoted strings the way a person means them — a string broken with backslash-newline
 * goes on on the next line, a pair of curly quotes is a string — so that each trap is found once,
 * where it is, even when xl's own reader is thrown off by it and reports something else.
 */

export type Span = { from: number; to: number };

export type Scan = {
  /** `\r` before `\n` (or alone) outside comments: each is one character to remove (or make a newline). */
  cr: { at: number; lone: boolean }[];
  /** `\r` ending a comment line: harmless to xl, removed with the others when converting the file. */
  commentCr: number[];
  /** Backslash-newline: the span to remove (backslash, line end, and inside a string the next line's indentation). */
  continuations: (Span & { inString: boolean; string?: Span })[];
  /** Escapes xl rejects (`\:`, `\x41`, `\1`), at the backslash. */
  badEscapes: { at: number; char: string; kind: 'escape' | 'hex' | 'octal' }[];
  /** `\` + digits that xl accepts and drops (`\123`): the span of the escape. */
  droppedOctal: Span[];
  /** NUL characters inside strings. */
  nul: number[];
  /** Typographic quotes outside strings: opening and closing (absent when the line ends first). */
  curly: { open: number; close?: number; body: Span }[];
  /** No-break and other Unicode spaces (and BOMs) outside strings and comments. */
  spaces: number[];
  /** A comment on the last line, with no newline after it (xl rejects all but a lone `#`). */
  commentAtEof?: Span;
  /** The strings as a person reads them. */
  strings: Span[];
};

const SIMPLE = new Set(['\\', "'", '"', 'a', 'b', 'f', 'n', 'r', 't', 'v']);
const CURLY = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u201f', '\u2032', '\u2033', '\u00b4']);
const SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

const isCSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** How many characters strtoul(buf, &end, 10) takes (libxlutil's octal-escape quirk, see dequote.ts). */
function strtoulLength(buf: string): number {
  let i = 0;
  while (i < buf.length && isCSpace(buf[i])) i++;
  if (buf[i] === '+' || buf[i] === '-') i++;
  const from = i;
  while (i < buf.length && buf[i]! >= '0' && buf[i]! <= '9') i++;
  return i === from ? 0 : i;
}

/** The end of a line break at i (`\n` or `\r\n`), or -1. */
function lineBreak(text: string, i: number): number {
  if (text[i] === '\n') return i + 1;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return -1;
}

export function prescan(text: string): Scan {
  const s: Scan = { cr: [], commentCr: [], continuations: [], badEscapes: [], droppedOctal: [], nul: [], curly: [], spaces: [], strings: [] };
  const n = text.length;
  const inContinuation = new Set<number>();
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\r') {
      if (!inContinuation.has(i)) s.cr.push({ at: i, lone: text[i + 1] !== '\n' });
      i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      // a comment runs to the newline whatever it holds: a \r in it is no error to xl
      if (nl < 0) {
        if (n - i > 1) s.commentAtEof = { from: i, to: n };
        i = n;
      } else {
        if (text[nl - 1] === '\r') s.commentCr.push(nl - 1);
        i = nl;
      }
    } else if (c === "'" || c === '"') {
      i = scanString(text, i, c, s, inContinuation);
    } else if (c === '\\' && lineBreak(text, i + 1) > 0) {
      const end = lineBreak(text, i + 1);
      s.continuations.push({ from: i, to: end, inString: false });
      for (let k = i; k < end; k++) inContinuation.add(k);
      i = end;
    } else if (CURLY.has(c)) {
      let j = i + 1;
      while (j < n && text[j] !== '\n' && !CURLY.has(text[j]!)) j++;
      const close = j < n && CURLY.has(text[j]!) ? j : undefined;
      s.curly.push({ open: i, ...(close !== undefined && { close }), body: { from: i + 1, to: close ?? j } });
      i = close !== undefined ? close + 1 : j;
    } else {
      if (SPACES.test(c)) s.spaces.push(i);
      i++;
    }
  }
  return s;
}

/** Scans a string from its opening quote; returns the offset after it. */
function scanString(text: string, start: number, q: string, s: Scan, inContinuation: Set<number>): number {
  const n = text.length;
  let j = start + 1;
  const conts: Scan['continuations'] = [];
  while (j < n) {
    const ch = text[j]!;
    if (ch === q) break;
    if (ch === '\n' || (ch === '\r' && text[j + 1] === '\n')) break; // unterminated: xl's lexical error, reported as it is
    if (ch === '\0') s.nul.push(j);
    if (ch !== '\\') {
      j++;
      continue;
    }
    const next = text[j + 1];
    const br = lineBreak(text, j + 1);
    if (br > 0) {
      let end = br;
      while (end < n && (text[end] === ' ' || text[end] === '\t')) end++;
      conts.push({ from: j, to: end, inString: true });
      for (let k = j; k < br; k++) inContinuation.add(k);
      j = end;
      continue;
    }
    if (next === undefined) {
      j++;
      break;
    }
    if (SIMPLE.has(next)) j += 2;
    else if (next === 'x') {
      s.badEscapes.push({ at: j, char: 'x', kind: 'hex' });
      j += 2;
    } else if (next >= '0' && next <= '7') {
      const len = strtoulLength(text.slice(j + 2, Math.min(j + 5, n)));
      if (len <= 1) {
        s.badEscapes.push({ at: j, char: next, kind: 'octal' });
        j += 2;
      } else {
        s.droppedOctal.push({ from: j, to: j + 2 + len });
        j += 2 + len;
      }
    } else {
      s.badEscapes.push({ at: j, char: next, kind: 'escape' });
      j += 2;
    }
  }
  const closed = j < n && text[j] === q;
  const span = { from: start, to: closed ? j + 1 : j };
  s.strings.push(span);
  for (const c of conts) s.continuations.push({ ...c, string: span });
  return closed ? j + 1 : j;
}
