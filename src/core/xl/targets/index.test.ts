import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RBD_LIST_SEPARATORS, RBD_TYPED_OPTIONS, type StructuredTarget, StructuredTargetSchema } from '../../model/target';
import { decodeTarget, encodeTarget, targetDecoder } from './index';

/** pdev_path and script of the corpus cases (shared/corpus/xen/cases.jsonl) that carry targets. */
const CORPUS: [id: string, target: string, script?: string][] = [
  ['check-21', 'iqn.2001-05.com.equallogic:0-8a0906-23fe93404-c82797962054a96d-examplehost', 'block-iscsi'],
  ['check-22', 'iqn.2001-05.com.equallogic:0-8a0906-23fe93404-c82797962054a96d-examplehost', 'block-iscsi'],
  ['check-23', 'app01', 'block-drbd'],
  [
    'seed-05',
    String.raw`rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx;none:mon_host=137.65.135.205\:6789;137.65.135.206\:6789;137.65.135.207\:6789`,
  ],
  ['seed-07', 'nbd:151.155.144.82:5555'],
  ['seed-08', 'md;/dev/md0;lvm;/dev/vgxen/lv-vm01', 'block-dmmd'],
  ['seed-09', 'dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'],
  ['seed-10', 'drbd-resource0', 'block-drbd-probe'],
  ['seed-11', 'npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1', 'block-npiv'],
  ['seed-12', 'md;/dev/md0;lvm;/dev/vgxen/lv-vm01', '/etc/xen/scripts/block-dmmd'],
  [
    'libvirt-07',
    String.raw`rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\:6321\;mon2.example.org\:6322\;mon3.example.org\:6322`,
  ],
  ['probe-046', '10.0.0.5:10809', 'block-nbd'],
  ['probe-062', '10.0.0.5:2000', 'block-enbd'],
  ['doc-01', '/dev/vg/guest-volume'],
  ['doc-02', '/root/image.iso'],
];

