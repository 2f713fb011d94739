/**
 * The safety property of the linter's fixes, checked with Xen's libxlutil: for generated xl
 * configs (plausible, legacy, broken, pasted from web pages), applying every safe fix
 * (`applyFixes(text, lint(text))`)
 *   - never makes xl reject a config it accepted before, and
 *   - never changes a disk xl accepted: when xl could read the file, every disk spec it parsed
 *     gives the same libxl disk afterwards (same target, vdev, format, access — and the rest).
 * Safe fixes must also do something for the configs xl rejects: the run reports how many of
 * those xl accepts afterwards.
 *
 * Each config is read by `xloracle config` (one run per file, shell loops in parallel), the disks
 * by one `xloracle batch` run. Env: XLDISK_LINT_RUNS (default 2000), XLDISK_LINT_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSyntax } from '../src/core/document';
import { applyFixes, fixAll, lint } from '../src/core/lint';
import { quoteXlString } from '../src/core/xl/config';
import { diskSpecParts } from './generators';
import { xenVerdicts } from './lint-xen';
import { haveOracle, oraclePath, warnSkipped } from './shared';

const RUNS = Number(process.env.XLDISK_LINT_RUNS ?? 2000);
const SEED = Number(process.env.XLDISK_LINT_SEED ?? Date.now() % 2 ** 31);

const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);

/** Specs xl accepts, many in forms the linter rewrites. */
const goodSpec = pick(
  '/srv/a.img,,xvda',
  '/srv/a.img,raw,xvda,rw',
  'format=raw,vdev=xvdb,access=ro,target=/srv/b.img',
  'phy:/dev/vg/lv,xvdc,w',
  'tap:aio:/srv/c.img,xvdd,w',
  'tap:qcow2:/srv/d.qcow2,xvde,w',
  'raw:/srv/e.img,hda,w',
  ',hdc:cdrom,r',
  '/root/image.iso,,hdc,cdrom',
  'vdev=hdc,access=rw,devtype=cdrom,target=/srv/x.iso',
  '/srv/x.iso,,hdd,rw,cdrom',
  'vdev=xvdf,backendtype=qdisk,target=rbd:pool/img:mon_host=10.0.0.1\\:6789\\;10.0.0.2\\:6789',
  'vdev=xvdf,backendtype=qdisk,target=rbd:pool/img:mon_host=10.0.0.1:6789',
  'iscsi:iqn.2001-05.com.example:0-8a,xvdg,w',
  'drbd:app01,hda,w',
  'nbd:10.0.0.5:10809,xvdh,w',
  'vdev=xvdb,target=/srv/x.img,discard',
  'vdev=xvda,target=/srv/x.qcow2',
  'vdev=xvda,backendtype=phy,format=qcow2,target=/srv/x.qcow2',
  'vdev=xvda,target=rbd:pool/img',
  'file:/x,ioemu:hda,w',
  'phy:/dev/vg/lv,ioemu:hdc:cdrom,r',
  'vdev=xvdb,access=rw,target=/srv/b.img',
  '/srv/a.img,,xvda,ro',
  'vdev=hde,target=/srv/a.img',
  '/srv/a.img,,xvda discard',
  'vdev=xvda,trusted,target=/x',
  'guest.img,,xvda',
  ',,xvda',
  '/srv/a.img,,\u00a0xvda',
);
/** Specs xl rejects, the way people get them wrong. */
const badSpec = pick(
  'format=QCOW2,vdev=xvda,target=/x.qcow2',
  'Format=raw,vdev=xvda,target=/x',
  'arget=/x,vdev=xvda',
  'type=cdrom,vdev=hdc,target=/x.iso',
  'readonly,vdev=xvdb,target=/y',
  '/x,,xvda,w!',
  '/x,,xvda,read-only',
  'target=/x,vdev=xvda',
  'target=/x',
  '/dev/sda,hda,w',
  'phy:/dev/sda,,hda,w',
  '/srv/a=b.img,,xvdb',
  'rbd:pool/img:id=admin,,xvda',
  'qed:/x.qed,xvda,w',
  'http://x/y.img,,xvda',
  'format=raw vdev=hda,target=/x',
  'vdev=xvda target=/x',
  'vdev=xvda,cache=none,target=/x',
  'vdev=xvda,bus=virtio,target=/x',
  'vdev=xvda,backendtype=qemu,target=/x',
  'vdev=xvda,format=xvhd,target=/x.vhd',
  '/x,,xvda,cdrom ',
  '/x,raw,xvda,rw,extra',
  '/x,,xvda,target=/y',
  'devtype=CDROM,vdev=hdc,target=/x.iso',
  '/x,,hdc:CDROM',
  'trusted,vdev=hda,target=/x',
  'grant_usage=1,vdev=xvda,target=/x',
  'vdev=xvda,format= raw,target=/x',
  'format = raw,vdev=xvda,target=/x',
);
const randomSpec = diskSpecParts.map((parts) => parts[0] ?? '');
const spec = fc.oneof({ arbitrary: goodSpec, weight: 6 }, { arbitrary: badSpec, weight: 4 }, { arbitrary: randomSpec, weight: 2 });

