/**
 * docs/diagnostics.md and the linter agree: every code the linter can emit is documented there,
 * every code documented there exists, and every one of the linter's own codes is emitted by a
 * case of the case table (lint-cases.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CODES, lint } from '../src/core/lint';
import { LV_CODES } from '../src/core/libvirt';
import { LINT_CASES } from './lint-cases';
import { repoRoot } from './shared';

const doc = readFileSync(resolve(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
const documented = new Set([...doc.matchAll(/`((?:CFG|XL|XML|LV)-[A-Z0-9-]+)`/g)].map((m) => m[1]!));
const own = Object.keys(LINT_CODES);

describe('docs/diagnostics.md', () => {
  it('documents every code of the linter, with its example and fix in a table row', () => {
    for (const code of own) {
      expect(documented.has(code), code).toBe(true);
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, `${code} has a table row`).toBeDefined();
      expect(row!.split('|').length, `${code}: severity, example and fix columns`).toBeGreaterThanOrEqual(6);
    }
  });

  it('names no code that does not exist', () => {
    for (const code of documented) expect(Object.hasOwn(LINT_CODES, code) || Object.hasOwn(LV_CODES, code), code).toBe(true);
  });

  it('every code of the linter is emitted by a case of the case table', () => {
    const emitted = new Set(LINT_CASES.flatMap((c) => lint(c.input, c.guest ? { guest: c.guest } : {}).map((d) => d.code)));
    for (const code of own) expect(emitted.has(code as never), code).toBe(true);
  });
});

describe('the rules of shared/spec/peers-and-ux.md §3', () => {
  it('X1–X21 and L1–L18 each have a case', () => {
    const rules = new Set(LINT_CASES.map((c) => c.rule));
    for (let i = 1; i <= 21; i++) expect(rules.has(`X${i}`), `X${i}`).toBe(true);
    for (let i = 1; i <= 18; i++) expect(rules.has(`L${i}`), `L${i}`).toBe(true);
  });
});
