/**
 * The extent of an XML element in its source text, from the offset of its `<`. The XML parser
 * gives start positions only; rewriting one `<disk>` while keeping every other byte needs the
 * end too. Comments, CDATA, processing instructions and quoted attribute values are skipped.
 * Returns undefined for text that is not well formed there.
 */
export function elementEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i);
      if (next < 0) return undefined;
      i = next;
      continue;
    }
    if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
    else if (text.startsWith('<?', i) || text.startsWith('<!', i)) i = after(text, '>', i + 2);
    else if (text[i + 1] === '/') {
      i = after(text, '>', i + 2);
      depth--;
      if (depth === 0) return i;
    } else {
      const end = tagEnd(text, i + 1);
      if (end === undefined) return undefined;
      if (text[end - 2] !== '/') depth++;
      else if (depth === 0) return end;
      i = end;
    }
    if (i < 0) return undefined;
  }
  return undefined;
}

function after(text: string, what: string, from: number): number {
  const k = text.indexOf(what, from);
  return k < 0 ? -1 : k + what.length;
}

/** The offset just past the `>` of a start tag, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (c === '>') return i + 1;
  }
  return undefined;
}
