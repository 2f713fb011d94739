/**
 * A large document (read and linted in the workers): the disk list a page at a time, a wizard
 * rewriting one disk's span, list operations, undo, and the workspace kept across a reload
 * (IndexedDB). The timings of megabyte pastes are scripts/bench-import.mjs's business.
 */
import { expect, test } from '@playwright/test';
import { fill } from './helpers';
import { docText, letters, pasteText, ready } from './text';

const N = 2000;
const item = (i: number) => `    'format=raw,vdev=xvd${letters(i)},backendtype=phy,target=/dev/vg-storage/guest-volume-${i}',\n`;
const BIG = `# a large domain\nname = "big"\ntype = "pvh"\ndisk = [\n${Array.from({ length: N }, (_, i) => item(i)).join('')}]\n`;

test('a 2,000-disk config: list pages, a wizard on one disk, list operations, undo, reload', async ({ page }) => {
  test.setTimeout(120_000);
  expect(BIG.length).toBeGreaterThan(150_000);
  await page.goto('/');
  await ready(page);
  await pasteText(page, BIG);
  await expect(page.getByRole('heading', { name: `Disks (${N})` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('problems')).not.toContainText('checking', { timeout: 60_000 });
  await expect(page.getByTestId('detected')).toHaveText(`An xl config: ${N} disks.`);
  await expect(page.getByText(`Disks 1–25 of ${N}`)).toBeVisible();
  await page.getByRole('button', { name: 'Next 25' }).click();
  await expect(page.getByText(`Disks 26–50 of ${N}`)).toBeVisible();

  // disk 30's wizard rewrites its item only
  await page.getByRole('button', { name: `Edit disk 30 (xvd${letters(29)})` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Disk 30: Block device / LVM' })).toBeVisible();
  await fill(page, 'Block device (target)', '/dev/vg-storage/renamed');
  const edited = BIG.replace(item(29), `    'vdev=xvd${letters(29)},backendtype=phy,target=/dev/vg-storage/renamed',\n`);
  await expect.poll(() => docText(page)).toBe(edited);
  await page.getByRole('button', { name: 'Done' }).click();

  // remove disk 27 (a worker computes the new list), then undo both
  await page.getByRole('button', { name: `Remove disk 27 (xvd${letters(26)})` }).click();
  await expect(page.getByRole('heading', { name: `Disks (${N - 1})` })).toBeVisible({ timeout: 30_000 });
  expect(await docText(page)).not.toContain(`vdev=xvd${letters(26)},`);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(edited);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(BIG);

  // a new disk: a worker inserts it, then its wizard rewrites its span
  await page.getByRole('button', { name: 'Add disk' }).click();
  await page.getByRole('button', { name: 'Local image file', exact: true }).click();
  await fill(page, 'Image file (target)', '/srv/new.img');
  await expect(page.getByRole('heading', { name: `Disks (${N + 1})` })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => docText(page)).toContain(`'vdev=xvd${letters(N)},target=/srv/new.img'`);
  await fill(page, 'Image file (target)', '/srv/new2.img');
  await expect.poll(() => docText(page)).toContain(`'vdev=xvd${letters(N)},target=/srv/new2.img'`);
  expect((await docText(page)).split('/srv/new').length).toBe(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(BIG);

  // kept across a reload (IndexedDB: too large for localStorage)
  await page.waitForTimeout(600);
  await page.reload();
  await ready(page);
  await expect.poll(() => docText(page), { timeout: 10_000 }).toBe(BIG);
  await expect(page.getByRole('heading', { name: `Disks (${N})` })).toBeVisible({ timeout: 30_000 });
});

test('a large document: its problems come from the worker, with their fixes', async ({ page }) => {
  test.setTimeout(120_000);
  // disk 3 repeats disk 1's name; disk 5 gives qcow2 to blkback
  const text = BIG.replace(item(2), `    'format=raw,vdev=xvda,backendtype=phy,target=/dev/vg-storage/guest-volume-2',\n`).replace(item(4), `    'format=qcow2,vdev=xvde,backendtype=phy,target=/srv/e.qcow2',\n`);
  await page.goto('/');
  await ready(page);
  await pasteText(page, text);
  await expect(page.getByTestId('problems')).not.toContainText('checking', { timeout: 60_000 });
  const clash = page.getByTestId('problems').locator('[data-code="XL-DUPLICATE-VDEV"]');
  await expect(clash).toHaveAttribute('data-line', '7');
  await expect(page.getByTestId('problems').locator('[data-code="XL-PHY-FORMAT"]')).toHaveAttribute('data-line', '9');
  // the clash's fix, from the list: the next free name, which is the slot disk 3 left
  await clash.getByRole('button', { name: 'Change: rename to xvdc, the next free name' }).click();
  await expect.poll(() => docText(page)).toBe(BIG.replace(item(4), `    'format=qcow2,vdev=xvde,backendtype=phy,target=/srv/e.qcow2',\n`));
  await expect(page.getByTestId('problems').locator('[data-code="XL-DUPLICATE-VDEV"]')).toHaveCount(0, { timeout: 60_000 });
  // and the row of disk 5 says what is wrong
  await expect(page.locator('.xd-disk[data-state="error"]').first()).toContainText('xvde');
});
