#!/usr/bin/env node
/**
 * node scripts/bench-worker.mjs — the analysis worker alone in Chromium (a benchmark, not a
 * test): the floor that the worker sets under scripts/bench-import.mjs's paste times.
 *
 * The built app's worker script is started on a blank page of the app's origin, so nothing else
 * (the editor, React, layout, paint) competes with it for the cores; it warms up as the app
 * warms it (src/ui/workspace/workerClient.ts startWorkers: WARM_ROUNDS rounds of WARM_DISKS
 * disks, read and lint), then reads and lints the 10,000-disk config of bench-import as the
 * app's reader lane does, three times with new specs each time. The first time is what a user's
 * first large paste gets; the later ones show how much of it is the worker still learning (V8
 * compiling, the heap growing). BENCH_RUNS fresh pages (default 5).
 */
import { chromium } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, largeConfig, root, startPreview } from './lib/preview.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4181);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// as src/ui/workspace/workerClient.ts warms the reader lane
const WARM_ROUNDS = 8;
const WARM_DISKS = 500;

ensureBuilt();
const script = readdirSync(join(root, 'dist/assets')).find((f) => f.startsWith('analyze.worker') && f.endsWith('.js'));
if (!script) throw new Error('no analyze.worker script in dist/assets');

// every config's specs new (tagged names), so no cache answers for them
const texts = ['a', 'b', 'c'].map((tag) => largeConfig(10_000, tag));

const { base, stop } = await startPreview(PORT);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const runs = [];
try {
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}favicon.svg`);
    runs.push(
      await page.evaluate(
        async ({ url, texts, rounds, disks }) => {
          const worker = new Worker(url, { type: 'module' });
          let next = 0;
          // the worker's own time for a job (./src/ui/workspace/analyze.worker.ts reports it)
          const run = (job) =>
            new Promise((resolve, reject) => {
              const id = ++next;
              const onMessage = (e) => {
                if (e.data.id !== id) return;
                worker.removeEventListener('message', onMessage);
                if (e.data.ok) resolve(e.data.ms);
                else reject(new Error(e.data.error));
              };
              worker.addEventListener('message', onMessage);
              worker.postMessage({ id, job });
            });
          for (let round = 0; round < rounds; round++) await run({ kind: 'warm', round, disks, steps: ['read', 'lint'] });
          const out = [];
          for (const text of texts) out.push({ read: await run({ kind: 'read', text, guest: 'pvh' }), lint: await run({ kind: 'lint', text, guest: 'pvh' }) });
          worker.terminate();
          return out;
        },
        { url: `${base}assets/${script}`, texts, rounds: WARM_ROUNDS, disks: WARM_DISKS },
      ),
    );
    await context.close();
  }
} finally {
  await browser.close();
  stop();
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const line = (name, i) => {
  const read = runs.map((r) => r[i].read);
  const lint = runs.map((r) => r[i].lint);
  const both = runs.map((r) => r[i].read + r[i].lint);
  const f = (v) => `${Math.round(median(v))} ms (${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))})`;
  console.log(`  ${name}: read ${f(read)}, lint ${f(lint)}, both ${f(both)}`);
};
console.log(`10,000-disk config (${(texts[0].length / 1e6).toFixed(2)} MB), the worker alone, ${RUNS} fresh pages; medians (best–worst):`);
line('first read and lint after the warm-up', 0);
line('second', 1);
line('third', 2);
