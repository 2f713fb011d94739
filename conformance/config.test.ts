/**
 * Differential property: for generated xl config files — plausible and broken —
 * our reader (src/core/xl/config) and Xen's libxlutil (through the project's
 * harness, `build/oracle/xloracle config FILE`) agree on:
 *   - whether the read fails (cfg_rc),
 *   - every line libxlutil prints (errors, warnings, with the "config" label),
 *   - the `disk` list: each item's type and spec string, and how many xl uses.
 * Inputs whose reading would make libxlutil abort (a NUL inside quotes) must
 * make the harness die with SIGABRT, and our reader must say `aborted`.
 *
 * The harness runs once per config, all of them in one shell loop per core.
 * Env: XLCFG_RUNS (default 2000), XLCFG_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diskList, readXlConfig } from '../src/core/xl/config';
import { oracleConfigMany } from './oracle';
import { haveOracle, oraclePath, warnSkipped } from './shared';

const RUNS = Number(process.env.XLCFG_RUNS ?? 2000);
const SEED = Number(process.env.XLCFG_SEED ?? Date.now() % 2 ** 31);

// ---------------------------------------------------------------- generators

const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);

/** Characters that matter to the lexer, plus look-alikes pasted from the web. */
const oddChars = pick(
  '\r', '\f', '\v', '\u00a0', '\\', '{', '}', '"', "'", '#', '+', '-', '.', '(', ')', ':', '*', '!', '$',
  '%', '&', '|', '<', '>', '?', '/', '~', '`', '@', 'A', 'Z', '_', 'é', '€', '😀', '\u2019', '\u201c', '\0',
);
const plainChars = pick('a', 'b', 'x', 'v', 'd', '0', '1', '7', '9', ',', '=', ':', '/', ' ', '\t', ';', '[', ']', 'é', '😀');

const ws = fc.oneof(
  { arbitrary: pick('', ' ', '  ', '\t'), weight: 8 },
  { arbitrary: pick('\n', ' # c\n', '\n\n', '#\n', ' \n '), weight: 2 },
  { arbitrary: oddChars, weight: 1 },
);

const escape = fc.oneof(
  { arbitrary: pick('\\\\', "\\'", '\\"', '\\n', '\\t', '\\a', '\\b', '\\f', '\\r', '\\v'), weight: 4 },
  {
    arbitrary: pick('\\q', '\\:', '\\x41', '\\x', '\\1', '\\12', '\\123', '\\1234', '\\1 5', '\\1+5', '\\1-', '\\0', '\\8', '\\ ', '\\é', '\\7\t9'),
    weight: 2,
  },
  { arbitrary: pick('\\\n', '\\'), weight: 1 },
);

const stringBody = fc
  .array(fc.oneof({ arbitrary: plainChars, weight: 10 }, { arbitrary: escape, weight: 2 }, { arbitrary: oddChars, weight: 1 }, { arbitrary: pick('\n'), weight: 1 }), {
    maxLength: 12,
  })
  .map((xs) => xs.join(''));

const quoted = fc
  .tuple(pick("'", '"'), stringBody, fc.oneof({ arbitrary: pick(''), weight: 12 }, { arbitrary: pick('missing'), weight: 1 }))
  .map(([q, body, close]) => (close === 'missing' ? q + body : q + body + q));

const specLike = pick('/dev/vg/guest,,xvda', 'a,,xvda', 'vdev=xvdb,target=/a\\\\b', "it's,,hda", 'say "hi",,xvdb', 'format=raw,vdev=hda,target=/x', '');
const plausibleString = fc.tuple(pick("'", '"'), specLike).map(([q, s]) => q + s.replaceAll(q, '\\' + q) + q);

const numberAtom = pick('0', '5', '123', '0x1f', '07', '1a', '9x', '1.5', '-1', '1e5', '0xg');

const sep = fc.oneof(
  { arbitrary: pick(',', ', ', ' , ', ',\n', ',\n  ', '\n, ', ', # c\n '), weight: 12 },
  { arbitrary: pick(',,', '', ' ', ';', ',\r\n'), weight: 1 },
);

const { value } = fc.letrec<{ value: string; list: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: plausibleString, weight: 5 },
    { arbitrary: quoted, weight: 4 },
    { arbitrary: numberAtom, weight: 1 },
    { arbitrary: tie('list'), weight: 4 },
    { arbitrary: pick('foo', 'foo(x)', '', 'True', '[', ']'), weight: 1 },
  ),
  list: fc
    .tuple(ws, fc.array(fc.tuple(tie('value'), sep), { maxLength: 4 }), fc.boolean(), ws, fc.oneof({ arbitrary: pick(']'), weight: 15 }, { arbitrary: pick('', ') ', ']]'), weight: 1 }))
    .map(([w1, items, trailing, w2, close]) => {
      let s = '[' + w1;
      items.forEach(([v, sp], i) => {
        s += v;
        if (i < items.length - 1 || trailing) s += sp;
      });
      return s + w2 + close;
    }),
}));

