#!/usr/bin/env node
// Prints one closing line for CI: "N passed, N failed" (", N skipped" when
// some were skipped), counted from the JSON reports of Vitest
// (reports/unit.json) and Playwright (reports/e2e.json).
// Exit code 1 when any test failed, when no test passed at all, or when a
// report is missing (its runner did not get to run or crashed).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = [
  { name: 'unit', file: join(root, 'reports/unit.json'), count: countVitest },
  { name: 'e2e', file: join(root, 'reports/e2e.json'), count: countPlaywright },
];

function countVitest(r) {
  const failedSuites = Number(r.numFailedTestSuites ?? 0);
  // A test file that fails to load counts as a failed suite with no failed test.
  const failedTests = Number(r.numFailedTests ?? 0);
  return {
    passed: Number(r.numPassedTests ?? 0),
    failed: failedTests > 0 ? failedTests : failedSuites > 0 ? failedSuites : 0,
    skipped: Number(r.numPendingTests ?? 0) + Number(r.numTodoTests ?? 0),
  };
}

function countPlaywright(r) {
  const s = r.stats ?? {};
  const errors = Array.isArray(r.errors) ? r.errors.length : 0;
  const unexpected = Number(s.unexpected ?? 0);
  return {
    passed: Number(s.expected ?? 0) + Number(s.flaky ?? 0),
    // Global errors (webServer failed, a spec file did not load) fail the run.
    failed: unexpected > 0 ? unexpected : errors,
    skipped: Number(s.skipped ?? 0),
  };
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const { name, file, count } of reports) {
  if (!existsSync(file)) {
    console.error(`test-summary: ${name}: no report at ${file} (its runner did not run)`);
    failed += 1;
    continue;
  }
  try {
    const c = count(JSON.parse(readFileSync(file, 'utf8')));
    console.error(`test-summary: ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  } catch (error) {
    console.error(`test-summary: ${name}: unreadable report ${file}: ${error}`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
