import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe('app shell', () => {
  test('shows the title and previews what is typed', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('xldisk — Xen disk configurator');
    await expect(
      page.getByRole('heading', { level: 1, name: 'xldisk — Xen disk configurator' }),
    ).toBeVisible();

    const input = page.getByLabel('Disk specification');
    await input.fill('format=raw, vdev=xvda, access=rw, target=/dev/vg/guest');
    await expect(page.getByTestId('preview-output')).toContainText('vdev=xvda');
  });

  test('has no axe violations, in light and dark colour schemes', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await page.getByLabel('Disk specification').fill('vdev=xvda, target=/dev/vg/guest');
      const html = expect(page.locator('html'));
      await (colorScheme === 'dark' ? html : html.not).toHaveClass(/pf-v6-theme-dark/);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations, colorScheme).toEqual([]);
    }
  });

  test('follows a change of the colour scheme without a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveClass(/pf-v6-theme-dark/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
  });
});