/** How a spec is written into the file: properly, or with the mistakes of pasted text. */
const item = fc
  .tuple(spec, fc.oneof({ arbitrary: pick('ok'), weight: 12 }, { arbitrary: pick('curly', 'single-backslash', 'continuation', 'unquoted-nbsp'), weight: 1 }), pick<"'" | '"'>("'", '"'))
  .map(([s, how, q]) => {
    if (s.includes('\0')) s = s.replace(/\0/g, '');
    switch (how) {
      case 'curly':
        return `\u2018${s.replace(/\n/g, ' ')}\u2019`;
      case 'single-backslash':
        return `${q}${s.replace(/\n/g, ' ').replaceAll(q, '')}${q}`;
      case 'continuation': {
        const at = s.indexOf(',');
        const t = quoteXlString(s, q);
        return at < 0 ? t : `${t.slice(0, at + 2)}\\\n${t.slice(at + 2)}`;
      }
      case 'unquoted-nbsp':
        return `${quoteXlString(s, q)}\u00a0`;
      default:
        return quoteXlString(s, q);
    }
  });

const sep = fc.oneof({ arbitrary: pick(', ', ',\n    ', ',', ', # disk\n    '), weight: 12 }, { arbitrary: pick(' ', '\n    ', ',, '), weight: 1 });

