/**
 * Differential property: for generated disk specs — plausible and broken — our parser and
 * Xen's libxlutil (through build/oracle/xloracle) give the same verdict, the same libxl JSON
 * and the same error text. Agreement must be 100%.
 */
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
  return r.jammed ? { error: xlErrorText(r, parts), exit: 2 } : { error: xlErrorText(r, parts) };
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
});