const name = fc.oneof({ arbitrary: pick('disk'), weight: 6 }, { arbitrary: pick('vif', 'x', 'disk.x', 'a_b9', 'Disk', 'dísk', '_x', '9x', ''), weight: 2 });
const op = fc.oneof({ arbitrary: pick(' = ', '=', ' += ', '+='), weight: 10 }, { arbitrary: pick('', ' == ', ' + = ', ' =\n', ' :'), weight: 1 });
const terminator = fc.oneof(
  { arbitrary: pick('\n', '\n', ';', '; ', ' ;\n', ' # note\n', '\n\n'), weight: 10 },
  { arbitrary: pick('\r\n', '', ' +', ' (x)\n', ' # c'), weight: 1 },
);
const statement = fc.oneof(
  { arbitrary: fc.tuple(name, op, value, terminator).map((xs) => xs.join('')), weight: 10 },
  { arbitrary: pick('\n', '# comment\n', '   \n', ';\n', '\t# c\n'), weight: 2 },
  { arbitrary: fc.string({ unit: fc.oneof(plainChars, oddChars), maxLength: 10 }).map((s) => s + '\n'), weight: 1 },
);
const tail = fc.oneof({ arbitrary: pick(''), weight: 8 }, { arbitrary: pick('# c', '#', '+', '\\', 'x = 1', 'é', "'a", 'disk = [ 1 ]'), weight: 1 });

const structured = fc.tuple(fc.array(statement, { maxLength: 7 }), tail).map(([ss, t]) => ss.join('') + t);

/** Structured configs with random characters dropped in. */
const mutated = fc
  .tuple(structured, fc.array(fc.tuple(fc.nat(), fc.oneof(oddChars, plainChars, pick('\n'))), { minLength: 1, maxLength: 3 }))
  .map(([s, ins]) => {
    // Insert between code points: a split surrogate pair is not text a file can hold.
    const out = Array.from(s);
    for (const [at, ch] of ins) out.splice(at % (out.length + 1), 0, ch);
    return out.join('');
  });

/** Configs xl accepts, mostly: good statements only. */
const goodValue = fc.letrec<{ v: string; l: string }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, { arbitrary: plausibleString, weight: 6 }, { arbitrary: numberAtom, weight: 1 }, { arbitrary: tie('l'), weight: 2 }),
  l: fc
    .tuple(pick('', ' ', '\n  '), fc.array(tie('v'), { maxLength: 4 }), pick(', ', ',', ',\n  ', ', # c\n  '), fc.boolean(), pick('', ' ', '\n'))
    .map(([w1, items, sp, trailing, w2]) => '[' + w1 + items.join(sp) + (trailing && items.length ? ',' : '') + w2 + ']'),
})).v;
const plausible = fc
  .array(
    fc.oneof(
      { arbitrary: fc.tuple(pick('disk', 'disk', 'vif', 'name', 'disk.x'), pick(' = ', '=', ' += '), goodValue, pick('\n', '\n', ';', ' # note\n')).map((xs) => xs.join('')), weight: 8 },
      { arbitrary: pick('\n', '# comment\n', '  \n'), weight: 1 },
    ),
    { maxLength: 6 },
  )
  .map((ss) => ss.join(''));

const noise = fc.string({ unit: fc.oneof(plainChars, oddChars, pick('\n', "'", '"', 'disk', ' = ', '+=', '#')), maxLength: 30 });

const xlConfigText = fc.oneof(
  { arbitrary: plausible, weight: 3 },
  { arbitrary: structured, weight: 5 },
  { arbitrary: mutated, weight: 3 },
  { arbitrary: noise, weight: 1 },
);

// ---------------------------------------------------------------- comparison

interface Outcome {
  cfg_rc?: number;
  disk_rc?: number;
  items?: { type: string; spec?: string }[];
  xl_uses?: number;
  messages?: string[];
  aborted?: boolean;
}

function ours(text: string): Outcome {
  const cfg = readXlConfig(text);
  if (cfg.aborted) return { aborted: true };
  const out: Outcome = { cfg_rc: cfg.rc };
  if (cfg.ok) {
    const dl = diskList(cfg);
    out.disk_rc = dl.status === 'ok' ? 0 : dl.status === 'absent' ? 3 : 22;
    out.items = dl.entries.map((e) => (e.node.kind === 'list' ? { type: 'list' } : { type: 'string', spec: e.node.value }));
    out.xl_uses = dl.xlUses;
  }
  out.messages = [...cfg.messages];
  return out;
}

/** The harness's answer, normalised to the same shape. */
function theirs(stdout: string, status: string): Outcome {
  if (status === '134') return { aborted: true };
  const j = JSON.parse(stdout) as Outcome;
  const out: Outcome = { cfg_rc: j.cfg_rc };
  if (j.cfg_rc === 0) {
    out.disk_rc = j.disk_rc;
    out.items = j.items;
    out.xl_uses = j.xl_uses;
  }
  out.messages = j.messages;
  return out;
}

