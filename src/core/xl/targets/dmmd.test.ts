import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DmmdTargetSchema } from '../../model/target';
import { decodeDmmd, encodeDmmd } from './dmmd';

describe('decodeDmmd', () => {
  it('reads the seed example (corpus seed-08)', () => {
    const s = 'md;/dev/md0;lvm;/dev/vgxen/lv-vm01';
    const d = decodeDmmd(s);
    expect(d).toEqual({
      ok: true,
      target: {
        kind: 'dmmd',
        prefixed: false,
        stanzas: [
          { type: 'md', device: '/dev/md0' },
          { type: 'lvm', device: '/dev/vgxen/lv-vm01' },
        ],
        script: 'block-dmmd',
      },
    });
    if (d.ok) expect(encodeDmmd(d.target)).toBe(s);
  });

  it('reads a config file in parentheses and the dmmd: prefix', () => {
    const s = 'dmmd:md;/dev/md0(/etc/mdadm.conf);lvm;/dev/vg1/lv1';
    const d = decodeDmmd(s);
    expect(d.ok && d.target).toMatchObject({
      prefixed: true,
      stanzas: [
        { type: 'md', device: '/dev/md0', config: '/etc/mdadm.conf' },
        { type: 'lvm', device: '/dev/vg1/lv1' },
      ],
    });
    if (d.ok) expect(encodeDmmd(d.target)).toBe(s);
  });

  it.each([
    ['', 'empty dmmd target', ''],
    ['dmmd:', 'empty dmmd target', 'dmmd:'],
    ['md', "missing device after 'md'", 'md'],
    ['md;', "missing device after 'md'", ';'],
    ['md;/dev/md0;lvm', "missing device after 'lvm'", 'lvm'],
    ['raid;/dev/md0', "unknown stanza type 'raid'", 'raid'],
    ['md;/dev/md0;;/dev/x', 'empty stanza type', ';'],
    ['md;/dev/md0(/etc/mdadm.conf', 'must end the device', '(/etc/mdadm.conf'],
    ['md;/dev/md0()', 'empty config file', '()'],
    ['md;/dev/md0)', "')' without '('", ')'],
    ['md;(/etc/mdadm.conf)', "missing device after 'md'", '(/etc/mdadm.conf)'],
  ])('%s fails', (s, message, covered) => {
    const d = decodeDmmd(s);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.message).toContain(message);
      expect(s.slice(d.error.from, d.error.to)).toBe(covered);
    }
  });

  it('never throws; accepted strings round-trip and satisfy the schema', () => {
    const unit = fc.constantFrom(...'mdlv;()/0 '.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit }), fc.string({ unit }).map((s) => `md;${s}`)), (s) => {
        const d = decodeDmmd(s);
        if (!d.ok) return;
        expect(DmmdTargetSchema.safeParse(d.target).success).toBe(true);
        expect(encodeDmmd(d.target)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});
