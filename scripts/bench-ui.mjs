#!/usr/bin/env node
/**
 * node scripts/bench-ui.mjs — the web app's performance numbers (a benchmark, not a test):
 *
 * 1. initial JavaScript: the gzip size of the scripts index.html loads before the first render
 *    (the entry and its modulepreloads), and of the chunks loaded later;
 * 2. first render: from navigation start to the page shell, to the workspace, and to the previews,
 *    from `vite preview` (a fresh browser context each run: nothing cached);
 * 3. keystroke → both previews updated, on a 64-disk domain: a key typed into disk 1's wizard,
 *    until the xl and libvirt previews both show it (DOM updated, then the next frame), p50/p95.
 *
 * Builds the app if dist/ is missing (BENCH_BUILD=1 forces a build). Uses Debian's Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { ensureBuilt, letters, root, startPreview } from './lib/preview.mjs';

const dist = join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const DISKS = Number(process.env.BENCH_DISKS ?? 64);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

ensureBuilt();

// 1. initial JavaScript
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
const initialGzip = initial.reduce((n, f) => n + gz(f), 0);
const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = allJs.filter((f) => !initial.some((i) => i.endsWith(f)));

// a 64-disk domain: files, LVs, an RBD disk, a cdrom …
const kinds = [
  (i) => `format=qcow2,vdev=xvd${letters(i)},target=/var/lib/xen/images/vm-${i}.qcow2`,
  (i) => `vdev=xvd${letters(i)},backendtype=phy,target=/dev/vg0/lv-${i}`,
  (i) => String.raw`vdev=xvd${letters(i)},backendtype=qdisk,target=rbd:pool/img-${i}:id=libvirt:auth_supported=cephx\;none:mon_host=10.0.0.1\:6789\;10.0.0.2\:6789`,
  (i) => `vdev=xvd${letters(i)},script=block-dmmd,target=md;/dev/md${i};lvm;/dev/vgxen/lv-${i}`,
];
const specs = Array.from({ length: DISKS }, (_, i) => (i === 0 ? 'format=raw,vdev=xvda,target=/var/lib/xen/images/system.img' : kinds[i % kinds.length](i)));
const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const text = `name = "bench"\ntype = "pvh"\ndisk = [\n${specs.map((s) => `    ${quote(s)},\n`).join('')}]\n`;

const { base, stop } = await startPreview(PORT);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  // 2. first render, best of RUNS (fresh context each time: nothing cached)
  const renders = [];
  const shells = [];
  const previewsReady = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen = (sel, key) => {
        const check = () => {
          if (!window[key] && document.querySelector(sel)) window[key] = performance.now();
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true });
      };
      seen('h1', '__shell');
      seen('.xd-workspace', '__firstRender');
      seen('[data-testid="lv-devices"]', '__previews');
    });
    await page.goto(base);
    await page.waitForSelector('[data-testid="lv-devices"]');
    renders.push(await page.evaluate(() => window.__firstRender));
    shells.push(await page.evaluate(() => window.__shell));
    previewsReady.push(await page.evaluate(() => window.__previews));
    await context.close();
  }

  // 3. keystrokes on the 64-disk domain
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}#text=${encodeURIComponent(text)}&guest=pvh`);
  await page.waitForSelector('[data-testid="lv-devices"]');
  const count = await page.locator('.xd-disk').count();
  await page.getByRole('button', { name: 'Edit disk 1 (xvda)' }).click();
  const field = page.getByRole('textbox', { name: 'Image file (target)', exact: true });
  await field.waitFor();
  await page.getByTestId('xl-minimal').waitFor();
  await field.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const xl = () => document.querySelector('[data-testid="xl-minimal"]')?.textContent ?? '';
    const lv = () => document.querySelector('[data-testid="lv-devices"]')?.textContent ?? '';
    window.__lat = [];
    window.__frame = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        const before = [xl(), lv()];
        const obs = new MutationObserver(() => {
          if (xl() !== before[0] && lv() !== before[1]) {
            obs.disconnect();
            window.__lat.push(performance.now() - t0);
            requestAnimationFrame(() => setTimeout(() => window.__frame.push(performance.now() - t0), 0));
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      },
      { capture: true },
    );
  });
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(chars[i % chars.length]);
    await page.waitForFunction((n) => window.__frame.length >= n, i + 1, { timeout: 10000 });
  }
  const lat = await page.evaluate(() => window.__lat);
  const frame = await page.evaluate(() => window.__frame);
  await context.close();

  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`initial JS (gzip):       ${kb(initialGzip)}  (${initial.map((f) => f.replace('/assets/', '')).join(', ')}; budget 150 kB)`);
  console.log(`lazy chunks (gzip):      ${lazy.map((f) => `${f} ${kb(gz(join('assets', f)))}`).join(', ')}`);
  console.log(`first render (shell):    ${Math.min(...shells).toFixed(0)} ms best, ${Math.max(...shells).toFixed(0)} ms worst of ${RUNS} (navigation start → title and header)`);
  console.log(`first render (workspace): ${Math.min(...renders).toFixed(0)} ms best, ${Math.max(...renders).toFixed(0)} ms worst of ${RUNS} (navigation start → disk list and toolbar; budget 1000 ms)`);
  console.log(`previews on screen:      ${Math.min(...previewsReady).toFixed(0)} ms best of ${RUNS}`);
  console.log(`keystroke → both previews, ${count}-disk domain, ${KEYS} keys:`);
  console.log(`  DOM updated:           p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms (budget p95 16 ms)`);
  console.log(`  next frame:            p50 ${pct(frame, 50).toFixed(1)} ms, p95 ${pct(frame, 95).toFixed(1)} ms`);
} finally {
  await browser.close();
  stop();
}
