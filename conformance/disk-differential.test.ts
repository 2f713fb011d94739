/**
 * Differential property: for generated disk specs — plausible and broken — our parser and
 * Xen's libxlutil (through build/oracle/xloracle) give the same verdict, the same libxl JSON
 * and the same error text. Agreement must be 100%.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDiskSpec, xlErrorText } from '../src/core/xl/diskSpec';
import { oracleParseMany } from './oracle';
import { haveOracle, oraclePath, warnSkipped } from './shared';
import { diskSpecParts } from './generators';

const RUNS = Number(process.env.XLDISK_DIFF_RUNS ?? 10_000);

function ours(parts: readonly string[]) {
  const r = parseDiskSpec(parts);
  if (r.ok) return r.libxl;
  return r.fatal === 'jammed' ? { error: xlErrorText(r, parts), exit: 2 } : { error: xlErrorText(r, parts) };
}

describe('disk specs: ours vs libxlutil', () => {
  if (!haveOracle()) {
    warnSkipped('the differential tests against libxlutil', `${oraclePath} is not built (run: bash scripts/build-oracle.sh)`);
    it.skip('oracle absent', () => {});
    return;
  }

  it(`agrees on ${RUNS} generated specs`, () => {
    const samples = fc.sample(diskSpecParts, { numRuns: RUNS, seed: Number(process.env.XLDISK_SEED ?? Date.now() % 2 ** 31) });
    const theirs = oracleParseMany(samples);
    const mismatches: string[] = [];
    samples.forEach((parts, i) => {
      const mine = ours(parts);
      if (JSON.stringify(mine) !== JSON.stringify(theirs[i])) {
        mismatches.push(`${JSON.stringify(parts)}\n  ours:   ${JSON.stringify(mine)}\n  libxl:  ${JSON.stringify(theirs[i])}`);
      }
    });
    expect(mismatches.slice(0, 10).join('\n')).toBe('');
    expect(samples.length).toBe(RUNS);
  });

  it('agrees on long specs, up to where xl itself breaks', () => {
    const pieces = fc.sample(diskSpecParts, { numRuns: 400, seed: 7 }).map((p) => p.join(','));
    const long = [1 << 10, 1 << 12, 1 << 14, 16_000].flatMap((size, k) =>
      [0, 1, 2, 3, 4].map((j) => {
        let s = '';
        for (let i = j + k; s.length < size; i += 7) s += pieces[i % pieces.length] + (i % 3 ? ',' : '');
        return [s.replace(/\0/g, '').slice(0, size)];
      }),
    );
    long.push(['x'.repeat(16_383)], [' '.repeat(16_000) + '/x,,xvda'], [`vdev=xvda,target=${'t'.repeat(16_376)}`], [`${'ü'.repeat(8191)}`]);
    const safe = long.filter((parts) => (parseDiskSpec(parts) as { fatal?: string }).fatal !== 'overflow');
    expect(safe.length).toBeGreaterThan(15);
    const theirs = oracleParseMany(safe);
    safe.forEach((parts, i) => expect(ours(parts)).toEqual(theirs[i]));
  });

  it('predicts where libxlutil’s scanner overflows (16 KiB in one match) and xl crashes', () => {
    const crashing = [['x'.repeat(16_384)], [`vdev=xvda,target=${'t'.repeat(16_377)}`], [' '.repeat(16_380) + '/x,,xvda'], ['ü'.repeat(8192)], ['x'.repeat(1 << 20)]];
    const fine = [['x'.repeat(16_383)], [`vdev=xvda,target=${'t'.repeat(16_376)}`], ['ü'.repeat(8191)]];
    for (const parts of crashing) {
      expect(parseDiskSpec(parts)).toMatchObject({ ok: false, fatal: 'overflow' });
      const run = spawnSync(oraclePath, ['parts', ...parts]);
      expect(run.status === 1 || run.status === 0, `libxlutil survived ${parts[0].slice(0, 20)}…`).toBe(false);
    }
    for (const parts of fine) expect((parseDiskSpec(parts) as { fatal?: string }).fatal).toBeUndefined();
  });
});
