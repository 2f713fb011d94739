/**
 * The config reader against the behaviours checked with libxlutil (spec
 * xl-disk-syntax.md §2.5, plus quirks found with the oracle). Expected
 * messages were copied from the oracle's output.
 */
import { describe, expect, it } from 'vitest';
import { diskItems, diskList, readXlConfig, specIndexToOffset } from './index';

const PY = [
  'warning: Config file looks like it contains Python code.',
  'warning:  Arbitrary Python is no longer supported.',
  'warning:  See https://wiki.xen.org/wiki/PythonInXlConfig',
];

function summary(text: string) {
  const cfg = readXlConfig(text);
  const dl = diskList(cfg);
  return { ok: cfg.ok, specs: dl.items.map((i) => i.spec), xlUses: dl.xlUses, total: dl.total, messages: cfg.messages };
}

describe('spec §2.5: checked config-file behaviours', () => {
  const rows: [string, string, Partial<ReturnType<typeof summary>>][] = [
    ["the doc's own example", "disk = [ '/dev/vg/guest-volume,,hda', '/root/image.iso,,hdc,cdrom' ]\n", { ok: true, specs: ['/dev/vg/guest-volume,,hda', '/root/image.iso,,hdc,cdrom'], messages: [] }],
    ['newlines around items and commas', 'disk = [\n  \'a,,xvda\',\n  "b,,xvdb"\n  ,\n]\n', { ok: true, specs: ['a,,xvda', 'b,,xvdb'], messages: [] }],
    ['comments inside the list', "disk = [ # c\n 'a,,xvda', # c\n 'b,,xvdb' ]\n", { ok: true, specs: ['a,,xvda', 'b,,xvdb'], messages: [] }],
    ['trailing comma', "disk = [ 'a,,xvda', ]\n", { ok: true, specs: ['a,,xvda'], messages: [] }],
    ['empty list', 'disk = []\n', { ok: true, specs: [], xlUses: 0, total: 0, messages: [] }],
    ['xl stops at a nested list', "disk = [ 'a,,xvda', ['b,,xvdb'], 'c,,xvdc' ]\n", { ok: true, specs: ['a,,xvda'], xlUses: 1, total: 3, messages: [] }],
    ['numbers are strings', 'disk = [ 123, 0x1f ]\n', { ok: true, specs: ['123', '0x1f'], xlUses: 2 }],
    ['a single value: warning, zero disks', "disk = 'a,,xvda'\n", { ok: true, specs: [], messages: ["config:1: warning: parameter `disk' is a single value but should be a list"] }],
    ['the last assignment wins', "disk = [ 'a,,xvda' ]\ndisk = [ 'b,,xvdb' ]\n", { ok: true, specs: ['b,,xvdb'] }],
    ['+= appends', "disk = [ 'a,,xvda' ]\ndisk += [ 'b,,xvdb' ]\n", { ok: true, specs: ['a,,xvda', 'b,,xvdb'] }],
    ['no final newline is fine', "disk = [ 'a,,xvda' ]", { ok: true, specs: ['a,,xvda'], messages: [] }],
    ['comment on an unterminated last line', "disk = [ 'a,,xvda' ]\n# c", { ok: false, messages: ["config:2: config parsing error near `#': lexical error"] }],
    ['CRLF', "disk = [ 'a,,xvda' ]\r\n", { ok: false, messages: ["config:1: config parsing error near `\r': lexical error"] }],
    ['uppercase name', "Disk = [ 'a,,xvda' ]\n", { ok: false, messages: ["config:1: config parsing error near `Disk': lexical error"] }],
    [
      'newline between = and the value',
      "disk =\n[ 'a,,xvda' ]\n",
      { ok: false, messages: ["config:0: config parsing error near <newline>: syntax error, unexpected NEWLINE, expecting STRING or NUMBER or '['"] },
    ],
    [
      'two strings without a comma',
      "disk = [ 'a,,xvda' 'b,,xvdb' ]\n",
      { ok: false, messages: ["config:1: config parsing error near `'b,,xvdb'': syntax error, unexpected STRING, expecting ']'"] },
    ],
    ['two commas', "disk = [ 'a,,xvda',, 'b,,xvdb' ]\n", { ok: false, messages: ["config:1: config parsing error near `,': syntax error, unexpected ',', expecting ']'"] }],
    ['Python list concatenation', "disk = [ 'a,,xvda' ] + [ 'b,,xvdb' ]\n", { ok: false, messages: ["config:1: config parsing error near `+': lexical error", ...PY] }],
    ['the other quote inside', 'disk = [ "it\'s,,xvda", \'say "hi",,xvdb\' ]\n', { ok: true, specs: ["it's,,xvda", 'say "hi",,xvdb'] }],
    ['escaped quote', "disk = [ 'a\\'b,,xvda' ]\n", { ok: true, specs: ["a'b,,xvda"] }],
    ['escaped backslash', "disk = [ 'vdev=xvda,target=/a\\\\b' ]\n", { ok: true, specs: ['vdev=xvda,target=/a\\b'] }],
    [
      'hex escapes are broken',
      "disk = [ 'a,,\\x78vda' ]\n",
      { ok: false, messages: ["config:1: config parsing error near `'a,,\\x78vda'': invalid digit after backslash hexnumerical character escape in quoted string"] },
    ],
    ['octal escapes are dropped', "disk = [ 'a,,hd\\143' ]\n", { ok: true, specs: ['a,,hd'] }],
    ['\\n gives a real newline', "disk = [ 'a\\nb,,xvda' ]\n", { ok: true, specs: ['a\nb,,xvda'] }],
    ['empty spec', "disk = [ '' ]\n", { ok: true, specs: [''], xlUses: 1 }],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      expect(summary(text)).toMatchObject(expected);
    });
  }
});

