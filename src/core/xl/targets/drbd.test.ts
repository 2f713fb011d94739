import { describe, expect, it } from 'vitest';
import { decodeDrbd, encodeDrbd } from './drbd';

describe('decodeDrbd', () => {
  it('reads the resource name (corpus check-23, seed-10)', () => {
    const d = decodeDrbd('app01');
    expect(d).toEqual({ ok: true, target: { kind: 'drbd', resource: 'app01', script: 'block-drbd' } });
    const probe = decodeDrbd('drbd-resource0', 'block-drbd-probe');
    expect(probe.ok && probe.target).toEqual({ kind: 'drbd', resource: 'drbd-resource0', script: 'block-drbd-probe' });
    if (d.ok) expect(encodeDrbd(d.target)).toBe('app01');
  });

  it.each([
    ['', 'empty DRBD target', ''],
    ['drbd:app01', 'remove the drbd: prefix', 'drbd:'],
    ['app 01', 'blanks', ' '],
  ])('%s fails', (s, message, covered) => {
    const d = decodeDrbd(s);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.message).toContain(message);
      expect(s.slice(d.error.from, d.error.to)).toBe(covered);
    }
  });
});
