import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LV_CODES } from '../libvirt';
import { applyEdits } from '../text/edits';
import { LineIndex } from '../text/positions';
import { LINT_CODES, applyFixes, fixAll, lint, selectFixes, type Diagnostic } from './index';

/** Every diagnostic is well-formed: a real range, consistent positions, applicable fixes. */
function wellFormed(text: string, ds: readonly Diagnostic[]) {
  const lines = new LineIndex(text);
  for (const d of ds) {
    expect(Object.hasOwn(LINT_CODES, d.code) || Object.hasOwn(LV_CODES, d.code), d.code).toBe(true);
    expect(0 <= d.from && d.from <= d.to && d.to <= text.length).toBe(true);
    expect(lines.position(d.from)).toEqual({ line: d.line, column: d.column });
    expect(lines.position(d.to)).toEqual({ line: d.endLine, column: d.endColumn });
    expect(d.message).not.toMatch(/\n/);
    for (const f of d.fixes) {
      expect(f.edits.length).toBeGreaterThan(0);
      expect(() => applyEdits(text, f.edits)).not.toThrow();
    }
  }
}

const pieces = fc.constantFrom(
  'disk', ' = ', '[', ']', "'", '"', ',', ',,', '\n', '\r\n', '#', ' # c\n', '\\', '\\\n', '\u2018', '\u2019', '\u00a0', 'Disk',
  '/srv/a.img,,xvda', 'vdev=xvda', 'target=/x', 'format=QCOW2', 'phy:', 'tap:aio:', 'rbd:pool/img:mon_host=1.2.3.4:6789', '\\:',
  'hdc:cdrom', 'cdrom', 'w!', 'readonly', '=', ' ', 'builder = "hvm"\n', '<disk', "<disk type='file'>", '</disk>', '<target dev=', "'xvda'", '/>',
);
const text = fc.oneof(fc.array(pieces, { maxLength: 14 }).map((xs) => xs.join('')), fc.string({ maxLength: 40 }));

describe('lint never throws and reports well-formed diagnostics', () => {
  it('on generated text of every kind', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ds = lint(t);
        wellFormed(t, ds);
        // all safe fixes apply together, and so do the CLI's
        expect(() => applyFixes(t, ds)).not.toThrow();
        expect(fixAll(t).passes).toBeLessThanOrEqual(8);
      }),
      { numRuns: 400 },
    );
  });

  it('on an empty text, and on large pastes in reasonable time', () => {
    expect(lint('')).toEqual([]);
    const big = `disk = [\n${Array.from({ length: 500 }, (_, i) => `  'phy:/dev/vg/d${i},xvd${String.fromCharCode(97 + (i % 26))},w',`).join('\n')}\n]\n`;
    const t0 = performance.now();
    const ds = lint(big);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(ds.filter((d) => d.code === 'XL-LEGACY-PREFIX')).toHaveLength(500);
  });

  it('sorts diagnostics by position', () => {
    const ds = lint("disk = [ 'format=QCOW2,vdev=xvda,target=/x', 'phy:/y,xvdb,w' ]\r\n");
    expect(ds.map((d) => d.from)).toEqual([...ds.map((d) => d.from)].sort((a, b) => a - b));
  });
});

describe('applyFixes', () => {
  it('applies every safe fix in one pass and leaves the unsafe ones', () => {
    const t = "disk = [ 'format=QCOW2,vdev=xvda,target=/x.qcow2', '/y.qcow2,,xvdb' ]\r\n";
    expect(applyFixes(t, lint(t))).toBe("disk = [ 'format=qcow2,vdev=xvda,target=/x.qcow2', '/y.qcow2,,xvdb' ]\n");
  });

  it('skips a fix that overlaps one already taken, and takes identical fixes once', () => {
    const d = (from: number, to: number, insert: string): Diagnostic => ({
      code: 'XL-CASE', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, from, to,
      fixes: [{ title: 't', safe: true, edits: [{ from, to, insert }] }],
    });
    const ds = [d(0, 3, 'X'), d(2, 4, 'Y'), d(0, 3, 'X'), d(4, 4, '!'), d(4, 4, '?')];
    const chosen = selectFixes(ds);
    expect(chosen.map((c) => ds.indexOf(c.diagnostic))).toEqual([0, 2, 3]);
    expect(applyFixes('abcdef', ds)).toBe('Xd!ef');
  });

  it('lets fixAll reveal and fix what a first fix uncovered', () => {
    // the curly quotes hide the disk; once fixed, its QCOW2 is found and fixed too
    const r = fixAll('disk = [ \u2018format=QCOW2,vdev=xvda,target=/x.qcow2\u2019 ]\n');
    expect(r.text).toBe("disk = [ 'format=qcow2,vdev=xvda,target=/x.qcow2' ]\n");
    expect(r.passes).toBe(2);
    expect(r.remaining).toEqual([]);
  });

  it('gives each missing or duplicate vdev a name of its own', () => {
    const r = fixAll("disk = [ '/a,,xvda', '/b,,xvda', 'target=/c', '/d,,xvda' ]\n");
    expect(r.text).toBe("disk = [ '/a,,xvda', '/b,,xvdb', 'vdev=xvdc,target=/c', '/d,,xvdd' ]\n");
  });
});
