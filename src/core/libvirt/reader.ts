/**
 * Reading an element tree while remembering what was read, so that everything left over can be
 * reported as dropped (no XML element or attribute disappears without a diagnostic).
 */
import type { XAttr, XEl } from './xmlTree';

export class Reader {
  private readonly seen = new Set<XEl | XAttr>();

  attr(e: XEl, name: string): string | undefined {
    const a = e.attrs.find((x) => x.name === name);
    if (!a) return undefined;
    this.seen.add(a);
    return a.value;
  }

  attrNode(e: XEl, name: string): XAttr | undefined {
    const a = e.attrs.find((x) => x.name === name);
    if (a) this.seen.add(a);
    return a;
  }

  child(e: XEl, name: string): XEl | undefined {
    const c = e.children.find((x) => x.name === name);
    if (c) this.seen.add(c);
    return c;
  }

  children(e: XEl, name: string): XEl[] {
    const cs = e.children.filter((x) => x.name === name);
    for (const c of cs) this.seen.add(c);
    return cs;
  }

  /** Marks an element (and, with `deep`, everything in it) as handled. */
  mark(e: XEl | XAttr, deep = false): void {
    this.seen.add(e);
    if (deep && 'children' in e) {
      for (const a of e.attrs) this.seen.add(a);
      for (const c of e.children) this.mark(c, true);
    }
  }

  has(e: XEl | XAttr): boolean {
    return this.seen.has(e);
  }

  /**
   * What was not read under `root`: unread attributes of read elements, and unread child
   * elements (whose own content is not listed separately). Paths are relative to root,
   * e.g. `driver/@cache`, `iotune`, `source/host/@transport`.
   */
  unread(root: XEl): { path: string; node: XEl | XAttr }[] {
    const out: { path: string; node: XEl | XAttr }[] = [];
    const walk = (e: XEl, prefix: string) => {
      for (const a of e.attrs) if (!this.seen.has(a)) out.push({ path: `${prefix}@${a.name}`, node: a });
      for (const c of e.children) {
        if (!this.seen.has(c)) out.push({ path: `${prefix}${c.name}`, node: c });
        else walk(c, `${prefix}${c.name}/`);
      }
    };
    walk(root, '');
    return out;
  }
}
