#!/usr/bin/env node
/**
 * node scripts/screenshots.mjs — screenshots of the import-and-fix states, for a person to look
 * at (not a test): into reports/screenshots/. Light and dark, desktop and 360 px.
 * Serves dist/ (built if missing) with `vite preview` on SHOT_PORT (default 4185).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt, largeConfig, root, startPreview } from './lib/preview.mjs';

const out = join(root, 'reports/screenshots');
mkdirSync(out, { recursive: true });
const PORT = Number(process.env.SHOT_PORT ?? 4185);
ensureBuilt();
const { base, stop } = await startPreview(PORT);
const example = (f) => readFileSync(join(root, 'public/examples', f), 'utf8');

async function paste(page, text) {
  const content = page.locator('.cm-content');
  await content.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await content.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => !document.querySelector('[data-testid="problems"]')?.textContent?.includes('checking'));
  await page.waitForTimeout(400);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [scheme, width] of [['light', 1400], ['dark', 1400], ['light', 360]]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 }, colorScheme: scheme });
    await page.goto(base);
    await page.waitForSelector('html[data-ready="offline"]', { timeout: 60_000 });
    const shot = (name) => page.screenshot({ path: join(out, `${name}-${scheme}-${width}.png`), fullPage: width === 360 });
    await paste(page, example('wiki-paste.cfg'));
    await shot('1-wiki-paste');
    await page.getByTestId('fix-all').click();
    await page.waitForTimeout(600);
    await shot('2-after-fix-all');
    await paste(page, example('duplicate-vdevs.cfg'));
    await shot('3-vdev-clash');
    await paste(page, example('libvirt-disks-broken.xml'));
    await shot('4-libvirt-broken');
    await page.getByRole('button', { name: /^Edit disk 1/ }).click();
    await page.waitForTimeout(600);
    await shot('5-wizard-on-pasted');
    await page.goto(base);
    await page.waitForSelector('html[data-ready="offline"]');
    await paste(page, example('rbd-three-monitors.cfg'));
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForTimeout(600);
    await shot('6-share');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.waitForTimeout(600);
    await shot('7-examples');
    await page.keyboard.press('Escape');
    // a 10,000-disk config (as scripts/bench-import.mjs pastes it), once its problems are listed
    await paste(page, largeConfig(10_000));
    await page.waitForTimeout(1500);
    await shot('8-large-paste');
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  stop();
}
