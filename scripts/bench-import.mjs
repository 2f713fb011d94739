#!/usr/bin/env node
/**
 * node scripts/bench-import.mjs — large pastes into the import editor (a benchmark, not a test).
 *
 * In Debian's Chromium, against `vite preview` of the built app:
 *
 * 1. a 10,000-disk xl config (about 1 MB) pasted into the editor (a real paste event): the time
 *    until the disk list shows all disks ("parsed and shown"), until the problems are listed
 *    ("linted"), and until the all-disks XML preview is written; and the longest task the main
 *    thread ran meanwhile (the Long Tasks API reports every task over 50 ms), and the longest
 *    animation frame (the Long Animation Frames API: a frame's script *and* its style, layout
 *    and paint, which long tasks do not count);
 * 2. a 5 MB config pasted the same way: whether the tab survives, and the same numbers.
 *
 * Each paste is timed BENCH_RUNS times (default 3) in a fresh page, once the workers have warmed
 * up (html[data-warm], src/ui/workspace/workerClient.ts); the best and the worst are printed.
 * One more 10,000-disk paste comes as soon as the page is ready, before the warm-up is over
 * ("cold"). Builds the app if dist/ is missing (BENCH_BUILD=1 forces a build).
 */
import { chromium } from '@playwright/test';
import { pasteOnce as paste } from './lib/paste.mjs';
import { ensureBuilt, largeConfig as config, startPreview } from './lib/preview.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WAIT = Number(process.env.BENCH_WAIT_MS ?? 120_000);

ensureBuilt();

const { base, stop } = await startPreview(PORT);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

/** One paste into a fresh page of this run's app (./lib/paste.mjs). */
const pasteOnce = (text, disks, options = {}) => paste(browser, base, text, disks, { wait: WAIT, ...options });

function summary(name, runs) {
  const f = (k) => {
    const v = runs.map((r) => r[k]).filter((x) => x !== undefined);
    if (v.length < runs.length) return `${k}: not reached in ${WAIT / 1000} s (${v.length}/${runs.length} runs)`;
    return `${k}: best ${Math.round(Math.min(...v))} ms, worst ${Math.round(Math.max(...v))} ms`;
  };
  console.log(`\n${name}`);
  console.log(`  paste handled:  ${f('pasted')}`);
  console.log(`  disk list shown: ${f('shown')}`);
  console.log(`  problems listed: ${f('linted')}`);
  console.log(`  all-disks XML:   ${f('xml')}`);
  console.log(`  longest main-thread task: ${runs.map((r) => Math.round(r.maxTask)).join(', ')} ms (tasks over 50 ms: ${runs.map((r) => r.longTasks).join(', ')})`);
  console.log(`  longest frame (script + style + layout + paint): ${runs.map((r) => Math.round(r.maxFrame)).join(', ')} ms (frames over 50 ms: ${runs.map((r) => r.longFrames).join(', ')})`);
  const best = runs.reduce((a, b) => ((b.linted ?? Infinity) < (a.linted ?? Infinity) ? b : a));
  console.log(`  worker jobs (best run): ${best.jobs.map((j) => `${j.kind} sent at ${Math.round(j.sent)} ms, ${Math.round(j.worker)} ms in the worker, done at ${Math.round(j.end)} ms`).join('; ')}`);
  if (runs[0]?.warm) console.log(`  warm-up rounds (first run): ${runs[0].warm}`);
  if (runs.some((r) => r.crashed)) console.log('  THE TAB CRASHED');
}

try {
  const oneMb = config(10_000);
  console.log(`10,000 disks: ${(oneMb.length / 1e6).toFixed(2)} MB`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await pasteOnce(oneMb, 10_000));
  summary(`10,000-disk config (${(oneMb.length / 1e6).toFixed(2)} MB), ${RUNS} runs`, runs);
  summary('10,000-disk config, cold (pasted before the warm-up is over), 1 run', [await pasteOnce(oneMb, 10_000, { cold: true })]);

  const n5 = Math.round(10_000 * (5e6 / oneMb.length));
  const fiveMb = config(n5);
  const big = [];
  for (let i = 0; i < Math.min(RUNS, 2); i++) big.push(await pasteOnce(fiveMb, n5));
  summary(`${n5.toLocaleString('en')}-disk config (${(fiveMb.length / 1e6).toFixed(2)} MB), ${big.length} runs`, big);
} finally {
  await browser.close();
  stop();
}
