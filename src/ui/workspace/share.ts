/**
 * Share links: the workspace (text and guest type) in the URL fragment, which browsers never
 * send to a server: `#s=1.<lz-string, URI-safe>` (1 = this format's version). Ceph keys (RBD
 * `key=` in xl targets, key material pasted into XML) are removed unless the user asks to keep
 * them. The old `#text=…&guest=…` form is still read.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { readDocument, setDiskAt } from '../../core/document';
import { lint } from '../../core/lint';
import { applyEdits, type Edit } from '../../core/text/edits';
import { decodeTarget, encodeTarget } from '../../core/xl/targets';
import type { GuestType } from '../../core/xl/vdev';

export type Shared = { text: string; guest: GuestType };

const isGuest = (g: unknown): g is GuestType => g === 'hvm' || g === 'pv' || g === 'pvh';

export function shareFragment(s: Shared): string {
  return `#s=1.${compressToEncodedURIComponent(JSON.stringify({ t: s.text, g: s.guest }))}`;
}

/** What the address hands over: a share link, the old `#text=` form, or nothing. */
export function readFragment(hash: string): Partial<Shared> {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('s=')) {
    const m = /^s=1\.(.*)$/s.exec(h);
    if (!m) return {};
    try {
      const json = decompressFromEncodedURIComponent(m[1]!);
      if (!json) return {};
      const v = JSON.parse(json) as { t?: unknown; g?: unknown };
      if (typeof v.t !== 'string') return {};
      return { text: v.t, ...(isGuest(v.g) && { guest: v.g }) };
    } catch {
      return {};
    }
  }
  const p = new URLSearchParams(h);
  const text = p.get('text') ?? undefined;
  const g = p.get('guest');
  return { ...(text !== undefined && { text }), ...(isGuest(g) && { guest: g }) };
}

/** The text without Ceph keys, and how many were removed. */
export function removeCephKeys(text: string, guest: GuestType): { text: string; removed: number } {
  const doc = readDocument(text, { guest });
  const edits: Edit[] = [];
  let removed = 0;
  if (doc.syntax === 'libvirt-xml') {
    for (const d of lint(text, { guest, conversion: false })) {
      if (d.code !== 'XML-AUTH-SECRET' || !/Ceph key/.test(d.message)) continue;
      const f = d.fixes[0];
      if (f) edits.push(...f.edits);
      else edits.push({ from: d.from, to: d.to, insert: '' });
      removed++;
    }
    return { text: edits.length ? applyEdits(text, dedupe(edits)) : text, removed };
  }
  for (const d of doc.disks) {
    if (!d.disk?.target?.startsWith('rbd:')) continue;
    const t = decodeTarget(d.disk);
    if (!t.ok || t.target.kind !== 'rbd') continue;
    const keys = t.target.options.filter((o) => o.kind === 'key');
    if (keys.length === 0) continue;
    removed += keys.length;
    // remove just `:key=…` where it is written as is; else rewrite the disk without it
    const span = text.slice(d.from, d.to);
    const literal = keys.every((k) => k.kind === 'key' && span.split(`:key=${k.value}`).length === 2);
    if (literal) {
      for (const k of keys) {
        if (k.kind !== 'key') continue;
        const at = d.from + span.indexOf(`:key=${k.value}`);
        edits.push({ from: at, to: at + `:key=${k.value}`.length, insert: '' });
      }
    } else {
      const target = encodeTarget({ ...t.target, options: t.target.options.filter((o) => o.kind !== 'key') }).target;
      edits.push(...setDiskAt(text, doc.syntax, doc.guest, d, { ...d.disk, target }));
    }
  }
  return { text: edits.length ? applyEdits(text, edits) : text, removed };
}

function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.from}:${e.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
