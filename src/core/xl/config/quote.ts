/**
 * Writing a string into an xl config file so that libxlutil reads back exactly
 * that string.
 *
 * Only `\` and the quote character are escaped: libxlutil's other escapes are
 * either broken (`\x..` always fails, `\` + octal digits are dropped) or
 * needless (raw tabs, `\r` and non-ASCII pass through a quoted string as they
 * are). The one exception is a newline: a raw newline cannot appear inside a
 * quoted string, and `\n` is the only way to write it (libxlutil decodes it
 * correctly). A NUL cannot be written at all: libxlutil's strings are C
 * strings, and a NUL inside quotes makes it abort.
 */

export type XlQuote = "'" | '"';

const count = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** Whether `s` can be written as a config string at all. */
export function isXlQuotable(s: string): boolean {
  return !s.includes('\0');
}

/** `s` in the given quotes, escaping only `\`, that quote and newline. */
export function quoteXlString(s: string, quote: XlQuote = "'"): string {
  if (s.includes('\0')) throw new RangeError('a NUL character cannot be written in an xl config string');
  let out = quote;
  for (const ch of s) {
    if (ch === '\\' || ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return out + quote;
}

/** The preferred quote, unless the other kind needs fewer escapes for `s`. */
export function pickQuote(s: string, preferred: XlQuote = "'"): XlQuote {
  const other: XlQuote = preferred === "'" ? '"' : "'";
  return count(s, other) < count(s, preferred) ? other : preferred;
}
