/**
 * Quote and escape processing of one quoted string token, with libxlutil's
 * exact quirks (xlu__cfgl_dequote in libxlu_cfg.c, Xen 4.17):
 *
 * - `\\` `\'` `\"` give the character; `\a \b \f \n \r \t \v` the control
 *   character;
 * - `\x..` is always an error: the code skips one character too many and then
 *   demands more than two hex digits from a two-character buffer;
 * - `\` + an octal digit reads up to three more characters as a *decimal*
 *   number with strtoul (so leading whitespace and a sign are accepted), needs
 *   at least two of them to be consumed, and then emits nothing at all;
 * - any other character after `\` is an error (with the typo "backlash").
 *
 * On an error libxlutil keeps the part decoded so far; we do the same.
 */

import { OffsetsBuilder, type SourceOffsets } from './offsets';

export interface Dequoted {
  readonly value: string;
  /** offsets.at(i) = source offset of what produced value[i]; at(value.length) = closing quote. */
  readonly offsets: SourceOffsets;
  readonly error?: string;
  /** Source offset of the backslash that caused the error. */
  readonly errorAt?: number;
  /** The token holds a NUL (libxlutil's strlen() would stop there and its assert fail). */
  readonly nul: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

export const MSG_BAD_ESCAPE = 'invalid character after backlash in quoted string';
export const MSG_BAD_HEX = 'invalid digit after backslash hexnumerical character escape in quoted string';
export const MSG_BAD_OCTAL = 'invalid digit after backslash octalnumerical character escape in quoted string';

/** C's isspace() in the "C" locale. */
const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * How many characters of `buf` strtoul(buf, &end, 10) consumes: 0 when it
 * finds no digits (it then sets end = buf, ignoring skipped blanks and sign).
 */
function strtoulDecimalLength(buf: string): number {
  let i = 0;
  while (i < buf.length && isCSpace(buf[i]!)) i++;
  if (i < buf.length && (buf[i] === '+' || buf[i] === '-')) i++;
  const digitsFrom = i;
  while (i < buf.length && isDigit(buf[i]!)) i++;
  return i === digitsFrom ? 0 : i;
}

/**
 * Dequotes `src.slice(from, to)`, a complete string token (quote, body, same
 * quote) as the lexer matched it; offsets in the result refer to `src`.
 */
export function dequote(src: string, from: number, to: number): Dequoted {
  const end = to - 1; // offset of the closing quote
  const nul = src.slice(from, to).includes('\0');
  let out = '';
  const offsets = new OffsetsBuilder();
  let p = from + 1;
  while (p < end) {
    // Copy the run up to the next backslash in one piece.
    let q = p;
    while (q < end && src.charCodeAt(q) !== 92) q++; // bounded: indexOf could run past the token
    if (q > p) {
      offsets.add(out.length, p, q - p);
      out += src.slice(p, q);
      p = q;
      if (p >= end) break;
    }
    const at = p;
    const nc = src[p + 1]!; // the lexer guarantees a character after a backslash
    p += 2;
    const simple = SIMPLE_ESCAPES[nc];
    if (simple !== undefined) {
      offsets.add(out.length, at, 1);
      out += simple;
    } else if (nc === 'x') {
      // libxlutil skips one more character, then parses at most two hex digits
      // but requires more than two: it always fails.
      return { value: out, offsets: offsets.finish(out.length, end), error: MSG_BAD_HEX, errorAt: at, nul };
    } else if (nc >= '0' && nc <= '7') {
      // strncpy(numbuf, p, 3) copies from the token, which ends with the quote.
      const n = strtoulDecimalLength(src.slice(p, Math.min(p + 3, to)));
      if (n <= 1) return { value: out, offsets: offsets.finish(out.length, end), error: MSG_BAD_OCTAL, errorAt: at, nul };
      p += n; // the number is parsed and then dropped: nothing is emitted
    } else {
      return { value: out, offsets: offsets.finish(out.length, end), error: MSG_BAD_ESCAPE, errorAt: at, nul };
    }
  }
  return { value: out, offsets: offsets.finish(out.length, end), nul };
}
