/**
 * Pasted text is only ever rendered as text; the page ships a Content-Security-Policy without
 * inline scripts; once loaded it makes no network request and works offline.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fill } from './helpers';
import { docText, letters, pasteText, ready } from './text';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  'javascript:window.__pwned="href"',
  '"><svg onload="window.__pwned = \'svg\'">',
];

/** Nothing ran, and no element the text describes was made. */
async function nothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('body script, img[src="x"], svg[onload], [onerror], a[href^="javascript:"]').count()).toBe(0);
}

test('pasted text is only ever rendered as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/');
  await ready(page);
  const texts = [
    // in disk specs, as targets, vdevs and keys
    ...PAYLOADS.map((p) => `vdev=xvda,target=/srv/${p}`),
    `${PAYLOADS[1]},,xvda`,
    `vdev=${PAYLOADS[0]},target=/srv/a.img`,
    // in a config: a comment, a setting, a disk list
    `# ${PAYLOADS[0]}\nname = "${PAYLOADS[1]}"\ndisk = [ 'vdev=xvda,target=${PAYLOADS[2]}', '${PAYLOADS[3]}' ]\n`,
    // in XML: text, attributes, CDATA, a foreign element
    `<disk type='file' device='disk'><source file='${PAYLOADS[1].replace(/'/g, '&apos;')}'/><target dev='xvda' bus='xen'/><script>window.__pwned='xml'</script></disk>`,
    `<devices><disk type='file' device='disk'><source file='/x'/><target dev='xvda' bus='xen'/></disk><![CDATA[${PAYLOADS[0]}]]></devices>`,
  ];
  for (const t of texts) {
    await pasteText(page, t);
    await expect(page.getByTestId('problems')).not.toContainText('checking');
    await nothingRan(page);
  }
  // the payload shown as text: in the editor, the disk list, the previews, the wizard
  await pasteText(page, `vdev=xvda,target=/srv/${PAYLOADS[1]}`);
  await expect(page.locator('.xd-disk-spec').first()).toHaveText(`vdev=xvda,target=/srv/${PAYLOADS[1]}`);
  await page.getByRole('button', { name: /^Edit disk 1/ }).click();
  await expect(page.getByTestId('xl-minimal')).toHaveText(`vdev=xvda,target=/srv/${PAYLOADS[1]}`);
  await fill(page, 'Image file (target)', `/srv/${PAYLOADS[0]}`);
  await expect.poll(() => docText(page)).toBe(`vdev=xvda,target=/srv/${PAYLOADS[0]}`);
  await expect(page.getByTestId('lv-disk')).toContainText('&lt;script&gt;');
  // a file name too
  const data = await page.evaluateHandle((name) => {
    const d = new DataTransfer();
    d.items.add(new File(['/srv/a.img,,xvda\n'], name));
    return d;
  }, `${PAYLOADS[1]}.cfg`);
  await page.dispatchEvent('.cm-content', 'drop', { dataTransfer: data });
  await expect(page.getByTestId('detected')).toContainText(`${PAYLOADS[1]}.cfg:`);
  await nothingRan(page);
  expect(dialogs).toEqual([]);
});

test('the built page carries a Content-Security-Policy that forbids inline scripts', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolation: (v: string) => void }).cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto('/');
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')![1]!;
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  // the page itself needs no exception: using it reports no violation
  await pasteText(page, readFileSync('public/examples/wiki-paste.cfg', 'utf8'));
  await page.getByTestId('fix-all').click();
  await page.getByRole('button', { name: /^Edit disk 1/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Disk 1:/ })).toBeVisible();
  expect(violations).toEqual([]);
  // and an inline script put into the page does not run
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "inline"';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});

test('once loaded, the page makes no network request and works offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await ready(page);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!/^(blob|data):/.test(r.url())) requests.push(r.url());
  });
  await context.setOffline(true);
  await context.route('**/*', (r) => r.abort());

  // everything: the examples, the editor and its fixes, a wizard, a large text (the workers), share, export
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Pasted from a wiki' }).click();
  await expect(page.getByTestId('detected')).toContainText('An xl config: 0 disks.');
  await expect(page.getByTestId('problems').locator('[data-code="CFG-CURLY-QUOTES"]')).toBeVisible();
  await page.getByTestId('fix-all').click();
  await expect(page.getByTestId('detected')).toContainText('3 disks');
  await page.getByRole('button', { name: /^Edit disk 3/ }).click();
  await fill(page, 'Image file (target)', '/srv/offline.img');
  await expect.poll(() => docText(page)).toContain('/srv/offline.img');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Add disk' }).click();
  await page.getByRole('button', { name: 'Ceph RBD', exact: true }).click();
  await fill(page, 'Pool', 'rbd');
  await fill(page, 'Image', 'offline');
  await fill(page, 'Monitor 1 host', 'mon1.example.org');
  await expect.poll(() => docText(page)).toContain('rbd:rbd/offline');
  const big = `disk = [\n${Array.from({ length: 3000 }, (_, i) => `    'format=raw,vdev=xvd${letters(i)},target=/dev/vg/lv-${i}',\n`).join('')}]\n`;
  await pasteText(page, big);
  await expect(page.getByRole('heading', { name: 'Disks (3000)' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('problems')).not.toContainText('checking', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#s=1\./);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export' }).click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Download libvirt XML/ }).click()]);
  expect(readFileSync((await d.path())!, 'utf8')).toContain("<target dev='xvdabc' bus='xen'/>");
  expect(requests).toEqual([]);
});
