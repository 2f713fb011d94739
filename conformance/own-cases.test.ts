/**
 * The project's own disk-spec cases (conformance/cases/disk-specs.jsonl): inputs chosen for the
 * scanner's traps, each with the verdict libxlutil gave when the case was recorded. Our parser
 * must give exactly that; where the harness is built, the recording is checked against it too,
 * so the file cannot go stale.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiskSpec, xlErrorText } from '../src/core/xl/diskSpec';
import { oracleParseMany } from './oracle';
import { haveOracle, oraclePath, repoRoot, warnSkipped } from './shared';

type Case = { args: string[]; libxlutil: Record<string, unknown> };
const cases: Case[] = readFileSync(resolve(repoRoot, 'conformance/cases/disk-specs.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Case);

function ours(args: string[]) {
  const r = parseDiskSpec(args);
  if (r.ok) return r.libxl;
  return r.fatal === 'jammed' ? { error: xlErrorText(r, args), exit: 2 } : { error: xlErrorText(r, args) };
}

describe('own disk-spec cases', () => {
  for (const c of cases) {
    it(JSON.stringify(c.args).slice(0, 90), () => expect(ours(c.args)).toEqual(c.libxlutil));
  }
  if (haveOracle()) {
    it('the recorded verdicts are still libxlutil’s', () => {
      expect(oracleParseMany(cases.map((c) => c.args))).toEqual(cases.map((c) => c.libxlutil));
    });
  } else {
    warnSkipped('re-checking the own cases against libxlutil', `${oraclePath} is not built`);
  }
});