describe('errors and warnings, as xl prints them', () => {
  it('reports every error libxlutil reports, and keeps going', () => {
    const rbd =
      "disk = [ 'vdev=hdc, backendtype=qdisk, \\\ntarget=rbd:libvirt-pool/new-libvirt-image:\\\nid=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx;none:\\\n" +
      "mon_host=137.65.135.205\\\\:6789;137.65.135.206\\\\:6789;137.65.135.207\\\\:6789' ]\n";
    expect(readXlConfig(rbd).messages).toEqual([
      "config:1: config parsing error near `'vdev=hdc,': lexical error",
      "config:1: config parsing error near `\\': lexical error",
      "config:3: config parsing error near `libvirt': syntax error, unexpected IDENT, expecting STRING or NUMBER or '['",
      "config:3: config parsing error near `:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx;none:\\': lexical error",
      "config:4: config parsing error near `.65.135.205\\\\:6789;137.65.135.206\\\\:6789;137.65.135.207\\\\:6789'': lexical error",
      ...PY,
    ]);
  });

  it('a single \\: in a string is an escape error', () => {
    expect(readXlConfig("disk = [ 'vdev=hdc,target=rbd:p/i:mon_host=1.2.3.4\\:6789' ]\n").messages).toEqual([
      "config:1: config parsing error near `'vdev=hdc,target=rbd:p/i:mon_host=1.2.3.4\\:6789'': invalid character after backlash in quoted string",
    ]);
  });

  it('prints at most one error per line, and nothing for 2 tokens after a syntax error', () => {
    expect(readXlConfig('a = = 1\nb = = 2\n').messages).toHaveLength(2);
    expect(readXlConfig('= 1\n= 2\n').messages).toEqual([
      "config:1: config parsing error near `=': syntax error, unexpected '=', expecting $end or IDENT or NEWLINE or ';'",
    ]);
    const cfg = readXlConfig('x = foo(x)\n');
    expect(cfg.messages[0]).toBe("config:1: config parsing error near `foo': syntax error, unexpected IDENT, expecting STRING or NUMBER or '['");
  });

  it('a lexical error at a newline also silences the next line', () => {
    // `+` then newline: the error is counted on line 2 as well.
    expect(readXlConfig('x = 1 +\ny = = 2\n').messages).toEqual(["config:1: config parsing error near `+': lexical error", ...PY]);
    // A non-ASCII character is several bytes: its error ends before the newline.
    expect(readXlConfig('x = 1 é\ny = = 2\n').messages).toEqual([
      "config:1: config parsing error near `é': lexical error",
      "config:2: config parsing error near `=': syntax error, unexpected '=', expecting STRING or NUMBER or '['",
    ]);
  });

  it('a bad ASCII character as the very last byte is silently dropped', () => {
    expect(summary("disk = [ 'a' ]\n#")).toMatchObject({ ok: true, specs: ['a'] });
    expect(summary("disk = [ 'a' ] +")).toMatchObject({ ok: true, specs: ['a'], messages: [] });
    expect(summary("disk = [ 'a' ]\n#c").messages).toEqual(["config:2: config parsing error near `#c': lexical error"]);
    expect(summary('x = 1 é').ok).toBe(false);
  });

  it('errors at end of file name the token before it', () => {
    expect(readXlConfig('disk = [\n').messages).toEqual(["config:1: config parsing error near `': syntax error, unexpected $end, expecting ']'"]);
    expect(readXlConfig('disk = [ +').messages).toEqual(["config:1: config parsing error near `+': syntax error, unexpected $end, expecting ']'", ...PY]);
  });

  it('after a statement, only $end is listed (bison reduced first)', () => {
    expect(readXlConfig("x = 'a' 'b'\n").messages).toEqual(["config:1: config parsing error near `'b'': syntax error, unexpected STRING, expecting $end"]);
    expect(readXlConfig("x 'a'\n").messages).toEqual(["config:1: config parsing error near `'a'': syntax error, unexpected STRING, expecting += or '='"]);
  });

  it("+= mixing a list and a string: can't add", () => {
    expect(readXlConfig("x = 'a'\nx += ['b']\n").messages).toEqual([`config:2: config parsing error near \`]': can't add [list] to "string" or vice versa`]);
    expect(readXlConfig("x = ['a']\nx += 'b'\n").messages).toEqual([`config:2: config parsing error near \`'b'': can't add [list] to "string" or vice versa`]);
    const s = readXlConfig("disk = 'a'\ndisk += 'b'\n");
    expect(s.messages).toEqual(["config:2: warning: parameter `disk' is a single value but should be a list"]);
    expect(s.values.get('disk')?.value).toMatchObject({ type: 'string', value: 'ab' });
  });

  it('+= without an earlier value is an assignment; statements may share a line', () => {
    expect(summary("disk += [ 'b' ]\n").specs).toEqual(['b']);
    expect(summary("disk = [ 'a' ]; disk += ['b'];\n").specs).toEqual(['a', 'b']);
  });

  it('identifiers may contain . and _', () => {
    const cfg = readXlConfig('disk.x = 1\na_b.c9 = [ 2 ]\n');
    expect(cfg.ok).toBe(true);
    expect(cfg.settings.map((s) => s.name)).toEqual(['disk.x', 'a_b.c9']);
    expect(readXlConfig('.x = 1\n').messages).toEqual(["config:1: config parsing error near `.x': lexical error", ...PY]);
  });

  it('octal and hex escape quirks', () => {
    const spec = (body: string) => summary(`disk = [ '${body}' ]\n`);
    expect(spec('\\1 5z').specs).toEqual(['z']); // strtoul skips a blank
    expect(spec('\\1+5z').specs).toEqual(['z']); // and a sign
    expect(spec('\\1\t5z').specs).toEqual(['z']);
    expect(spec('\\1\v5z').specs).toEqual(['z']);
    expect(spec('\\1 -5').specs).toEqual(['']);
    expect(spec('\\1234').specs).toEqual(['']); // three characters at most: "234"
    const octal = "invalid digit after backslash octalnumerical character escape in quoted string";
    for (const bad of ['\\1   5z', '\\19x', '\\1', '\\08', '\\1+', '\\1 ', '\\1+-5']) {
      expect(spec(bad).messages).toEqual([`config:1: config parsing error near \`'${bad}'': ${octal}`]);
    }
    expect(spec('\\8').messages[0]).toContain('invalid character after backlash in quoted string');
    expect(spec('\\x41').messages[0]).toContain('invalid digit after backslash hexnumerical character escape');
    expect(spec('\\a\\b\\f\\n\\r\\t\\v\\\'\\"\\\\').specs).toEqual(['\x07\b\f\n\r\t\v\'"\\']);
  });

  it('escape errors are only reported while no error has happened', () => {
    expect(readXlConfig("= 1\ndisk = [ '\\q' ]\n").messages).toHaveLength(1);
  });

  it('NUL bytes: inside quotes libxlutil aborts; elsewhere printf stops at them', () => {
    const cfg = readXlConfig("disk = [ 'a\0b' ]\n");
    expect(cfg.aborted).toBe(true);
    expect(cfg.ok).toBe(false);
    expect(cfg.messages).toEqual([]);
    expect(cfg.diagnostics[0]!.kind).toBe('abort');
    expect(readXlConfig("disk = [ 'a' ]\ndi\0sk = 1\n").messages).toEqual(["config:2: config parsing error near `': lexical error"]);
  });

  it('bison stack exhaustion on deep nesting', () => {
    const deep = 'x = [' + '['.repeat(5000) + ']'.repeat(5001) + '\n';
    expect(readXlConfig(deep).messages).toEqual(["config:1: config parsing error near `[': memory exhausted"]);
    const ok = 'x = [' + '['.repeat(4990) + ']'.repeat(4991) + '\n';
    expect(readXlConfig(ok).ok).toBe(true);
  });

  it('uses the given file label', () => {
    expect(readXlConfig('x = \n', { source: '/etc/xen/g.cfg' }).messages[0]).toMatch(/^\/etc\/xen\/g\.cfg:0: /);
  });
});

