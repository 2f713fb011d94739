import { describe, expect, it } from 'vitest';
import { parseXml } from './xmlParse';
import { escapeAttr } from './xmlTree';

describe('parseXml', () => {
  it('reads one element with positions', () => {
    const r = parseXml("<disk type='file'>\n  <target dev='xvda'/>\n</disk>");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roots).toHaveLength(1);
    expect(r.roots[0]!.at).toEqual({ line: 1, column: 1 });
    expect(r.roots[0]!.children[0]!.at).toEqual({ line: 2, column: 3 });
    expect(r.roots[0]!.children[0]!.attrs[0]).toEqual({ name: 'dev', value: 'xvda', at: { line: 2, column: 11 } });
    expect(r.roots[0]!.attrs[0]!.at).toEqual({ line: 1, column: 7 });
  });

  it('reads sibling elements (a fragment), with columns of the first line as given', () => {
    const r = parseXml("<disk a='1'/><disk a='2'/>");
    expect(r.ok && r.roots.map((e) => [e.attrs[0]!.value, e.at!.column])).toEqual([
      ['1', 1],
      ['2', 14],
    ]);
    expect(r.ok && r.roots.map((e) => e.attrs[0]!.at)).toEqual([
      { line: 1, column: 7 },
      { line: 1, column: 20 },
    ]);
  });

  it('accepts an XML declaration, comments and a DOCTYPE', () => {
    const r = parseXml("<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE domain>\n<!-- x -->\n<domain/>");
    expect(r.ok && r.roots[0]!.name).toBe('domain');
    expect(r.ok && r.roots[0]!.at).toEqual({ line: 4, column: 1 });
  });

  it('reports line and column of XML errors', () => {
    expect(parseXml("<disk>\n  <driver name='qemu'>\n</disk>")).toMatchObject({ ok: false, error: { line: 2, message: expect.stringContaining('mismatch') } });
    expect(parseXml("<disk>\n  <source file='a' file='b'/>\n</disk>")).toMatchObject({ ok: false, error: { line: 2, column: 3 } });
    expect(parseXml('<disk>&nbsp;</disk>')).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining('entity') } });
    expect(parseXml('<disk>')).toMatchObject({ ok: false, error: { message: expect.stringContaining('not closed') } });
    expect(parseXml('')).toMatchObject({ ok: false });
    expect(parseXml("<a b=c/>")).toMatchObject({ ok: false });
  });

  it('reports text outside any element', () => {
    expect(parseXml('hello <disk/>')).toMatchObject({ ok: true, strayText: { text: 'hello' } });
  });

  it('reads back what the printer escapes', () => {
    const v = `it's "a" & <b>\tc\nd`;
    const r = parseXml(`<source file='${escapeAttr(v)}'/>`);
    expect(r.ok && r.roots[0]!.attrs[0]!.value).toBe(v);
  });
});
