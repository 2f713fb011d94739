/** The workspace survives a reload and a crashed tab; share links carry it, without Ceph keys unless asked. */
import LZString from 'lz-string';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';
import { docText, pasteText, ready, setGuest } from './text';

const SAVED = 'xldisk.workspace.v1';
const KEY = 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==';
const RBD = `builder = "hvm"\ndisk = [ 'vdev=hdc,backendtype=qdisk,target=rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=${KEY}:auth_supported=cephx\\\\;none:mon_host=137.65.135.205\\\\:6789' ]\n`;

test('reload keeps the work, and so does a crashed tab', async ({ page, context }) => {
  await page.goto('/');
  await ready(page);
  await setGuest(page, 'pv');
  await pasteText(page, "disk = [ '/srv/a.img,,xvda' ]\n");
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# typed');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), SAVED)).toContain('# typed');
  await page.reload();
  await ready(page);
  await expect.poll(() => docText(page)).toBe("disk = [ '/srv/a.img,,xvda' ]\n# typed");
  await expect(page.getByRole('button', { name: 'PV', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // the renderer dies with no chance to save at unload: what was saved a moment after the last change is there
  await page.keyboard.type('x');
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' crash');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), SAVED)).toContain('crash');
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // (the call never returns: its page is gone)
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  // pages of one site share a renderer: the new one opens once the old one is gone
  const again = await context.newPage();
  await again.goto('/');
  await ready(again);
  await expect.poll(() => docText(again)).toContain('# typed crash');
});

test('a share link carries the workspace, without the Ceph key unless the box is ticked', async ({ page, browser }, info) => {
  await page.goto('/');
  await ready(page);
  await pasteText(page, RBD);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link to this workspace' });
  await expect(dialog.getByText('A Ceph key was left out of the link')).toBeVisible();
  const box = dialog.getByRole('checkbox', { name: 'Put the Ceph keys (key=) into the link' });
  await expect(box).not.toBeChecked();
  await expect(dialog).toContainText('A Ceph key lets whoever holds it read, change and delete the RBD images');
  await expectNoAxeViolations(page, 'share dialog');
  const link = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/#s=1\./);
  const url = await link.inputValue();
  const shared = JSON.parse(LZString.decompressFromEncodedURIComponent(url.split('#s=1.')[1]!)!) as { t: string; g: string };
  expect(shared.t).toBe(RBD.replace(`:key=${KEY}`, ''));

  // opened elsewhere (nothing saved there): the text arrives without the key, the address is cleared
  const other = await browser.newContext({ baseURL: info.project.use.baseURL });
  const p2 = await other.newPage();
  await p2.goto(url);
  await ready(p2);
  await expect.poll(() => docText(p2)).toBe(RBD.replace(`:key=${KEY}`, ''));
  await expect(p2.getByTestId('detected')).toHaveText('From a shared link: An xl config: 1 disk.');
  expect(new URL(p2.url()).hash).toBe('');
  await p2.reload();
  await ready(p2);
  await expect.poll(() => docText(p2)).toBe(RBD.replace(`:key=${KEY}`, ''));
  await other.close();

  // asked for: the key goes too
  await box.check();
  await expect(dialog.getByText('The link carries a Ceph key')).toBeVisible();
  await expect(link).not.toHaveValue(url);
  const withKey = await link.inputValue();
  const third = await browser.newContext({ baseURL: info.project.use.baseURL });
  const p3 = await third.newPage();
  await p3.goto(withKey);
  await ready(p3);
  await expect.poll(() => docText(p3)).toBe(RBD);
  await third.close();
});