describe('positions', () => {
  it('settings, values and items carry offsets and 1-based UTF-16 line/columns', () => {
    const text = "# head\nname = 'é😀'\ndisk = [\n  'a,,xvda', 7,\n]\n";
    const cfg = readXlConfig(text);
    expect(cfg.ok).toBe(true);
    const [name, disk] = cfg.settings;
    expect(name).toMatchObject({ name: 'name', op: '=', line: 2, start: { line: 2, column: 1 }, end: { line: 2, column: 13 } });
    expect(text.slice(name!.value.from, name!.value.to)).toBe("'é😀'");
    expect(disk!.value.kind).toBe('list');
    expect(disk).toMatchObject({ line: 3, terminator: { from: text.length - 1, to: text.length } });
    const items = diskItems(cfg);
    expect(items.map((i) => [i.spec, i.atom, i.quote, i.start, i.setting])).toEqual([
      ['a,,xvda', 'string', "'", { line: 4, column: 3 }, 1],
      ['7', 'number', null, { line: 4, column: 14 }, 1],
    ]);
    expect(text.slice(items[0]!.from, items[0]!.to)).toBe("'a,,xvda'");
  });

  it('maps spec indexes back to the source, across escapes', () => {
    const text = "disk = [ 'a\\\\b\\'c\\1 5,x' ]\n";
    const [item] = diskItems(readXlConfig(text));
    expect(item!.spec).toBe("a\\b'c,x");
    const at = (i: number) => specIndexToOffset(item!, i);
    expect(text[at(0)]).toBe('a');
    expect(text.slice(at(1), at(1) + 2)).toBe('\\\\');
    expect(text[at(2)]).toBe('b');
    expect(text.slice(at(3), at(3) + 2)).toBe("\\'");
    expect(text[at(5)]).toBe(','); // the dropped octal escape takes no index
    expect(at(item!.spec.length)).toBe(item!.to - 1); // the closing quote
  });

  it('items from several += statements know their statement', () => {
    const cfg = readXlConfig("disk = [ 'a' ]\nx = 1\ndisk += [ 'b', 'c' ]\n");
    expect(diskItems(cfg).map((i) => [i.spec, i.setting])).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', 2],
    ]);
  });

  it('diagnostics are located at the offending text', () => {
    const text = "disk = [ 'a' 'b' ]\nx = 1 +y\n";
    const cfg = readXlConfig(text);
    const [syntax, lexical] = cfg.diagnostics;
    expect(text.slice(syntax!.from, syntax!.to)).toBe("'b'");
    expect(syntax!.start).toEqual({ line: 1, column: 14 });
    expect(text.slice(lexical!.from, lexical!.to)).toBe('+y');
    const esc = readXlConfig("disk = [ 'ab\\qc' ]\n").diagnostics[0]!;
    expect(esc).toMatchObject({ kind: 'escape', at: 12 });
  });

  it('the tokens tile the text, trivia included', () => {
    const text = "disk = [ # c\n 'a', \"b\" ] ; x += 1 +\r\nBad\n";
    const cfg = readXlConfig(text);
    let pos = 0;
    for (const t of cfg.tokens) {
      expect(t.from).toBe(pos);
      pos = t.to;
    }
    expect(pos).toBe(text.length);
    expect(cfg.tokens.filter((t) => t.kind === 'newline').map((t) => text.slice(t.from, t.to))).toEqual(['# c\n', '\n', '\n']);
  });

  it('best effort when the read fails: the disks as if there were no error', () => {
    const cfg = readXlConfig("disk = [ 'a,,xvda' ]\nname = oops\ndisk += [ 'b' ]\n");
    expect(cfg.ok).toBe(false);
    expect(cfg.values.get('disk')).toBeDefined(); // stored before the error
    const dl = diskList(cfg);
    expect(dl.exact).toBe(false);
    expect(dl.items.map((i) => i.spec)).toEqual(['a,,xvda', 'b']);
    expect(cfg.settings.map((s) => [s.name, s.stored])).toEqual([
      ['disk', true],
      ['disk', false],
    ]);
  });
});
