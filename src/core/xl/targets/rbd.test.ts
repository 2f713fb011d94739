import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RbdTargetSchema } from '../../model/target';
import { canonicalRbd, decodeRbd, encodeRbd, formatMonHost, formatMonHosts, parseMonHosts } from './rbd';

const SEED = String.raw`rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx;none:mon_host=137.65.135.205\:6789;137.65.135.206\:6789;137.65.135.207\:6789`;
const LIBVIRT = String.raw`rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\:6321\;mon2.example.org\:6322\;mon3.example.org\:6322`;

function ok(s: string) {
  const d = decodeRbd(s);
  if (!d.ok) throw new Error(`${s}: ${d.error.message}`);
  return d.target;
}

/** The error for `s`, with the text its range covers. */
function err(s: string) {
  const d = decodeRbd(s);
  if (d.ok) throw new Error(`${s} decoded`);
  return { ...d.error, text: s.slice(d.error.from, d.error.to) };
}

describe('decodeRbd: table', () => {
  it('reads the seed example (corpus seed-05 target)', () => {
    expect(ok(SEED)).toEqual({
      kind: 'rbd',
      pool: 'libvirt-pool',
      image: 'new-libvirt-image',
      options: [
        { kind: 'id', value: 'libvirt' },
        { kind: 'key', value: 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==' },
        { kind: 'auth_supported', methods: ['cephx', 'none'], separator: ';' },
        {
          kind: 'mon_host',
          hosts: [
            { host: '137.65.135.205', port: 6789 },
            { host: '137.65.135.206', port: 6789 },
            { host: '137.65.135.207', port: 6789 },
          ],
          separator: ';',
        },
      ],
    });
    expect(encodeRbd(ok(SEED))).toBe(SEED);
    expect(canonicalRbd(ok(SEED))).toBe(SEED);
  });

  it("reads libvirt's multihost test (corpus libvirt-07 target) with escaped separators", () => {
    const t = ok(LIBVIRT);
    expect(t.options).toEqual([
      { kind: 'auth_supported', methods: ['none'], separator: '\\;' },
      {
        kind: 'mon_host',
        hosts: [
          { host: 'mon1.example.org', port: 6321 },
          { host: 'mon2.example.org', port: 6322 },
          { host: 'mon3.example.org', port: 6322 },
        ],
        separator: '\\;',
      },
    ]);
    expect(t.raw).toBeUndefined();
    expect(encodeRbd(t)).toBe(LIBVIRT);
  });

  it('reads namespace, snapshot, conf, keyring and other options in order', () => {
    const s = 'rbd:pool/ns/img@snap:conf=/etc/ceph/ceph.conf:rbd_cache=true:keyring=/etc/ceph/k:id=admin';
    expect(ok(s)).toEqual({
      kind: 'rbd',
      pool: 'pool',
      namespace: 'ns',
      image: 'img',
      snapshot: 'snap',
      options: [
        { kind: 'conf', value: '/etc/ceph/ceph.conf' },
        { kind: 'other', name: 'rbd_cache', value: 'true' },
        { kind: 'keyring', value: '/etc/ceph/k' },
        { kind: 'id', value: 'admin' },
      ],
    });
    expect(encodeRbd(ok(s))).toBe(s);
  });

  it('reads IPv6 monitors in escaped brackets and stores them without brackets', () => {
    const s = String.raw`rbd:p/i:mon_host=[2001\:db8\:\:1]\:6789\;[fe80\:\:2]\;mon.example\:3300`;
    expect(ok(s).options).toEqual([
      {
        kind: 'mon_host',
        hosts: [{ host: '2001:db8::1', port: 6789 }, { host: 'fe80::2' }, { host: 'mon.example', port: 3300 }],
        separator: '\\;',
      },
    ]);
    expect(encodeRbd(ok(s))).toBe(s);
  });

  it('unescapes names and values and keeps option values with = and @ escaped', () => {
    const s = String.raw`rbd:my\/pool/im\:age:conf=/a\@b:key=AQ==`;
    const t = ok(s);
    expect(t.pool).toBe('my/pool');
    expect(t.image).toBe('im:age');
    expect(t.options).toEqual([
      { kind: 'conf', value: '/a@b' },
      { kind: 'key', value: 'AQ==' },
    ]);
    expect(encodeRbd(t)).toBe(s);
  });

  it('keeps the exact text when it is not the canonical spelling', () => {
    for (const s of [
      String.raw`rbd:po\ol/img`, // gratuitous escape
      String.raw`rbd:p/i:mon_host=a\:6789;b\:6789\;c`, // mixed separators
      String.raw`rbd:p/i:mon_host=a\:06789`, // leading zero
      String.raw`rbd:p/i@s:conf=/x@y`, // '@' after a snapshot needs no escape
      'rbd:p/i:x=a\\', // trailing lone backslash
    ]) {
      const t = ok(s);
      expect(t.raw).toBe(s);
      expect(encodeRbd(t)).toBe(s);
    }
  });

  it('drops the raw text once the structure is edited', () => {
    const t = ok(String.raw`rbd:po\ol/img`);
    expect(encodeRbd({ ...t, image: 'other' })).toBe('rbd:pool/other');
  });
});

describe('decodeRbd: errors and their ranges', () => {
  it.each([
    ['rbd:', 'missing pool', ':'],
    ['rbd:/img', 'empty pool name', '/'],
    ['rbd:img:id=x', 'missing pool', 'img'],
    ['rbd:pool/', 'empty image name', '/'],
    ['rbd:pool/ns/', 'empty image name', '/'],
    ['rbd:pool//img', 'empty namespace name', '/'],
    ['rbd:pool/img@', 'empty snapshot name', '@'],
    ['rbd:pool/img@:id=a', 'empty snapshot name', '@'],
    ['rbd:pool/img:', 'empty option', ':'],
    ['rbd:pool/img:id=a::key=b', 'empty option', ':'],
    ['rbd:pool/img:foo', "option 'foo' has no value", 'foo'],
    ['rbd:pool/img:=x', 'empty option name', '='],
    ['rbd:pool/img:id=', 'id= needs a value', 'id='],
    ['rbd:pool/img:conf=/a@b', "unescaped '@'", '@'],
    [String.raw`rbd:pool/img:mon_host=a\:99999`, "bad port '99999'", '99999'],
    [String.raw`rbd:pool/img:mon_host=a\:0`, "bad port '0'", '0'],
    [String.raw`rbd:pool/img:mon_host=a\:http`, "bad port 'http'", 'http'],
    [String.raw`rbd:pool/img:mon_host=a\:`, 'missing port', String.raw`\:`],
    ['rbd:pool/img:mon_host=[2001:db8::1]:6789', "unescaped ':' inside an IPv6 monitor address", ':'],
    ['rbd:pool/img:mon_host=a:6789;b:6789', "unescaped ':' in mon_host", ':'],
    [String.raw`rbd:pool/img:mon_host=2001\:db8\:\:1\:6789`, 'must be written in brackets', String.raw`2001\:db8\:\:1\:6789`],
    [String.raw`rbd:pool/img:mon_host=[2001\:db8\:\:1`, "unclosed '['", String.raw`[2001\:db8\:\:1`],
    [String.raw`rbd:pool/img:mon_host=[mon1]\:6789`, "'mon1' is not an IPv6 address", '[mon1]'],
    [String.raw`rbd:pool/img:mon_host=[\:\:1]6789`, "expected '\\:PORT'", '6789'],
    [String.raw`rbd:pool/img:mon_host=a\:1\;\;b`, 'empty item in mon_host', String.raw`\;`],
    [String.raw`rbd:pool/img:mon_host=a\:1\;`, 'empty item at the end', ';'],
    ['rbd:pool/img:mon_host=', 'mon_host needs a value', '='],
    ['rbd:pool/img:auth_supported=cephx;;none', 'empty item in auth_supported', ';'],
  ])('%s', (s, message, covered) => {
    const e = err(s);
    expect(e.message).toContain(message);
    expect(e.text).toBe(covered);
  });
});

describe('monitor list helpers', () => {
  it('parses and formats monitor lists, IPv6 in escaped brackets', () => {
    const hosts = [{ host: '10.0.0.1', port: 6789 }, { host: 'mon2' }, { host: '2001:db8::1', port: 3300 }];
    const text = formatMonHosts(hosts);
    expect(text).toBe(String.raw`10.0.0.1\:6789\;mon2\;[2001\:db8\:\:1]\:3300`);
    expect(parseMonHosts(text)).toEqual({ ok: true, hosts, separator: '\\;' });
    expect(formatMonHosts(hosts, ',')).toBe(String.raw`10.0.0.1\:6789,mon2,[2001\:db8\:\:1]\:3300`);
    expect(formatMonHost({ host: 'fe80::1%eth0' })).toBe(String.raw`[fe80\:\:1%eth0]`);
  });

  it('reports errors with offsets in the value', () => {
    const r = parseMonHosts('a:6789');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ from: 1, to: 2 });
    const v6 = parseMonHosts('[::1]');
    expect(v6.ok).toBe(false);
    if (!v6.ok) expect(v6.error.message).toContain('inside an IPv6 monitor address');
  });

  it('round-trips generated monitor lists', () => {
    const host = fc.oneof(
      fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
      fc.ipV4(),
      fc.ipV6().map((a) => a.replace(/^\[|\]$/g, '')),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ host, port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }) }, { requiredKeys: ['host'] }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom('\\;', ';', '\\,', ',', '\\ ', ' ' as const),
        (hosts, sep) => {
          const clean = hosts.map((h) => (h.port === undefined ? { host: h.host } : h));
          const back = parseMonHosts(formatMonHosts(clean, sep));
          expect(back.ok).toBe(true);
          if (back.ok) expect(back.hosts).toEqual(clean);
        },
      ),
    );
  });
});

