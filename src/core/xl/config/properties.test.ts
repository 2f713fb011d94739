/**
 * Properties of the config reader and writer that hold for any input:
 * robustness (never throws, linear time), exact quoting round trips, and
 * writer edits that change the disks and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../text/edits';
import { diskItems, diskList, quoteXlString, readXlConfig, replaceDiskItem, replaceDiskList, type XlQuote } from './index';

const special = fc.constantFrom(
  '\n', '\r', '\t', '\f', '\v', '\0', ' ', '\u00a0', "'", '"', '\\', '#', '[', ']', ',', '=', '+', ';', '+=', 'disk', ' = ', 'é', '😀',
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.oneof(special, fc.string({ maxLength: 2 }), loneSurrogate), maxLength: 60 }),
);

describe('reader robustness', () => {
  it('never throws, and its tokens tile any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cfg = readXlConfig(text);
        diskList(cfg);
        let pos = 0;
        for (const t of cfg.tokens) {
          if (t.from !== pos || t.to < t.from) return false;
          pos = t.to;
        }
        return pos === text.length && cfg.ok === (cfg.rc === 0) && (cfg.ok || cfg.diagnostics.length > 0 || cfg.hidden.length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('the writer never throws either, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cfg = readXlConfig(text);
        applyEdits(text, replaceDiskList(text, cfg, ['a,,xvda', "it's"]));
        const n = diskItems(cfg).length;
        if (n) applyEdits(text, replaceDiskItem(text, cfg, n - 1, 'x'));
      }),
      { numRuns: 1500 },
    );
  });

  const MB = 1 << 20;
  /** `unit` repeated between `head` and `tail` to make `size` characters. */
  const fill = (size: number, unit: string, head = '', tail = '') => head + unit.repeat(Math.ceil((size - head.length - tail.length) / unit.length)) + tail;
  const big: [string, (size: number) => string][] = [
    ['a realistic config', (n) => fill(n, "name = 'guest'\ndisk = [ 'format=raw,vdev=xvda,access=rw,target=/dev/vg/guest' ]\n# comment\n")],
    ['one huge list', (n) => fill(n, "'/dev/vg/x,,xvda',\n", 'disk = [\n', ']\n')],
    ['one huge string', (n) => fill(n, 'a\\\\b', "disk = [ '", "' ]\n")],
    ['a long += chain', (n) => fill(n, "disk += [ 'a' ]\n")],
    ['a long string += chain', (n) => fill(n, "x += 'abc'\n")],
    ['lexical errors everywhere', (n) => fill(n, 'Bad + x é ( \r\n')],
    ['syntax errors everywhere', (n) => fill(n, '= = [ ] ,\n')],
    ['comment marks on an unterminated last line', (n) => fill(n, '# ')],
    ['unterminated quotes on one line', (n) => fill(n, '\'"\\\' ')],
    ['escaped quotes on one line', (n) => fill(n, "'\\'")],
    ['deep nesting', (n) => fill(n, '[', 'x = ')],
    ['one line of blanks', (n) => fill(n, ' \t')],
  ];
  // Speed is measured by `npm run bench`, not here: these only prove that 1 MB inputs of each
  // worst shape are read (a quadratic reader would run into the test timeout).
  for (const [name, make] of big) {
    it(`reads 1 MB of ${name}`, () => {
      const text = make(MB);
      expect(text.length).toBeGreaterThanOrEqual(MB);
      const list = diskList(readXlConfig(text));
      expect(list.total).toBeGreaterThanOrEqual(0);
    });
  }
});

