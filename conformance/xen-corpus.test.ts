/**
 * Every case of ../shared/corpus/xen/cases.jsonl (libxlutil's verdicts, recorded by the team)
 * must come out of our parser exactly: the same libxl JSON, or the same error text.
 */
import { describe, expect, it } from 'vitest';
import { parseDiskSpec, xlErrorText } from '../src/core/xl/diskSpec';
import { readXenCases, sharedCorpus, warnSkipped } from './shared';

const cases = readXenCases();

describe('Xen corpus (libxlutil verdicts)', () => {
  if (!cases) {
    warnSkipped('the Xen corpus cases', `${sharedCorpus}/xen/cases.jsonl does not exist`);
    it.skip('corpus absent', () => {});
    return;
  }
  it('has the corpus', () => expect(cases.length).toBeGreaterThan(100));
  for (const c of cases) {
    it(`${c.id}: ${JSON.stringify(c.args).slice(0, 80)}`, () => {
      const r = parseDiskSpec(c.args);
      if (c.expect) {
        expect(r.ok ? r.libxl : xlErrorText(r, c.args)).toEqual(c.expect);
      } else {
        expect(r.ok ? r.libxl : xlErrorText(r, c.args)).toEqual(c.error);
      }
    });
  }
});
