import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IscsiTargetSchema } from '../../model/target';
import { decodeIscsi, encodeIscsi } from './iscsi';

// corpus check-21 / check-22 (Xen's tools/xl/check-xl-disk-parse)
const EQUALLOGIC = 'iqn.2001-05.com.equallogic:0-8a0906-23fe93404-c82797962054a96d-examplehost';

describe('decodeIscsi', () => {
  it('reads a bare IQN (the form of the iscsi: prefix in the corpus)', () => {
    const d = decodeIscsi(EQUALLOGIC);
    expect(d).toEqual({ ok: true, target: { kind: 'iscsi', iqn: EQUALLOGIC, extra: [], script: 'block-iscsi' } });
    if (d.ok) expect(encodeIscsi(d.target)).toBe(EQUALLOGIC);
    expect(decodeIscsi('iqn.2016-04.com.example:storage').ok).toBe(true); // corpus probe-095
  });

  it("reads block-iscsi's iqn=,portal=[,multipath=] parameters", () => {
    const s = `iqn=${EQUALLOGIC},portal=192.168.1.10:3260,multipath=y`;
    const d = decodeIscsi(s, '/etc/xen/scripts/block-iscsi');
    expect(d).toEqual({
      ok: true,
      target: {
        kind: 'iscsi',
        iqn: EQUALLOGIC,
        portal: '192.168.1.10:3260',
        multipath: 'y',
        extra: [],
        script: '/etc/xen/scripts/block-iscsi',
      },
    });
    if (d.ok) expect(encodeIscsi(d.target)).toBe(s);
  });

  it('keeps unknown parameters and a different order byte-exactly', () => {
    const s = 'portal=10.0.0.1,lun=1,iqn=iqn.2003-01.org.example:t1';
    const d = decodeIscsi(s);
    expect(d.ok && d.target).toMatchObject({ iqn: 'iqn.2003-01.org.example:t1', portal: '10.0.0.1', extra: [{ name: 'lun', value: '1' }], raw: s });
    if (d.ok) {
      expect(encodeIscsi(d.target)).toBe(s);
      expect(encodeIscsi({ ...d.target, portal: '10.0.0.2' })).toBe('iqn=iqn.2003-01.org.example:t1,portal=10.0.0.2,lun=1');
    }
  });

  it.each([
    ['', 'empty iSCSI target', ''],
    [`iscsi:${EQUALLOGIC}`, 'remove the iscsi: prefix', 'iscsi:'],
    ['iqn=a, portal=b', 'blanks', ' '],
    ['iqn.x,portal', 'a bare IQN has no commas', ','],
    ['iqn=a', 'needs portal=', 'iqn=a'],
    ['portal=b', 'needs iqn=', 'portal=b'],
    ['iqn=a,portal=b,multipath=yes', "multipath must be y or n, not 'yes'", 'yes'],
    ['iqn=a,iqn=b,portal=c', 'iqn= given twice', 'iqn=b'],
    ['iqn=a,,portal=b', 'empty parameter', ',,'],
    ['iqn=a,portal=b,lun', "parameter 'lun' has no value", 'lun'],
    ['iqn=a,=x,portal=b', 'empty parameter name', '='],
    ['iqn=,portal=b', 'empty iqn=', 'iqn='],
  ])('%s fails', (s, message, covered) => {
    const d = decodeIscsi(s);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.message).toContain(message);
      expect(s.slice(d.error.from, d.error.to)).toBe(covered);
    }
  });

  it('never throws; accepted strings round-trip and satisfy the schema', () => {
    const unit = fc.constantFrom(...'iqn=portal,multipathyn:. x'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        const d = decodeIscsi(s);
        if (!d.ok) return;
        expect(IscsiTargetSchema.safeParse(d.target).success).toBe(true);
        expect(encodeIscsi(d.target)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});
