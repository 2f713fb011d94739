/**
 * Where elements and attributes of a parsed XML tree sit in the text, and the edits that change
 * them in place (the rest of the document keeps every byte). The XML parser gives start
 * positions; extents are found in the text.
 */
import { elementEnd } from '../../document/xmlSpan';
import type { Edit } from '../../text/edits';
import type { LineIndex } from '../../text/positions';
import type { Pos, XAttr, XEl } from '../../libvirt/xmlTree';

export type Span = { from: number; to: number };

export class XmlText {
  constructor(
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  offset(at: Pos | undefined): number | undefined {
    return at ? this.lines.offset(at) : undefined;
  }

  /** The start tag `<name …>` of an element. */
  startTag(e: XEl): Span | undefined {
    const from = this.offset(e.at);
    if (from === undefined || this.text[from] !== '<') return undefined;
    let i = from + 1;
    while (i < this.text.length) {
      const c = this.text[i]!;
      if (c === '"' || c === "'") {
        const close = this.text.indexOf(c, i + 1);
        if (close < 0) return undefined;
        i = close + 1;
      } else if (c === '>') return { from, to: i + 1 };
      else i++;
    }
    return undefined;
  }

  /** The whole element. */
  element(e: XEl): Span | undefined {
    const from = this.offset(e.at);
    if (from === undefined) return undefined;
    const to = elementEnd(this.text, from);
    return to === undefined ? undefined : { from, to };
  }

  /** An attribute: `name='value'` whole, and the value inside the quotes. */
  attr(a: XAttr): { whole: Span; value: Span; quote: string } | undefined {
    const from = this.offset(a.at);
    if (from === undefined || !this.text.startsWith(a.name, from)) return undefined;
    const m = /^\s*=\s*(['"])/.exec(this.text.slice(from + a.name.length, from + a.name.length + 64));
    if (!m) return undefined;
    const open = from + a.name.length + m[0].length;
    const close = this.text.indexOf(m[1]!, open);
    if (close < 0) return undefined;
    return { whole: { from, to: close + 1 }, value: { from: open, to: close }, quote: m[1]! };
  }

  /** The range to underline for a node: an attribute whole, or an element's start tag. */
  range(n: XEl | XAttr): Span | undefined {
    if ('children' in n) return this.startTag(n);
    return this.attr(n)?.whole;
  }

  /** Sets (or adds) an attribute. */
  setAttr(e: XEl, name: string, value: string): Edit[] | undefined {
    const a = e.attrs.find((x) => x.name === name);
    if (a) {
      const r = this.attr(a);
      return r ? [{ from: r.value.from, to: r.value.to, insert: escapeAttr(value, r.quote) }] : undefined;
    }
    const tag = this.startTag(e);
    if (!tag) return undefined;
    const end = this.text[tag.to - 2] === '/' ? tag.to - 2 : tag.to - 1;
    let at = end;
    while (at > tag.from && /\s/.test(this.text[at - 1]!)) at--;
    return [{ from: at, to: at, insert: ` ${name}='${escapeAttr(value, "'")}'` }];
  }

  /** Renames an attribute, keeping its value. */
  renameAttr(a: XAttr, name: string): Edit[] | undefined {
    const from = this.offset(a.at);
    if (from === undefined || !this.text.startsWith(a.name, from)) return undefined;
    return [{ from, to: from + a.name.length, insert: name }];
  }

  removeAttr(a: XAttr): Edit[] | undefined {
    const r = this.attr(a);
    if (!r) return undefined;
    let from = r.whole.from;
    while (from > 0 && /[ \t]/.test(this.text[from - 1]!)) from--;
    return [{ from, to: r.whole.to, insert: '' }];
  }

  /** Removes an element with its indentation and line break when it stands on a line of its own. */
  removeElement(e: XEl): Edit[] | undefined {
    const r = this.element(e);
    if (!r) return undefined;
    const lineStart = this.text.lastIndexOf('\n', r.from - 1) + 1;
    const lead = this.text.slice(lineStart, r.from);
    if (/^[ \t]*$/.test(lead) && (this.text[r.to] === '\n' || r.to === this.text.length)) {
      return [{ from: lineStart, to: this.text[r.to] === '\n' ? r.to + 1 : r.to, insert: '' }];
    }
    return [{ from: r.from, to: r.to, insert: '' }];
  }

  /** Inserts a child element as the last child of `e`, indented like its other children. */
  appendChild(e: XEl, xml: string): Edit[] | undefined {
    const r = this.element(e);
    if (!r || this.text[r.to - 2] === '/') return undefined;
    const close = this.text.lastIndexOf('</', r.to - 1);
    if (close < r.from) return undefined;
    const first = e.children[0];
    const firstAt = first ? this.offset(first.at) : undefined;
    const closeLine = this.text.lastIndexOf('\n', close - 1) + 1;
    const closeLead = this.text.slice(closeLine, close);
    if (firstAt !== undefined && /^[ \t]*$/.test(closeLead)) {
      const childLine = this.text.lastIndexOf('\n', firstAt - 1) + 1;
      const indent = this.text.slice(childLine, firstAt);
      if (/^[ \t]*$/.test(indent)) return [{ from: closeLine, to: closeLine, insert: `${indent}${xml}\n` }];
    }
    return [{ from: close, to: close, insert: xml }];
  }
}

export function escapeAttr(s: string, quote: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(quote === "'" ? /'/g : /"/g, quote === "'" ? '&apos;' : '&quot;');
}