/** Runs the harness on every text (one shell loop per core). */
async function oracleMany(texts: readonly string[], parallel = 2): Promise<Outcome[]> {
  return (await oracleConfigMany(texts, parallel)).map((r) => theirs(r.stdout, String(r.status)));
}

const show = (text: string, a: Outcome, b: Outcome) => `${JSON.stringify(text)}\n  ours:    ${JSON.stringify(a)}\n  libxlu:  ${JSON.stringify(b)}`;

describe('xl config files: ours vs libxlutil', () => {
  if (!haveOracle()) {
    warnSkipped('the config-file differential tests against libxlutil', `${oraclePath} is not built (run: bash scripts/build-oracle.sh)`);
    it.skip('oracle absent', () => {});
    return;
  }

  it(`agrees on ${RUNS} generated configs (seed ${SEED})`, async () => {
    const t0 = performance.now();
    const samples = fc.sample(xlConfigText, { numRuns: RUNS, seed: SEED });
    const t1 = performance.now();
    const oracle = await oracleMany(samples);
    const t2 = performance.now();
    const mismatches: string[] = [];
    let failing = 0;
    let aborted = 0;
    const kinds = new Map<string, number>();
    samples.forEach((text, i) => {
      for (const d of readXlConfig(text).diagnostics) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
      const a = ours(text);
      const b = oracle[i]!;
      if (b.aborted) aborted++;
      else if (b.cfg_rc !== 0) failing++;
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(show(text, a, b));
    });
    const t3 = performance.now();
    console.log(
      `xl config differential: ${samples.length} configs (seed ${SEED}; ${failing} rejected, ${aborted} abort libxlutil, ` +
        `${samples.length - failing - aborted} accepted); generate ${(t1 - t0).toFixed(0)} ms, ` +
        `oracle ${(t2 - t1).toFixed(0)} ms, ours ${(t3 - t2).toFixed(0)} ms; messages by kind: ` +
        JSON.stringify(Object.fromEntries([...kinds].sort())),
    );
    expect(mismatches.length, mismatches.slice(0, 8).join('\n')).toBe(0);
    // Both kinds must be well represented, or the property proves little.
    expect(failing).toBeGreaterThan(samples.length / 10);
    expect(samples.length - failing - aborted).toBeGreaterThan(samples.length / 10);
    if (RUNS >= 1000) for (const k of ['lexical', 'syntax', 'escape', 'concat', 'python', 'not-a-list']) expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
  }, Math.max(60_000, RUNS * 12));

  it('agrees on hand-picked configs', async () => {
    const texts = HAND_PICKED;
    const oracle = await oracleMany(texts, 1);
    const mismatches = texts.map((t, i) => [t, ours(t), oracle[i]!] as const).filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    expect(mismatches.length, mismatches.map(([t, a, b]) => show(t, a, b)).join('\n')).toBe(0);
  });
});

/** Corner cases found while writing the reader; each was checked against libxlutil. */
const HAND_PICKED: string[] = [
  "disk = [ 'a,,xvda' ]\n",
  "disk =\n[ 'a,,xvda' ]\n",
  'disk = [\n',
  'disk = [',
  "disk = [ 'a' ] +",
  "disk = [ 'a' ] +\n",
  'disk = [ +',
  '= 1\n= 2\n',
  'a = = 1\nb = = 2\n',
  "disk = [ 'a,,xvda' ]\n# c",
  "disk = [ 'a' ]\n#",
  "disk = [ 'a' ]\n#c",
  "disk = [ 'a,,xvda' ]\r\n",
  "disk = [ 'a' ]\ndi\0sk = 1\n",
  "disk = [ 'a\0b' ]\n",
  "x = 'a'\nx += ['b'] +\n",
  "x = ['a']\nx += 'b'\n",
  "x = 'a' 'b'\n",
  'x 1\n',
  'x = foo(x)\n',
  '.x = 1\n',
  'Disk(x) = 1\n',
  "disk = [ 'vdev=hdc, backendtype=qdisk, \\\ntarget=rbd:x\\\\:6789' ]\n",
  "disk=['\\1 5z', '\\1+5z', '\\1\t5z', '\\1\v5z', '\\1234', '\\1 -5']\n",
  "disk=['\\1   5z']\n",
  "disk=['\\19x']\n",
  "disk=['\\x41']\n",
  "disk=['\\q']\n",
  "disk=['\\a\\b\\f\\n\\r\\t\\v\\'\\\"\\\\']\n",
  'x = é\n',
  'x = 1 é',
  'x = 1 é\ny = = 2\n',
  'x = 1 +\ny = = 2\n',
  'x = 1 😀',
  'x = [' + '['.repeat(5000) + ']'.repeat(5001) + '\n',
  'x = [' + '['.repeat(4990) + ']'.repeat(4991) + '\n',
  "disk = 'a,,xvda'\ndisk += 'b'\n",
  "disk = [ 'a' ]; disk += ['b'];\n",
  "disk += [ 'b' ]\n",
  'x = 1 # c\r\ny = 2\r\n',
  "x = [ # c\r\n 'a' ]\n",
  "x = 'a\rb'\n",
  "x = '\\\r'\n",
];
