/** Locating the team's shared material (../shared beside the repository) and the built oracle. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedCorpus = resolve(repoRoot, '..', 'shared', 'corpus');
export const oraclePath = resolve(repoRoot, 'build', 'oracle', 'xloracle');

export function haveOracle(): boolean {
  return existsSync(oraclePath);
}

/** Says loudly, once per file, that a part of the conformance suite did not run. */
export function warnSkipped(what: string, why: string): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!!! SKIPPED: ${what}\n!!! because ${why}\n${bar}\n`);
}

export type XenCase = {
  id: string;
  args: string[];
  expect: Record<string, unknown> | null;
  error: string | null;
  source: string;
};

export function readXenCases(): XenCase[] | undefined {
  const file = resolve(sharedCorpus, 'xen', 'cases.jsonl');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as XenCase);
}