describe('decodeRbd: properties', () => {
  const alphabet = fc.constantFrom(...'\\:/@=;, []ab0.9-'.split(''));
  const piece = fc.string({ unit: alphabet, maxLength: 8 });
  const optionName = fc.constantFrom('id', 'key', 'keyring', 'conf', 'auth_supported', 'mon_host', 'x', 'i\\d');
  const rbdString = fc.oneof(
    fc.string({ unit: alphabet, maxLength: 40 }).map((s) => `rbd:${s}`),
    // shaped like a real target, with noise in every part
    fc
      .tuple(piece, piece, fc.array(fc.tuple(optionName, piece), { maxLength: 4 }))
      .map(([a, b, opts]) => `rbd:${a}/${b}${opts.map(([n, v]) => `:${n}=${v}`).join('')}`),
  );

  it('never throws, and what it accepts satisfies the schema and round-trips', () => {
    let accepted = 0;
    fc.assert(
      fc.property(rbdString, (s) => {
        const d = decodeRbd(s);
        accepted += d.ok ? 1 : 0;
        if (!d.ok) {
          expect(d.error.from).toBeLessThanOrEqual(d.error.to);
          expect(d.error.to).toBeLessThanOrEqual(s.length);
          return;
        }
        expect(RbdTargetSchema.safeParse(d.target).success).toBe(true);
        expect(encodeRbd(d.target)).toBe(s);
        const { raw: _raw, ...plain } = d.target;
        const again = decodeRbd(canonicalRbd(plain));
        expect(again.ok && again.target).toEqual(plain);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});
