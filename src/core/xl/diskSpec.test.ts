import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atoi, parseDiskSpec, xlErrorMessage, xlErrorText } from './diskSpec';

describe('parseDiskSpec', () => {
  it('reads the documentation’s four equivalent forms as one disk', () => {
    const forms = [
      '/dev/vg/guest-volume,,hda',
      '/dev/vg/guest-volume,raw,hda,rw',
      'format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume',
      'raw:/dev/vg/guest-volume,hda,w',
    ];
    const disks = forms.map((f) => parseDiskSpec(f));
    for (const d of disks) expect(d).toMatchObject({ ok: true, disk: { target: '/dev/vg/guest-volume', vdev: 'hda', format: 'raw', access: 'rw', devtype: 'disk' } });
  });

  it('gives each error the range of the text it quotes', () => {
    const spec = 'format=xvhd,vdev=xvda,target=/x';
    const r = parseDiskSpec(spec);
    expect(r.ok).toBe(false);
    const [e] = r.errors;
    expect(e).toMatchObject({ message: 'unknown value for format', near: 'xvhd', part: 0 });
    expect(spec.slice(e.from, e.to)).toBe('xvhd');
    expect(xlErrorMessage(e, spec, 'command line')).toBe("command line: config parsing error in disk specification: unknown value for format: near `xvhd' in `format=xvhd,vdev=xvda,target=/x'");
  });

  it('reports several errors of one spec, as xl does', () => {
    const r = parseDiskSpec('foo=1,bar=2,access=x,vdev=xvda,target=/x');
    expect(r.errors.map((e) => e.message)).toEqual(['unknown parameter', 'unknown parameter', 'unknown value for access']);
  });

  it('ranges the final checks over the whole (last) part', () => {
    const r = parseDiskSpec(['/x', 'raw']);
    expect(r.errors).toEqual([{ message: 'no vdev specified', part: 1, from: 0, to: 3 }]);
  });

  it('knows where flex jams and xl dies', () => {
    const r = parseDiskSpec('/x,,xvda,=\nmore');
    expect(r).toMatchObject({ ok: false, fatal: 'jammed' });
    expect(xlErrorText(r, '/x,,xvda,=\nmore')).toBe('flex scanner jammed');
  });

  it('reads C strings: text after a NUL does not exist', () => {
    expect(parseDiskSpec('/x,,xvda\0,,,,junk')).toMatchObject({ ok: true, disk: { vdev: 'xvda' } });
  });

  it('keeps tokens with positions when asked', () => {
    const r = parseDiskSpec('phy:/dev/sda,hda,w', { tokens: true });
    expect(r.tokens?.map((t) => [t.rule, t.name ?? null, t.from, t.to])).toEqual([
      ['prefix', 'phy', 0, 4],
      ['positional', null, 4, 13],
      ['positional', null, 13, 17],
      ['positional', null, 17, 18],
    ]);
  });

  it('atoi truncates like glibc', () => {
    expect(atoi('12abc')).toBe(12);
    expect(atoi(' +7')).toBe(7);
    expect(atoi('-3')).toBe(-3);
    expect(atoi('x')).toBe(0);
    expect(atoi('4294967297')).toBe(1);
    expect(atoi('99999999999999999999')).toBe(-1);
  });
});

describe('robustness', () => {
  it('never throws, and every error points inside its part', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 3 }), (parts) => {
        const r = parseDiskSpec(parts);
        for (const e of r.errors) {
          const part = parts[e.part] ?? '';
          expect(e.from).toBeGreaterThanOrEqual(0);
          expect(e.to).toBeGreaterThanOrEqual(e.from);
          expect(e.to).toBeLessThanOrEqual(part.length);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('scans 1 MB parts in linear time', () => {
    const mb = 1 << 20;
    const inputs = [
      'a,'.repeat(mb / 2),
      'x'.repeat(mb),
      ' '.repeat(mb) + 'x',
      `vdev=xvda,target=${'t'.repeat(mb)}`,
      'raw:'.repeat(mb / 4),
      'foo=ü'.repeat(mb / 5),
      '\n'.repeat(mb),
      ' \n'.repeat(mb / 2),
      'cdrom,'.repeat(mb / 6),
      `${'='.repeat(mb)}`,
      `vdev=${'v'.repeat(mb)},target=/x`,
    ];
    for (const s of inputs) {
      const r = parseDiskSpec(s);
      expect(r.errors.every((e) => e.to <= s.length)).toBe(true);
    }
  });
});