const specChars = fc.oneof(
  { arbitrary: fc.constantFrom("'", '"', '\\', '\n', '\r', '\t', ',', '=', ':', '#', ' ', '\u00a0', 'é', '😀'), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0'), weight: 3 },
);
const spec = fc.string({ unit: specChars, maxLength: 24 });
const quote = fc.constantFrom<XlQuote>("'", '"');

describe('quoteXlString', () => {
  it('round trips through the reader', () => {
    fc.assert(
      fc.property(spec, quote, (s, q) => {
        const cfg = readXlConfig(`disk = [ ${quoteXlString(s, q)} ]\n`);
        return cfg.ok && diskItems(cfg).map((i) => i.spec).join('\u0001') === s && diskItems(cfg).length === 1;
      }),
      { numRuns: 3000 },
    );
  });

  it('escapes only the backslash, its quote and newline', () => {
    expect(quoteXlString(`a'b"c\\d\te`, "'")).toBe(`'a\\'b"c\\\\d\te'`);
    expect(quoteXlString(`a'b"c`, '"')).toBe(`"a'b\\"c"`);
    expect(quoteXlString('x\ny', "'")).toBe("'x\\ny'");
    expect(() => quoteXlString('a\0b')).toThrow(RangeError);
  });
});

/** Configs xl accepts, with a disk setting in various shapes, or none. */
const otherSetting = fc
  .tuple(fc.constantFrom('name', 'vif', 'memory', 'disk.x', 'extra'), fc.constantFrom(" = 'g'", ' = 512', " = [ 'bridge=xenbr0' ]", "=['a','b']", " = 'a' # c"))
  .map(([n, v]) => n + v);
const diskValue = fc.oneof(
  fc.array(fc.tuple(quote, fc.constantFrom('a,,xvda', 'b,,xvdb', "it's", '')), { maxLength: 3 }).chain((items) =>
    fc.constantFrom(
      `[ ${items.map(([q, s]) => quoteXlString(s, q)).join(', ')} ]`,
      `[${items.map(([q, s]) => quoteXlString(s, q)).join(',')}]`,
      `[ # disks\n${items.map(([q, s]) => `  ${quoteXlString(s, q)},\n`).join('')}]`,
      `[\n\t${items.map(([q, s]) => quoteXlString(s, q)).join(',\n\t')}\n    ]`,
    ),
  ),
  fc.constantFrom("'a,,xvda'", '7', '[ 1, [ 2 ], 3 ]'),
);
const diskStatement = fc.tuple(fc.constantFrom('disk = ', 'disk=', 'disk += '), diskValue, fc.constantFrom('', ' # the disks')).map((xs) => xs.join(''));
const goodConfig = fc
  .tuple(fc.array(fc.oneof(otherSetting, diskStatement, fc.constantFrom('# comment', '', 'x = 1; y = 2')), { maxLength: 6 }), fc.boolean())
  .map(([lines, finalNewline]) => lines.join('\n') + (finalNewline && lines.length ? '\n' : ''))
  .filter((t) => readXlConfig(t).ok);

/** Text of every statement that is not about `disk`, in order. */
const otherStatements = (text: string) =>
  readXlConfig(text)
    .settings.filter((s) => s.name !== 'disk')
    .map((s) => text.slice(s.from, s.to));

describe('writer', () => {
  it('replaceDiskList: re-reading gives the new specs, other statements are untouched', () => {
    fc.assert(
      fc.property(goodConfig, fc.array(spec, { maxLength: 4 }), (text, specs) => {
        const cfg = readXlConfig(text);
        const out = applyEdits(text, replaceDiskList(text, cfg, specs));
        const again = readXlConfig(out);
        expect(again.messages).toEqual([]);
        expect(diskItems(again).map((i) => i.spec)).toEqual(specs);
        expect(diskList(again).total).toBe(specs.length);
        expect(otherStatements(out)).toEqual(otherStatements(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('replaceDiskItem: changes exactly that item', () => {
    fc.assert(
      fc.property(
        goodConfig.filter((t) => diskItems(readXlConfig(t)).length > 0),
        fc.nat(),
        spec,
        (text, n, s) => {
          const cfg = readXlConfig(text);
          const before = diskItems(cfg);
          const i = n % before.length;
          const edits = replaceDiskItem(text, cfg, i, s);
          expect(edits).toHaveLength(1);
          const out = applyEdits(text, edits);
          expect(out.slice(0, before[i]!.from)).toBe(text.slice(0, before[i]!.from));
          expect(out.slice(out.length - (text.length - before[i]!.to))).toBe(text.slice(before[i]!.to));
          const after = diskItems(readXlConfig(out)).map((x) => x.spec);
          expect(after).toEqual(before.map((x, j) => (j === i ? s : x.spec)));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
