import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NbdTargetSchema } from '../../model/target';
import { canonicalNbd, decodeNbd, decodeNbdScript, encodeNbd } from './nbd';

describe('decodeNbd (qdisk, nbd: filename)', () => {
  it.each([
    ['nbd:151.155.144.82:5555', { transport: 'tcp', host: '151.155.144.82', port: 5555 }, undefined],
    ['nbd:nbd.example.org:10809:exportname=disk0', { transport: 'tcp', host: 'nbd.example.org', port: 10809 }, 'disk0'],
    ['nbd:[2001:db8::5]:10809', { transport: 'tcp', host: '2001:db8::5', port: 10809 }, undefined],
    ['nbd:unix:/run/nbd.sock', { transport: 'unix', path: '/run/nbd.sock' }, undefined],
    ['nbd:unix:/run/nbd.sock:exportname=a:b', { transport: 'unix', path: '/run/nbd.sock' }, 'a:b'],
  ] as const)('%s', (s, server, exportName) => {
    const d = decodeNbd(s);
    expect(d).toEqual({
      ok: true,
      target: { kind: 'nbd', via: 'qdisk', server, ...(exportName !== undefined && { exportName }) },
    });
    if (d.ok) expect(encodeNbd(d.target)).toBe(s);
  });

  it('keeps a port with leading zeros as written', () => {
    const d = decodeNbd('nbd:h:010809');
    expect(d.ok && d.target).toMatchObject({ server: { port: 10809 }, raw: 'nbd:h:010809' });
    if (d.ok) expect(encodeNbd(d.target)).toBe('nbd:h:010809');
  });

  it.each([
    ['nbd:', 'missing server', 'nbd:'],
    ['nbd:host', 'missing port', 'host'],
    ['nbd:host:', 'missing port number', ':'],
    ['nbd:host:99999', "bad port '99999'", '99999'],
    ['nbd:host:port', "bad port 'port'", 'port'],
    ['nbd::10809', 'missing host', ':'],
    ['nbd:2001:db8::5:10809', 'must be written in brackets', '2001:db8::5:10809'],
    ['nbd:[2001:db8::5:10809', "unclosed '['", '[2001:db8::5:10809'],
    ['nbd:[2001:db8::5]10809', "expected ':PORT'", '10809'],
    ['nbd:[host]:1', "'host' is not an IPv6 address", '[host]'],
    ['nbd:unix:', 'missing socket path', 'unix:'],
    ['nbd:h:1:exportname=', 'empty export name', ':exportname='],
    ['nbd:exportname=x', 'missing server', 'nbd:exportname='],
  ])('%s fails', (s, message, covered) => {
    const d = decodeNbd(s);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.message).toContain(message);
      expect(s.slice(d.error.from, d.error.to)).toBe(covered);
    }
  });
});

describe('decodeNbdScript (block-nbd, HOST:PORT)', () => {
  it('reads HOST:PORT as xl leaves it after the positional nbd: prefix (corpus probe-046)', () => {
    const d = decodeNbdScript('10.0.0.5:10809');
    expect(d).toEqual({
      ok: true,
      target: { kind: 'nbd', via: 'script', server: { transport: 'tcp', host: '10.0.0.5', port: 10809 }, script: 'block-nbd' },
    });
    if (d.ok) expect(encodeNbd(d.target)).toBe('10.0.0.5:10809');
  });

  it('refuses the nbd: prefix and socket forms', () => {
    const d = decodeNbdScript('nbd:10.0.0.5:10809');
    expect(d.ok === false && d.error).toMatchObject({ from: 0, to: 4 });
    expect(decodeNbdScript('unix:/x').ok).toBe(false);
  });
});

describe('properties', () => {
  const unit = fc.constantFrom(...'nbd:unix/[]exportname=0129.a-'.split(''));
  it('never throws; accepted strings round-trip and satisfy the schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit }), fc.string({ unit }).map((s) => `nbd:${s}`)), (s) => {
        for (const d of [decodeNbd(s), decodeNbdScript(s)]) {
          if (!d.ok) continue;
          expect(NbdTargetSchema.safeParse(d.target).success).toBe(true);
          expect(encodeNbd(d.target)).toBe(s);
          const { raw: _raw, ...plain } = d.target;
          expect(canonicalNbd(plain).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
