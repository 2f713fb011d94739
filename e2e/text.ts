/** Helpers for the import editor: paste into it, read the document, wait for the page. */
import { expect, type Page } from '@playwright/test';

/** Waits until the page has fetched everything it may need later (it then works offline). */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'offline', { timeout: 30_000 });
  await expect(page.locator('.cm-content')).toBeVisible();
}

/** Pastes `text` into the editor as a real paste event, replacing what the editor holds. */
export async function pasteText(page: Page, text: string): Promise<void> {
  const content = page.locator('.cm-content');
  await content.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await content.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => docText(page)).toBe(text);
}

/** Empties the document (select all, delete). */
export async function clearText(page: Page): Promise<void> {
  const content = page.locator('.cm-content');
  await content.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect.poll(() => docText(page)).toBe('');
}

/** The document text (the store's: what the editor shows, what is saved and exported). */
export function docText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { xldisk: { text: () => string } }).xldisk.text());
}

/** The problem list entry of a diagnostic code at a line. */
export function problem(page: Page, code: string, line?: number) {
  const sel = line === undefined ? `[data-code="${code}"]` : `[data-code="${code}"][data-line="${line}"]`;
  return page.getByTestId('problems').locator(sel);
}

/** Sets the guest type (while the text does not fix it). */
export async function setGuest(page: Page, guest: 'hvm' | 'pv' | 'pvh'): Promise<void> {
  const b = page.getByRole('button', { name: guest.toUpperCase(), exact: true });
  if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  await expect(b).toHaveAttribute('aria-pressed', 'true');
}

/** xvd disk letters: a … z, aa … (disk i). */
export function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}
