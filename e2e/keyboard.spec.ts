/**
 * Keyboard alone, with no programmatic focus: Tab, Shift+Tab, Enter, Space and the arrow keys
 * from the top of the page to a finished disk, with a visible focus ring on the way.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, preview } from './helpers';

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? '';
    return label.replace(/\s+/g, ' ').trim();
  });
}

/** Tabs forward until the focused control's name starts with `name`. */
async function tabUntil(page: Page, name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)).startsWith(name)) return;
  }
  throw new Error(`never reached "${name}" with Tab (last: "${await focusedName(page)}")`);
}

test('the seed cdrom by keyboard alone, focus always visible', async ({ page }) => {
  await page.goto('/');
  await tabUntil(page, 'Add disk');
  await page.keyboard.press('Enter');
  // the chooser takes the focus on its first kind
  expect(await focusedName(page)).toBe('Local image file');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('CD-ROM');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'ISO image (target)');
  // the focus ring is drawn
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    const after = getComputedStyle(document.activeElement!.parentElement!, '::before');
    return { outline: s.outlineStyle, width: s.outlineWidth, ring: after.borderBlockEndWidth };
  });
  expect(outline.outline !== 'none' || outline.ring !== '0px').toBe(true);
  await page.keyboard.type('/root/image.iso');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso');
  await expect(preview(page, 'xl-positional')).toHaveText('/root/image.iso,raw,hdc,ro,cdrom');

  // the medium radios move with the arrow keys
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).toBe('ISO image');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Empty drive' })).toBeChecked();
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hdc,devtype=cdrom');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'ISO image' })).toBeChecked();

  // the advanced fold opens with Enter; Done closes the wizard
  await tabUntil(page, 'Advanced: specification and COLO');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Specification' })).toBeVisible();
  await tabUntil(page, 'Done');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByRole('listitem')).toContainText('hdc');

  // reopen it from the list and change the guest type with the keyboard
  await page.keyboard.press('Shift+Tab');
  await tabUntil(page, 'Edit disk 1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Virtual device (vdev)' })).toHaveValue('hdc');
  await expectNoAxeViolations(page, 'keyboard flow');
});
