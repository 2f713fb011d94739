#!/usr/bin/env node
/**
 * node scripts/bench-ab.mjs DIR_A DIR_B — two builds of the app, compared on 10,000-disk pastes
 * (a benchmark, not a test).
 *
 * Times on this kind of machine swing by a third from one minute to the next (other tenants of
 * the host), so two builds benchmarked one after the other cannot be compared. This serves both
 * (`vite preview --outDir`) and pastes into them in turn, N times each (AB_RUNS, default 8),
 * with the measurements of scripts/bench-import.mjs (./lib/paste.mjs), and prints each one's
 * medians and bests. Build the two first, e.g.
 *   git stash && npx vite build --outDir /tmp/a && git stash pop && npx vite build --outDir /tmp/b
 */
import { chromium } from '@playwright/test';
import { isAbsolute, resolve } from 'node:path';
import { pasteOnce } from './lib/paste.mjs';
import { largeConfig, startPreview } from './lib/preview.mjs';

const dirs = process.argv.slice(2, 4).map((d) => (isAbsolute(d) ? d : resolve(d)));
if (dirs.length !== 2) {
  console.error('usage: node scripts/bench-ab.mjs DIR_A DIR_B (two builds of the app)');
  process.exit(2);
}
const RUNS = Number(process.env.AB_RUNS ?? 8);
const WAIT = Number(process.env.BENCH_WAIT_MS ?? 10_000);

const servers = [await startPreview(4196, dirs[0]), await startPreview(4197, dirs[1])];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const text = largeConfig(10_000);
const runs = [[], []];
try {
  // A B, B A, A B…: neither build always goes first
  for (let i = 0; i < RUNS; i++) for (const k of i % 2 ? [0, 1] : [1, 0]) runs[k].push(await pasteOnce(browser, servers[k].base, text, 10_000, { wait: WAIT }));
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const stat = (rs, name, get) => {
  const v = rs.map(get).filter((x) => x !== undefined);
  return v.length ? `${name} ${Math.round(median(v))} (best ${Math.round(Math.min(...v))})` : `${name} not reached`;
};
const job = (kind) => (r) => r.jobs.find((j) => j.kind === kind)?.worker;
console.log(`10,000-disk pastes, ${RUNS} into each build in turn; medians (and bests) in ms`);
runs.forEach((rs, k) => {
  console.log(`${'AB'[k]} ${dirs[k]}`);
  console.log(`  ${[stat(rs, 'list shown', (r) => r.shown), stat(rs, 'problems listed', (r) => r.linted), stat(rs, 'XML', (r) => r.xml)].join(', ')}`);
  console.log(`  ${[stat(rs, 'read in the worker', job('read')), stat(rs, 'lint in the worker', job('lint'))].join(', ')}`);
  console.log(`  longest task per paste: ${rs.map((r) => Math.round(r.maxTask)).join(', ')}; longest frame: ${rs.map((r) => Math.round(r.maxFrame)).join(', ')}`);
});