const diskList = fc
  .tuple(fc.array(fc.tuple(item, sep), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.oneof({ arbitrary: pick(']'), weight: 12 }, { arbitrary: pick(']]', ''), weight: 1 }))
  .map(([items, trailing, close]) => '[ ' + items.map(([it, s], i) => it + (i < items.length - 1 ? s : trailing ? ',' : '')).join('') + ' ' + close);

const diskStatement = fc.oneof(
  { arbitrary: diskList.map((l) => `disk = ${l}`), weight: 12 },
  { arbitrary: item.map((i) => `disk = ${i}`), weight: 1 },
  { arbitrary: diskList.map((l) => `disk =\n${l}`), weight: 1 },
  { arbitrary: diskList.map((l) => `Disk = ${l}`), weight: 1 },
  { arbitrary: diskList.map((l) => `disk\u00a0= ${l}`), weight: 1 },
  { arbitrary: fc.tuple(diskList, diskList).map(([a, b]) => `disk = ${a}\ndisk += ${b}`), weight: 1 },
);

const other = pick('name = "guest"', 'builder = "hvm"', 'type = "pv"', 'type = "pvh"', 'memory = 512', 'vcpus = 2', '# a comment', 'vif = [ "bridge=xenbr0" ]');

const config = fc
  .tuple(fc.array(other, { maxLength: 3 }), diskStatement, fc.array(other, { maxLength: 2 }), fc.oneof({ arbitrary: pick('plain'), weight: 10 }, { arbitrary: pick('crlf', 'comment-at-eof', 'no-final-newline'), weight: 1 }))
  .map(([before, disk, after, ending]) => {
    let text = [...before, disk, ...after].join('\n') + '\n';
    if (ending === 'crlf') text = text.replace(/\n/g, '\r\n');
    if (ending === 'comment-at-eof') text += '# end';
    if (ending === 'no-final-newline') text = text.slice(0, -1);
    return text;
  });

/** Configs with odd characters dropped in (what editors and web pages do to files). */
const mutated = fc
  .tuple(config, fc.array(fc.tuple(fc.nat(), pick('\r', '\u00a0', "'", '"', '\\', '#', ',', '[', ']', '\n', '\u2019', ' ', '=', ':', 'A')), { minLength: 1, maxLength: 2 }))
  .map(([text, ins]) => {
    const out = Array.from(text);
    for (const [at, ch] of ins) out.splice(at % (out.length + 1), 0, ch);
    return out.join('');
  });

const configs = fc.oneof({ arbitrary: config, weight: 4 }, { arbitrary: mutated, weight: 1 });

describe('safe fixes and Xen', () => {
  if (!haveOracle()) {
    warnSkipped("the safe-fix property against Xen's libxlutil", `${oraclePath} is not built (run: bash scripts/build-oracle.sh)`);
    it.skip('oracle absent', () => {});
    return;
  }

  it(`never make xl reject a config it accepted, nor change a disk it accepted (${RUNS} configs, seed ${SEED})`, async () => {
    const t0 = performance.now();
    const texts = fc.sample(configs, { numRuns: RUNS, seed: SEED });
    const fixed = texts.map((t) => applyFixes(t, lint(t)));
    const t1 = performance.now();
    const changed = texts.map((t, i) => fixed[i] !== t);
    const all = await xenVerdicts([...texts, ...fixed.filter((_, i) => changed[i])]);
    const t2 = performance.now();
    const before = all.slice(0, texts.length);
    const afterChanged = all.slice(texts.length);
    let k = 0;
    const after = texts.map((_, i) => (changed[i] ? afterChanged[k++]! : before[i]!));

    const failures: string[] = [];
    let accepted = 0;
    let repaired = 0;
    let rewrittenAccepted = 0;
    texts.forEach((text, i) => {
      const b = before[i]!;
      const a = after[i]!;
      if (b.accepted) accepted++;
      if (!b.accepted && a.accepted) repaired++;
      if (b.accepted && changed[i]) rewrittenAccepted++;
      const show = () => `${JSON.stringify(text)}\n  fixed: ${JSON.stringify(fixed[i])}\n  before: ${JSON.stringify(b)}\n  after:  ${JSON.stringify(a)}`;
      if (b.accepted && !a.accepted) failures.push(`xl rejects the fixed config:\n${show()}`);
      if (b.cfgRc === 0) {
        b.disks.forEach((d, j) => {
          if ('error' in d) return;
          if (JSON.stringify(a.disks[j]) !== JSON.stringify(d)) failures.push(`disk ${j} changed:\n${show()}`);
        });
      }
    });
    console.log(
      `lint safe-fix property: ${texts.length} configs (seed ${SEED}): ${accepted} accepted by xl before (${rewrittenAccepted} of them rewritten by safe fixes), ` +
        `${texts.length - accepted} rejected (${repaired} accepted after the safe fixes); ${changed.filter(Boolean).length} changed; ` +
        `lint+fix ${(t1 - t0).toFixed(0)} ms, xl ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(failures.length, failures.slice(0, 5).join('\n\n')).toBe(0);
    // the property must not hold vacuously
    expect(accepted).toBeGreaterThan(texts.length / 10);
    expect(rewrittenAccepted).toBeGreaterThan(texts.length / 50);
    expect(repaired).toBeGreaterThan(texts.length / 20);
  }, 120_000);

  it(`\`xldisk lint --fix\` output is a config xl accepts whenever no error is left (${Math.ceil(RUNS / 2)} configs, seed ${SEED})`, async () => {
    const texts = fc.sample(configs, { numRuns: Math.ceil(RUNS / 2), seed: SEED + 1 });
    const results = texts.map((t) => fixAll(t));
    // the linter reads a text as a config only when the document layer says it is one (a mangled
    // config can look like bare disk specs, and is then linted as specs)
    const clean = results
      .map((r, i) => ({ r, text: texts[i]! }))
      .filter(({ r, text }) => !r.remaining.some((d) => d.severity === 'error') && detectSyntax(text) === 'xl-config' && detectSyntax(r.text) === 'xl-config');
    const vs = await xenVerdicts(clean.map(({ r }) => r.text));
    const failures = clean.flatMap(({ r, text }, i) => (vs[i]!.accepted ? [] : [`${JSON.stringify(text)}\n  fixed: ${JSON.stringify(r.text)}\n  xl: ${JSON.stringify(vs[i])}`]));
    console.log(`lint --fix: ${texts.length} configs, ${clean.length} left without errors, ${clean.length - failures.length} of them accepted by xl`);
    expect(failures.length, failures.slice(0, 5).join('\n\n')).toBe(0);
    expect(clean.length).toBeGreaterThan(texts.length / 4);
  }, 120_000);
});
