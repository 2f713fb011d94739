/**
 * The writer: edits rewrite the disks and leave every other byte as it was.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../text/edits';
import { LineIndex, lineColToOffset, offsetToLineCol } from '../../text/positions';
import { diskItems, pickQuote, readXlConfig, replaceDiskItem, replaceDiskList } from './index';

const list = (text: string, specs: string[], opts?: Parameters<typeof replaceDiskList>[3]) => applyEdits(text, replaceDiskList(text, readXlConfig(text), specs, opts));
const item = (text: string, i: number, spec: string) => applyEdits(text, replaceDiskItem(text, readXlConfig(text), i, spec));
const specs = (text: string) => diskItems(readXlConfig(text)).map((d) => d.spec);

describe('replaceDiskItem', () => {
  const text = "# guest\nname = 'g' # name\ndisk = [ 'a,,xvda',   # root\n         \"b,,xvdb\" ]  # data\nvif = [ 'bridge=xenbr0' ]\n";

  it('rewrites exactly one item, keeping its quote', () => {
    expect(item(text, 1, 'c,,xvdc')).toBe(text.replace('"b,,xvdb"', '"c,,xvdc"'));
    expect(item(text, 0, '/x,raw,xvda')).toBe(text.replace("'a,,xvda'", "'/x,raw,xvda'"));
  });

  it('switches to the other quote only to avoid escapes', () => {
    expect(item(text, 0, "it's")).toBe(text.replace("'a,,xvda'", `"it's"`));
    expect(item(text, 1, 'say "hi"')).toBe(text.replace('"b,,xvdb"', `'say "hi"'`));
    expect(item(text, 0, `it's "x"`)).toBe(text.replace("'a,,xvda'", `'it\\'s "x"'`));
  });

  it('escapes backslashes', () => {
    const out = item(text, 0, 'target=rbd:p/i:mon_host=h\\:6789');
    expect(out).toContain("'target=rbd:p/i:mon_host=h\\\\:6789'");
    expect(specs(out)[0]).toBe('target=rbd:p/i:mon_host=h\\:6789');
  });

  it('quotes a number atom', () => {
    expect(item('disk = [ 123 ]\n', 0, '/x,,xvda')).toBe("disk = [ '/x,,xvda' ]\n");
  });

  it('rewrites items that came from a += statement in place', () => {
    const t = "disk = [ 'a' ]\ndisk += [ 'b' ]\n";
    expect(item(t, 1, 'B')).toBe("disk = [ 'a' ]\ndisk += [ 'B' ]\n");
  });

  it('rejects a missing item and a text the config was not read from', () => {
    expect(() => replaceDiskItem(text, readXlConfig(text), 2, 'x')).toThrow(RangeError);
    expect(() => replaceDiskItem(text + ' ', readXlConfig(text), 0, 'x')).toThrow();
  });
});

describe('replaceDiskList', () => {
  it('keeps a single-line layout and everything around the list', () => {
    const t = "name = 'g'\ndisk = [ 'a', 'b' ]  # disks\nmemory = 512\n";
    expect(list(t, ['x', 'y', 'z'])).toBe("name = 'g'\ndisk = [ 'x', 'y', 'z' ]  # disks\nmemory = 512\n");
    expect(list('disk=[\'a\',\'b\']', ['x', 'y'])).toBe("disk=['x','y']");
    expect(list("disk = [ 'a' ]\n", [])).toBe('disk = []\n');
  });

  it('keeps a multi-line layout: indent, trailing comma, closing bracket, comment after [', () => {
    const t = "disk = [ # the disks\n  'a',\n  'b',\n]\nvif = []\n";
    expect(list(t, ['x', 'y', 'z'])).toBe("disk = [ # the disks\n  'x',\n  'y',\n  'z',\n]\nvif = []\n");
    const t2 = "disk = [\n\t\"a\",\n\t\"b\"\n    ]\n";
    expect(list(t2, ['x'])).toBe('disk = [\n\t"x"\n    ]\n');
  });

  it('writes new lists one item per line when there are several', () => {
    expect(list('disk = []\n', ['a', 'b'])).toBe("disk = [\n    'a',\n    'b',\n]\n");
    expect(list('disk = []\n', ['a'])).toBe("disk = [ 'a' ]\n");
    expect(list('disk = []\n', ['a', 'b'], { indent: '  ' })).toBe("disk = [\n  'a',\n  'b',\n]\n");
  });

  it('appends a disk statement when there is none', () => {
    expect(list("name = 'g'\n", ['a,,xvda'])).toBe("name = 'g'\ndisk = [ 'a,,xvda' ]\n");
    expect(list("name = 'g'", ['a', 'b'])).toBe("name = 'g'\ndisk = [\n    'a',\n    'b',\n]\n");
    expect(list('', ['a'])).toBe("disk = [ 'a' ]\n");
  });

  it('turns a single value into a list', () => {
    expect(list("disk = 'a,,xvda' # one\n", ['a,,xvda'])).toBe("disk = [ 'a,,xvda' ] # one\n");
  });

  it('rewrites the statement xl starts from and folds later += statements into it', () => {
    const t = "disk = [ 'old' ]\ndisk = [ 'a' ]\nname = 'g'\ndisk += [ 'b' ]  # data\nx = 1; disk += [ 'c' ]; y = 2\n";
    const out = list(t, ['A', 'B', 'C']);
    expect(out).toBe("disk = [ 'old' ]\ndisk = [ 'A', 'B', 'C' ]\nname = 'g'\nx = 1; y = 2\n");
    expect(specs(out)).toEqual(['A', 'B', 'C']);
  });

  it('takes each item quote from the item it replaces', () => {
    expect(list(`disk = [ "a", 'b' ]\n`, ['x', 'y', 'z'])).toBe(`disk = [ "x", 'y', "z" ]\n`);
    expect(list('disk = []\n', ['x'], { quote: '"' })).toBe('disk = [ "x" ]\n');
  });

  it('leaves a broken file broken elsewhere but rewrites its disks', () => {
    const t = "disk = [ 'a' ]\nname = oops\n";
    const out = list(t, ['b']);
    expect(out).toBe("disk = [ 'b' ]\nname = oops\n");
  });
});

describe('pickQuote', () => {
  it('prefers the given quote unless the other needs fewer escapes', () => {
    expect(pickQuote('plain', '"')).toBe('"');
    expect(pickQuote("it's")).toBe('"');
    expect(pickQuote(`'"'`)).toBe('"');
    expect(pickQuote(`"'"`)).toBe("'");
  });
});

describe('text helpers (src/core/text)', () => {
  it('applyEdits applies non-overlapping edits in any order and rejects overlaps', () => {
    expect(applyEdits('abcdef', [{ from: 4, to: 5, insert: 'E' }, { from: 0, to: 1, insert: 'A' }, { from: 2, to: 2, insert: '+' }])).toBe('Ab+cdEf');
    expect(applyEdits('ab', [{ from: 1, to: 1, insert: 'x' }, { from: 1, to: 1, insert: 'y' }])).toBe('axyb');
    expect(() => applyEdits('abc', [{ from: 0, to: 2, insert: '' }, { from: 1, to: 3, insert: '' }])).toThrow(RangeError);
    expect(() => applyEdits('abc', [{ from: 2, to: 4, insert: '' }])).toThrow(RangeError);
  });

  it('positions: 1-based lines and UTF-16 columns, only \\n ends a line', () => {
    const t = 'a😀b\r\ncd\n';
    expect(offsetToLineCol(t, 3)).toEqual({ line: 1, column: 4 });
    expect(offsetToLineCol(t, 6)).toEqual({ line: 2, column: 1 });
    expect(offsetToLineCol(t, t.length)).toEqual({ line: 3, column: 1 });
    expect(lineColToOffset(t, { line: 2, column: 2 })).toBe(7);
    const idx = new LineIndex(t);
    for (let off = 0; off <= t.length; off++) expect(idx.offset(idx.position(off))).toBe(off);
    // Out-of-order lookups after the hint moved still work.
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
  });
});
