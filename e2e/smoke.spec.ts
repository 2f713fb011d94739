import { expect, test } from '@playwright/test';
import { addDisk, expectNoAxeViolations, fill, preview } from './helpers';

test.describe('app shell', () => {
  test('shows the title, the guest type, an empty domain and both previews', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('xldisk — Xen disk configurator');
    await expect(page.getByRole('heading', { level: 1, name: 'xldisk — Xen disk configurator' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Guest type' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'HVM' })).toHaveAttribute('aria-pressed', 'true');
    await expect(preview(page, 'xl-domain')).toHaveText('disk = []');
    await expect(preview(page, 'lv-devices')).toHaveText('<devices>\n</devices>\n');
    await expectNoAxeViolations(page, 'empty workspace');
  });

  test('has no axe violations in light and dark, and follows the colour scheme', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      // the workspace saves itself: start the second round from an empty one
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      const html = expect(page.locator('html'));
      await (colorScheme === 'dark' ? html : html.not).toHaveClass(/pf-v6-theme-dark/);
      await addDisk(page, 'CD-ROM');
      await fill(page, 'ISO image (target)', '/root/image.iso');
      await expect(preview(page, 'xl-positional')).toHaveText('/root/image.iso,raw,hdc,ro,cdrom');
      await expectNoAxeViolations(page, colorScheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).not.toHaveClass(/pf-v6-theme-dark/);
  });

  test('is usable at 360 px: nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await addDisk(page, 'Ceph RBD');
    await fill(page, 'Pool', 'libvirt-pool');
    await fill(page, 'Image', 'new-libvirt-image');
    await fill(page, 'Monitor 1 host', '2001:db8:85a3::8a2e:370:7334');
    await expect(preview(page, 'xl-minimal')).toContainText('mon_host=[2001');
    const overflow = await page.evaluate(() => {
      const wide: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed') wide.push(`${el.tagName}.${el.className} "${(el.textContent ?? "").slice(0, 40)}" ${Math.round(r.right)}`);
      }
      return { scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, '360 px');
  });
});
