/**
 * The linter's case table (lint-cases.ts), case by case: the diagnostic at its range, the fixed
 * text, re-linting it, and Xen's verdict on it through libxlutil (the fixed config read by
 * `xloracle config`, its disks by `xloracle batch`): accepted, with the intended disks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/core/document';
import { libvirtToXl } from '../src/core/libvirt';
import { applyFixes, fixAll, lint } from '../src/core/lint';
import { applyEdits } from '../src/core/text/edits';
import { LINT_CASES, type LintCase } from './lint-cases';
import { essentials, xenSpecVerdict, xenVerdicts, type XenVerdict } from './lint-xen';
import { oracleParseMany } from './oracle';
import { haveOracle, oraclePath, warnSkipped } from './shared';

const opts = (c: LintCase) => (c.guest ? { guest: c.guest } : {});
const range = (d: { line: number; column: number; endLine: number; endColumn: number }) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;

describe('lint cases: diagnostics and fixes', () => {
  it.each(LINT_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const ds = lint(c.input, opts(c));
    const d = ds.find((x) => x.code === c.code);
    expect(d, `${c.code} in ${JSON.stringify(ds.map((x) => `${x.code} ${range(x)}`))}`).toBeDefined();
    expect(range(d!)).toBe(c.at);
    expect(d!.severity).toBe(c.severity);
    expect(c.input.slice(d!.from, d!.to).length).toBe(d!.to - d!.from);
    if (c.fixed === null) {
      expect(d!.fixes).toEqual([]);
      return;
    }
    const f = d!.fixes[c.fix ?? 0];
    expect(f).toBeDefined();
    expect(applyEdits(c.input, f!.edits)).toBe(c.fixed);
    if (c.safe !== undefined) expect(f!.safe).toBe(c.safe);
    // re-linting the fixed text finds no such problem any more
    expect(lint(c.fixed, opts(c)).filter((x) => x.code === c.code)).toEqual([]);
  });

  it('applyFixes takes every safe fix in one pass, and re-linting finds none of their errors', () => {
    for (const c of LINT_CASES) {
      const ds = lint(c.input, opts(c));
      const fixedText = applyFixes(c.input, ds);
      const again = lint(fixedText, opts(c));
      for (const d of ds) {
        const f = d.fixes.find((x) => x.safe);
        if (!f || d.severity !== 'error') continue;
        // each error a safe fix was applied for is gone (same code, same message)
        expect(again.some((x) => x.code === d.code && x.message === d.message), `${c.name}: ${d.code} ${d.message}`).toBe(false);
      }
    }
  });
});

describe('lint cases: Xen reads the fixed text with the intended disks', () => {
  if (!haveOracle()) {
    warnSkipped("Xen's verdict on the linter's fixed texts", `${oraclePath} is not built (run: bash scripts/build-oracle.sh)`);
    it.skip('oracle absent', () => {});
    return;
  }
  const verdicts = new Map<string, XenVerdict>();
  beforeAll(async () => {
    const text = (c: LintCase) => c.fixed ?? c.input;
    const configs = LINT_CASES.filter((c) => readDocument(text(c)).syntax === 'xl-config');
    const vs = await xenVerdicts(configs.map(text));
    configs.forEach((c, i) => verdicts.set(c.name, vs[i]!));
    for (const c of LINT_CASES) {
      const syntax = readDocument(text(c)).syntax;
      if (syntax === 'specs') verdicts.set(c.name, xenSpecVerdict(text(c)));
      if (syntax === 'libvirt-xml') {
        const r = libvirtToXl(text(c), { guest: c.guest ?? 'hvm' });
        const disks = r.specs.length ? oracleParseMany(r.specs.map((s) => [s])) : [];
        verdicts.set(c.name, { accepted: r.read.ok && r.specs.length === r.read.disks.length && disks.every((d) => !('error' in d)), messages: [], disks });
      }
    }
  });
  it.each(LINT_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = verdicts.get(c.name)!;
    expect(v, 'verdict').toBeDefined();
    expect(v.accepted, v.messages.join('\n')).toBe(c.xen.accepted);
    expect(v.disks.map(essentials)).toEqual(c.xen.disks);
  });

  it("`xldisk lint --fix`'s algorithm gives configs Xen accepts whenever every error has a fix", async () => {
    const picked = LINT_CASES.filter((c) => readDocument(c.input).syntax === 'xl-config');
    const results = picked.map((c) => ({ c, r: fixAll(c.input, opts(c)) }));
    const vs = await xenVerdicts(results.map((x) => x.r.text));
    results.forEach(({ c, r }, i) => {
      if (r.remaining.some((d) => d.severity === 'error')) return;
      expect(vs[i]!.accepted, `${c.name}: ${JSON.stringify(r.text)}\n${vs[i]!.messages.join('\n')}`).toBe(true);
    });
  });
});
