/**
 * Reading XML text into the small element tree (xmlTree.ts), with the line and column of every
 * element and attribute and of the first XML error.
 *
 * The parser is @xmldom/xmldom: a maintained, dependency-free, pure-JavaScript DOM parser that
 * runs unchanged in Node, browsers and Web Workers (the browser's own DOMParser does not exist
 * in Node or workers, and reports errors as an HTML document without reliable positions), and
 * whose `onError` callback receives a locator with the line and column. It does not fetch
 * external entities or DTDs.
 *
 * A fragment may hold several sibling elements (a paste of `<disk>`s): the text is parsed inside
 * a synthetic root element, and positions are mapped back to the text as given.
 */
import { DOMParser } from '@xmldom/xmldom';
import { LineIndex } from '../text/positions';
import type { Pos, XAttr, XEl } from './xmlTree';

export type XmlError = { message: string; line: number; column: number };

export type XmlParse =
  | {
      ok: true;
      /** The top-level elements, in order. */
      roots: XEl[];
      /** Non-blank text found between top-level elements (not allowed in XML outside the root). */
      strayText?: { text: string; at?: Pos };
    }
  | { ok: false; error: XmlError; errors: XmlError[] };

const ROOT = 'xldisk-fragment-root';
const OPEN = `<${ROOT}>`;
const CLOSE = `</${ROOT}>`;

type DomNode = {
  nodeType: number;
  nodeName: string;
  data?: string;
  lineNumber?: number;
  columnNumber?: number;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string; lineNumber?: number; columnNumber?: number }>;
};

/**
 * Blanks out a leading XML declaration and DOCTYPE (without an internal subset), keeping every
 * line break so that positions do not move; they cannot stand inside the synthetic root.
 */
function blankProlog(text: string): string {
  const m = /^(\uFEFF?\s*<\?xml[^?]*\?>)?(\s*<!DOCTYPE[^[>]*>)?/.exec(text);
  if (!m || m[0] === '') return text;
  const blank = m[0].replace(/[^\n]/g, ' ');
  return blank + text.slice(m[0].length);
}

export function parseXml(text: string): XmlParse {
  const errors: XmlError[] = [];
  const fix = (line: number | undefined, column: number | undefined): Pos => {
    const l = line ?? 1;
    let c = column ?? 1;
    if (l === 1) c = Math.max(1, c - OPEN.length);
    return { line: l, column: c };
  };
  const source = OPEN + blankProlog(text) + CLOSE;
  let doc: { documentElement: DomNode | null } | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) => {
        const at = fix(context?.locator?.lineNumber, context?.locator?.columnNumber);
        errors.push({ message: cleanMessage(message, level), ...at });
      },
    }).parseFromString(source, 'text/xml') as unknown as { documentElement: DomNode | null };
  } catch (e) {
    if (errors.length === 0) {
      const loc = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
      errors.push({ message: cleanMessage(String((e as Error).message ?? e), 'fatalError'), ...fix(loc?.lineNumber, loc?.columnNumber) });
    }
  }
  if (errors.length > 0 || !doc?.documentElement) {
    const all = errors.length > 0 ? errors : [{ message: 'no XML element found', line: 1, column: 1 }];
    return { ok: false, error: all[0]!, errors: all };
  }
  const root = doc.documentElement;
  const index = new LineIndex(text);
  // xmldom places an attribute at its value's opening quote; move it to the attribute's name
  const attrFix = (name: string, at: Pos): Pos => {
    let i = index.offset(at) - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (text[i] !== '=') return at;
    i--;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    const start = i - name.length + 1;
    return start >= 0 && text.slice(start, i + 1) === name ? index.position(start) : at;
  };
  const roots: XEl[] = [];
  let strayText: { text: string; at?: Pos } | undefined;
  for (const n of Array.from(root.childNodes)) {
    if (n.nodeType === 1) roots.push(convert(n, fix, attrFix));
    else if ((n.nodeType === 3 || n.nodeType === 4) && n.data!.trim() !== '' && !strayText) {
      strayText = { text: n.data!.trim(), at: fix(n.lineNumber, n.columnNumber) };
    }
  }
  if (roots.length === 0) {
    const e = { message: 'no XML element found', line: 1, column: 1 };
    return { ok: false, error: e, errors: [e] };
  }
  return { ok: true, roots, ...(strayText && { strayText }) };
}

/** xmldom's messages mention our synthetic root when the input is cut short; say it plainly. */
function cleanMessage(message: string, level: string): string {
  let m = message.replace(/\s*\n[\s\S]*$/, '');
  if (m.includes(ROOT)) m = 'unexpected end of the text (an element is not closed)';
  return level === 'warning' ? `${m} (malformed XML)` : m;
}

function convert(n: DomNode, fix: (l?: number, c?: number) => Pos, attrFix: (name: string, at: Pos) => Pos): XEl {
  const attrs: XAttr[] = Array.from(n.attributes ?? []).map((a) => ({
    name: a.name,
    value: a.value,
    at: a.lineNumber !== undefined ? attrFix(a.name, fix(a.lineNumber, a.columnNumber)) : fix(n.lineNumber, n.columnNumber),
  }));
  const children: XEl[] = [];
  let text = '';
  for (const c of Array.from(n.childNodes)) {
    if (c.nodeType === 1) children.push(convert(c, fix, attrFix));
    else if (c.nodeType === 3 || c.nodeType === 4) text += c.data ?? '';
  }
  return { name: n.nodeName, attrs, children, text, at: fix(n.lineNumber, n.columnNumber) };
}
