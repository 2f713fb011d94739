import { describe, expect, it } from 'vitest';
import { decodeNpiv, encodeNpiv, npivFieldNames } from './npiv';

describe('decodeNpiv', () => {
  it('reads the seed example (corpus seed-11) field by field', () => {
    const s = 'npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1';
    const d = decodeNpiv(s);
    expect(d).toEqual({
      ok: true,
      target: { kind: 'npiv', prefixed: true, fields: ['0x2100001b32a9da4e', '0x50060e8010001cd1', '1'], script: 'block-npiv' },
    });
    if (d.ok) expect(encodeNpiv(d.target)).toBe(s);
    expect(npivFieldNames(3)).toEqual(['vport WWPN', 'target WWPN', 'LUN']);
  });

  it('keeps unprefixed and odd targets verbatim', () => {
    for (const s of ['0x1-0x2-3', 'a--b', '-', 'x']) {
      const d = decodeNpiv(s);
      expect(d.ok && d.target.prefixed).toBe(false);
      if (d.ok) expect(encodeNpiv(d.target)).toBe(s);
    }
  });

  it('refuses an empty target', () => {
    expect(decodeNpiv('')).toMatchObject({ ok: false });
    expect(decodeNpiv('npiv:')).toMatchObject({ ok: false, error: { from: 0, to: 5 } });
  });
});
