/**
 * A small XML element tree and libvirt's canonical printer (what `virsh dumpxml` prints):
 * single-quoted attributes in the order given, two-space indentation, empty elements closed as
 * `<name/>`, no XML declaration, a newline after the last line.
 *
 * Escaping follows libvirt's virBufferEscapeString: `& < > ' "` become entities and the ASCII
 * control characters XML 1.0 cannot carry (U+0001–U+0008, U+000B, U+000C, U+000E–U+001F) are
 * dropped. One deliberate difference: a tab, newline or carriage return inside an attribute value
 * is written as a character reference (`&#9;`…), because a raw one would come back as a space.
 */

/** Where a node starts in the text it was parsed from (1-based line and column). */
export type Pos = { line: number; column: number };

export type XAttr = { name: string; value: string; at?: Pos };

export type XEl = {
  name: string;
  attrs: XAttr[];
  children: XEl[];
  /** Character data directly inside the element (its children's text excluded), as parsed. */
  text: string;
  at?: Pos;
};

/** An element; attributes whose value is undefined are left out, the others keep their order. */
export function el(name: string, attrs: Record<string, string | number | undefined> = {}, children: readonly (XEl | undefined | false)[] = []): XEl {
  // plain loops: every disk of a large config builds several elements (Object.entries and
  // filter allocated more than the elements themselves)
  const list: XAttr[] = [];
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) list.push({ name: k, value: String(v) });
  }
  const kids: XEl[] = [];
  for (const c of children) if (c) kids.push(c);
  return { name, attrs: list, children: kids, text: '' };
}

/** An element holding only text, e.g. `<name>client.admin secret</name>`. */
export function textEl(name: string, text: string, attrs: Record<string, string | undefined> = {}): XEl {
  return { ...el(name, attrs), text };
}

export function attr(e: XEl, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

export function child(e: XEl, name: string): XEl | undefined {
  return e.children.find((c) => c.name === name);
}

export function childrenNamed(e: XEl, name: string): XEl[] {
  return e.children.filter((c) => c.name === name);
}

/** The control characters libvirt drops from attribute values and text. */
// eslint-disable-next-line no-control-regex
export const DROPPED_CONTROL = /[\x01-\x08\x0b\x0c\x0e-\x1f]/g;

/** Whether libvirt would drop characters of `s` when printing it. */
export function hasDroppedControl(s: string): boolean {
  return /[\x01-\x08\x0b\x0c\x0e-\x1f]/.test(s);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

/** Text content, escaped as libvirt escapes it. */
export function escapeText(s: string): string {
  return s.replace(DROPPED_CONTROL, '').replace(/[&<>'"]/g, (c) => ENTITIES[c]!);
}

/** An attribute value: escapeText, plus tab/newline/CR as character references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function printInto(e: XEl, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const head = `<${e.name}${e.attrs.map((a) => ` ${a.name}='${escapeAttr(a.value)}'`).join('')}`;
  if (e.children.length === 0) {
    out.push(e.text === '' ? `${pad}${head}/>` : `${pad}${head}>${escapeText(e.text)}</${e.name}>`);
    return;
  }
  out.push(`${pad}${head}>`);
  for (const c of e.children) printInto(c, depth + 1, out);
  out.push(`${pad}</${e.name}>`);
}

/**
 * The canonical text of an element, every line indented by `depth` levels (a standalone
 * `<disk>` is printed at depth 0; inside `<domain><devices>` it is at depth 2), ending in a
 * newline.
 */
export function printXml(e: XEl, depth = 0): string {
  const out: string[] = [];
  printInto(e, depth, out);
  return out.join('\n') + '\n';
}

/** Structural equality of two trees (names, attributes in order, children, text), positions ignored. */
export function sameTree(a: XEl, b: XEl): boolean {
  if (a.name !== b.name || a.text !== b.text || a.attrs.length !== b.attrs.length || a.children.length !== b.children.length) return false;
  if (a.attrs.some((x, i) => x.name !== b.attrs[i]!.name || x.value !== b.attrs[i]!.value)) return false;
  return a.children.every((c, i) => sameTree(c, b.children[i]!));
}

/** A copy without positions, and with whitespace-only text removed (for comparing trees). */
export function stripTree(e: XEl): XEl {
  return {
    name: e.name,
    attrs: e.attrs.map((a) => ({ name: a.name, value: a.value })),
    children: e.children.map(stripTree),
    text: e.text.trim() === '' ? '' : e.text,
  };
}