describe('decodeTarget: corpus targets', () => {
  it.each(CORPUS)('%s', (_id, target, script) => {
    const d = decodeTarget({ target, script });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(StructuredTargetSchema.safeParse(d.target).success).toBe(true);
    const e = encodeTarget(d.target);
    expect(e.target).toBe(target);
    expect(e.script).toBe(script);
  });

  it('picks the kind from the prefix or the script', () => {
    const kind = (target?: string, script?: string) => {
      const d = decodeTarget({ target, script });
      return d.ok ? (d.target.kind === 'nbd' ? `nbd/${d.target.via}` : d.target.kind) : `error: ${d.error.message}`;
    };
    expect(kind(CORPUS[3]![1])).toBe('rbd');
    expect(kind('nbd:151.155.144.82:5555')).toBe('nbd/qdisk');
    expect(kind('10.0.0.5:10809', 'block-nbd')).toBe('nbd/script');
    expect(kind('app01', 'block-drbd')).toBe('drbd');
    expect(kind('x', '/usr/lib/xen/scripts/block-iscsi')).toBe('iscsi');
    expect(kind('10.0.0.5:2000', 'block-enbd')).toBe('opaque');
    expect(kind('/dev/sdb', 'block')).toBe('opaque');
    expect(kind('nbd://host/export')).toBe('opaque');
    expect(kind('phy:/dev/vg/lv')).toBe('opaque');
    expect(kind('/srv/a.img')).toBe('path');
    expect(kind('relative.img')).toBe('path');
    expect(kind(undefined)).toBe('empty');
    expect(kind('')).toBe('empty');
    expect(kind('', '')).toBe('empty');
    expect(kind(undefined, undefined)).toBe('empty');
  });

  it('reports backendtype and script on encode', () => {
    expect(encodeTarget({ kind: 'nbd', via: 'qdisk', server: { transport: 'tcp', host: 'h', port: 1 } })).toEqual({
      target: 'nbd:h:1',
      backendtype: 'qdisk',
    });
    expect(encodeTarget({ kind: 'rbd', pool: 'p', image: 'i', options: [] })).toEqual({ target: 'rbd:p/i', backendtype: 'qdisk' });
    expect(encodeTarget(StructuredTargetSchema.parse({ kind: 'iscsi', iqn: 'iqn.x', portal: '10.0.0.1' }))).toEqual({
      target: 'iqn=iqn.x,portal=10.0.0.1',
      script: 'block-iscsi',
    });
    expect(encodeTarget({ kind: 'empty' })).toEqual({ target: '' });
  });

  it('reports errors with ranges in the target string', () => {
    expect(decodeTarget({ target: 'rbd:/img' })).toEqual({ ok: false, error: { message: 'empty pool name', from: 4, to: 5 } });
    const bad = decodeTarget({ target: 'nbd:host:70000' });
    expect(bad.ok === false && bad.error).toMatchObject({ from: 9, to: 14 });
    const nl = decodeTarget({ target: '/a\nb' });
    expect(nl.ok === false && nl.error).toMatchObject({ from: 2, to: 3 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const line = (chars: string, min = 0, max = 12) => fc.string({ unit: fc.constantFrom(...[...chars]), minLength: min, maxLength: max });
const ANY = 'ab09.-_/:@=\\;, []()%é😀\t';

const hostname = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,15}$/);
const ipv6 = fc.ipV6().map((a) => a.replace(/^\[|\]$/g, ''));
const monHost = fc.oneof(hostname, fc.ipV4(), ipv6);
const optPort = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const separator = fc.constantFrom(...RBD_LIST_SEPARATORS);

/** A list option: the separator only matters (and only survives) with two items or more. */
function listOf<T>(item: fc.Arbitrary<T>) {
  return fc
    .tuple(fc.array(item, { minLength: 1, maxLength: 4 }), separator)
    .map(([items, sep]) => ({ items, separator: items.length > 1 ? sep : RBD_LIST_SEPARATORS[0] }));
}

const rbdOption = fc.oneof(
  fc.record({ kind: fc.constantFrom('id', 'key', 'keyring', 'conf' as const), value: line(ANY, 1) }),
  listOf(line('abcdefghijklmnopqrstuvwxyz0123456789_-.:@=/', 1)).map(({ items, separator }) => ({
    kind: 'auth_supported' as const,
    methods: items,
    separator,
  })),
  listOf(fc.tuple(monHost, optPort)).map(({ items, separator }) => ({
    kind: 'mon_host' as const,
    hosts: items.map(([host, port]) => (port === undefined ? { host } : { host, port })),
    separator,
  })),
  fc.record({
    kind: fc.constant('other' as const),
    name: line(ANY, 1).filter((n) => !(RBD_TYPED_OPTIONS as readonly string[]).includes(n)),
    value: line(ANY),
  }),
);

const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const rbd = fc
  .record({
    pool: line(ANY, 1),
    namespace: opt(line(ANY, 1)),
    image: line(ANY, 1),
    snapshot: opt(line(ANY, 1)),
    options: fc.array(rbdOption, { maxLength: 4 }),
  })
  .map((r) => strip({ kind: 'rbd' as const, ...r }));

const noUrl = (s: string) => !s.includes('://') && !s.includes(':exportname=');
const nbd = fc.oneof(
  fc
    .record({
      server: fc.oneof(
        fc.record({ transport: fc.constant('tcp' as const), host: fc.oneof(hostname, fc.ipV4(), ipv6), port: fc.integer({ min: 1, max: 65535 }) }),
        fc.record({ transport: fc.constant('unix' as const), path: line(ANY, 1).filter((p) => noUrl(`unix:${p}`)) }),
      ),
      exportName: opt(line(ANY, 1).filter((s) => !s.includes('://'))),
    })
    .filter((r) => r.server.transport !== 'tcp' || r.server.host !== 'unix')
    .map((r) => strip({ kind: 'nbd' as const, via: 'qdisk' as const, ...r })),
  fc
    .record({
      host: fc.oneof(hostname, fc.ipV4(), ipv6),
      port: fc.integer({ min: 1, max: 65535 }),
      script: fc.constantFrom('block-nbd', '/etc/xen/scripts/block-nbd'),
    })
    .map(({ host, port, script }) => ({
      kind: 'nbd' as const,
      via: 'script' as const,
      server: { transport: 'tcp' as const, host, port },
      script,
    })),
);

const word = (chars: string) => line(chars, 1);
const iscsi = fc.oneof(
  fc
    .record({ iqn: word('iqn.2001-05:abcxyz0123'), script: fc.constantFrom('block-iscsi', '/etc/xen/scripts/block-iscsi') })
    .map((r) => ({ kind: 'iscsi' as const, ...r, extra: [] })),
  fc
    .record({
      iqn: word('iqn.2001-05:abcx:iscsi'),
      portal: word('0123456789.:[]abc='),
      multipath: opt(fc.constantFrom('y', 'n' as const)),
      extra: fc.array(
        fc.record({
          name: word('lunabcx_').filter((n) => !['iqn', 'portal', 'multipath'].includes(n)),
          value: line('0123456789abc=:./'),
        }),
        { maxLength: 3 },
      ),
      script: fc.constant('block-iscsi'),
    })
    .map((r) => strip({ kind: 'iscsi' as const, ...r })),
);

const dmmdPart = word('abc/0-_.: é');
const dmmd = fc
  .record({
    prefixed: fc.boolean(),
    stanzas: fc.array(
      fc.record({ type: fc.constantFrom('md', 'lvm' as const), device: dmmdPart, config: opt(dmmdPart) }).map(strip),
      { minLength: 1, maxLength: 4 },
    ),
    script: fc.constantFrom('block-dmmd', '/etc/xen/scripts/block-dmmd'),
  })
  .map((r) => ({ kind: 'dmmd' as const, ...r }));

const drbd = fc
  .record({ resource: word('abc-_.0:/'), script: fc.constantFrom('block-drbd', 'block-drbd-probe', '/etc/xen/scripts/block-drbd') })
  .filter((r) => !r.resource.startsWith('drbd:'))
  .map((r) => ({ kind: 'drbd' as const, ...r }));

const npiv = fc
  .record({ prefixed: fc.boolean(), fields: fc.array(line('0x12abf:n'), { minLength: 1, maxLength: 5 }), script: fc.constant('block-npiv') })
  .filter((r) => r.fields.join('-') !== '' && (r.prefixed || !r.fields[0]!.startsWith('npiv:')))
  .map((r) => ({ kind: 'npiv' as const, ...r }));

const path = line(ANY.replace('\t', ''), 1)
  .filter((p) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(p))
  .map((p) => ({ kind: 'path' as const, path: p }));

const opaque = fc.oneof(
  fc
    .record({ text: line(ANY), script: fc.constantFrom('block-enbd', 'my-script', '/etc/xen/scripts/block-tap', 'block') })
    .map((r) => ({ kind: 'opaque' as const, ...r })),
  fc
    .tuple(fc.constantFrom('phy:', 'file:', 'iscsi://', 'nbd://', 'gluster+tcp://', 'dmmd:', 'drbd:'), line(ANY))
    .map(([a, b]) => ({ kind: 'opaque' as const, text: a + b })),
);

const structured: fc.Arbitrary<StructuredTarget> = fc.oneof(
  rbd,
  nbd,
  iscsi,
  dmmd,
  drbd,
  npiv,
  path,
  opaque,
  fc.constant({ kind: 'empty' as const }),
);

describe('decodeTarget / encodeTarget: properties', () => {
  it('generated structured targets are schema-valid and decode back to themselves', () => {
    fc.assert(
      fc.property(structured, (t) => {
        const parsed = StructuredTargetSchema.safeParse(t);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        const e = encodeTarget(t);
        const d = decodeTarget({ target: e.target, script: e.script });
        expect(d.ok ? d.target : d.error).toEqual(t);
      }),
      { numRuns: 4000 },
    );
  });

  const arbitraryText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    line(ANY + '\n', 0, 40),
    fc.tuple(fc.constantFrom('rbd:', 'nbd:', 'nbd:unix:', 'rbd:p/i:', 'rbd:p/i:mon_host=', 'dmmd:', 'npiv:'), line(ANY, 0, 30)).map(
      ([a, b]) => a + b,
    ),
  );
  const script = fc.option(
    fc.oneof(fc.constantFrom('block-iscsi', 'block-dmmd', 'block-drbd', 'block-drbd-probe', 'block-npiv', 'block-nbd', 'block-enbd', ''), fc.string()),
    { nil: undefined },
  );

  it('decode never throws; every accepted string encodes back byte-exactly and canonicalises stably', () => {
    fc.assert(
      fc.property(arbitraryText, script, fc.constantFrom('disk', 'cdrom' as const), (target, script, devtype) => {
        const d = decodeTarget({ target, script, devtype });
        if (!d.ok) {
          expect(d.error.from).toBeGreaterThanOrEqual(0);
          expect(d.error.from).toBeLessThanOrEqual(d.error.to);
          expect(d.error.to).toBeLessThanOrEqual(target.length);
          return;
        }
        expect(StructuredTargetSchema.safeParse(d.target).success).toBe(true);
        const e = encodeTarget(d.target);
        expect(e.target).toBe(target);
        if (script) expect(e.script).toBe(script);
        // the canonical spelling decodes to the same structure
        const { raw: _raw, ...plain } = d.target as StructuredTarget & { raw?: string };
        const c = encodeTarget(plain as StructuredTarget);
        const again = decodeTarget({ target: c.target, script: c.script });
        expect(again.ok && again.target).toEqual(plain);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('targetDecoder', () => {
  it('decodes as decodeTarget does, and gives the same result again for a recent target', () => {
    const decode = targetDecoder(2);
    const a = { target: 'rbd:pool/img:mon_host=1.2.3.4\\:6789' };
    const b = { target: 'md;/dev/md0;lvm;/dev/vg/lv', script: 'block-dmmd' };
    const c = { target: 'nbd:10.0.0.3:10809' };
    expect(decode(a)).toEqual(decodeTarget(a));
    expect(decode(b)).toEqual(decodeTarget(b));
    // the same object for a target decoded lately: the checks and the mapper share one decode
    expect(decode({ ...a })).toBe(decode(a));
    // the script is part of what is remembered
    expect(decode({ target: b.target })).toEqual(decodeTarget({ target: b.target }));
    // older ones are decoded again (to the same value)
    decode(c);
    expect(decode(a)).toEqual(decodeTarget(a));
  });
});
