/**
 * The import side of the app: what a text is detected as, fixing in the editor and in the
 * problem list with one undo history, a wizard rewriting one disk of a pasted config, the disk
 * list (duplicate, reorder, remove, vdev clashes), export and conversion, files opened and
 * dropped, the examples. An axe scan in each state.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fill, preview } from './helpers';
import { docText, pasteText, problem, ready } from './text';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await ready(page);
});

const detected = (page: Page) => page.getByTestId('detected');

test('detects what was pasted, and says so', async ({ page }) => {
  await expect(detected(page)).toContainText('Nothing yet');
  await expectNoAxeViolations(page, 'empty, editor shown');
  const cases: [string, string, string][] = [
    ['format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso', 'xl disk specs', 'One xl disk spec.'],
    ['/srv/a.img,,xvda\n/srv/b.img,,xvdb\n', 'xl disk specs', 'xl disk specs, one per line: 2 disks.'],
    ["disk = [ '/srv/a.img,,xvda', '/srv/b.img,,xvdb' ]\n", 'xl config', 'An xl disk = [ … ] line: 2 disks.'],
    ["name = 'vm'\nbuilder = 'hvm'\ndisk = [ '/srv/a.img,,hda' ]\n", 'xl config', 'An xl config: 1 disk.'],
    ["<disk type='file' device='disk'><source file='/srv/a.img'/><target dev='xvda' bus='xen'/></disk>", 'libvirt XML', 'One libvirt <disk>: 1 disk.'],
    ["<devices>\n  <disk type='file' device='disk'><source file='/srv/a.img'/><target dev='xvda' bus='xen'/></disk>\n</devices>\n", 'libvirt XML', 'A libvirt <devices>: 1 disk.'],
    [readFileSync('public/examples/libvirt-domain.xml', 'utf8'), 'libvirt XML', 'A libvirt <domain>: 2 disks.'],
  ];
  for (const [text, label, words] of cases) {
    await pasteText(page, text);
    await expect(page.getByTestId('detected-syntax')).toHaveText(label);
    await expect(detected(page)).toHaveText(words);
  }
  // the guest type of the <domain> wins over the toggle
  await expect(page.getByRole('button', { name: 'PV', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'HVM', exact: true })).toBeDisabled();
  await page.locator('.cm-content').focus();
  await expectNoAxeViolations(page, 'XML in the editor, focused');
});

test('fixes from the editor and from the list share one undo history with typing', async ({ page }) => {
  const broken = "disk = [ 'phy:/dev/vg/guest,xvda,w'\n         'format=QCOW2,vdev=xvdb,target=/srv/b.qcow2' ]\n";
  await pasteText(page, broken);
  await expect(problem(page, 'CFG-MISSING-COMMA', 2)).toBeVisible();
  await expectNoAxeViolations(page, 'problems listed');
  // the lint panel of the editor offers the same fix (keyboard: Ctrl+Shift+M opens it)
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+Shift+M');
  await expect(page.locator('.cm-panel-lint')).toBeVisible();
  await page.locator('.cm-panel-lint').getByRole('button', { name: 'Fix: insert a comma' }).click();
  await expect.poll(() => docText(page)).toBe(broken.replace("w'\n", "w',\n"));
  // now xl reads both specs, and the list has their problems; fix one there
  await expect(problem(page, 'XL-CASE', 2)).toBeVisible();
  await problem(page, 'XL-CASE', 2).getByRole('button', { name: /^Fix: / }).click();
  await expect.poll(() => docText(page)).toContain("'format=qcow2,vdev=xvdb");
  // type at the end
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# ok');
  await expect.poll(() => docText(page)).toMatch(/\n# ok$/);
  // undo: the typing (one step), the list's fix, the editor's fix; redo brings them back
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => docText(page)).not.toContain('# ok');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toContain("'format=QCOW2,vdev=xvdb");
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(broken);
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => docText(page)).toContain("'format=qcow2,vdev=xvdb");
  // apply all safe fixes: the legacy prefix too, in one step
  await page.getByTestId('fix-all').click();
  await expect.poll(() => docText(page)).toBe("disk = [ 'vdev=xvda,target=/dev/vg/guest',\n         'format=qcow2,vdev=xvdb,target=/srv/b.qcow2' ]\n");
  await expect(page.getByTestId('fix-all')).toBeDisabled();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toContain("'phy:/dev/vg/guest,xvda,w'");
});

test('a wizard opened on a pasted disk rewrites that disk only', async ({ page }) => {
  const cfg = readFileSync('public/examples/hvm-guest.cfg', 'utf8');
  await pasteText(page, cfg);
  await page.getByRole('button', { name: 'Edit disk 2 (xvdb)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Disk 2: Local image file' })).toBeVisible();
  // opening it changes nothing
  await expect.poll(() => docText(page)).toBe(cfg);
  await fill(page, 'Image file (target)', '/var/lib/xen/images/db01-data2.qcow2');
  await expect.poll(() => docText(page)).toBe(cfg.replace("'format=qcow2,vdev=xvdb,access=rw,target=/var/lib/xen/images/db01-data.qcow2'", "'format=qcow2,vdev=xvdb,target=/var/lib/xen/images/db01-data2.qcow2'"));
  await expect(preview(page, 'xl-minimal')).toHaveText('format=qcow2,vdev=xvdb,target=/var/lib/xen/images/db01-data2.qcow2');
  await expect(page.locator('.cm-content')).toContainText('db01-data2.qcow2');
  await expectNoAxeViolations(page, 'wizard on a pasted config');
  // the wizard's keystrokes are one undo step
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(cfg);
});

test('disk list: duplicate, reorder, remove; a vdev clash shown and fixed on its row', async ({ page }) => {
  await pasteText(page, readFileSync('public/examples/duplicate-vdevs.cfg', 'utf8'));
  const rows = page.locator('.xd-disk');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('xvda and hda (disk 1) name the same disk slot 0');
  await expect(rows.nth(3)).toContainText('vdev xvdb is already used by disk 3');
  await expect(page.getByTestId('disk-summary')).toHaveText('2 with errors');
  await expectNoAxeViolations(page, 'disk list with clashes');
  await rows.nth(1).getByRole('button', { name: /^rename to xvdc/ }).click();
  await expect(rows.nth(1)).toContainText('/dev/vg0/vm07-data,,xvdc');
  await rows.nth(3).getByRole('button', { name: /^rename to xvdd/ }).click();
  await expect(page.getByTestId('disk-summary')).toHaveCount(0);
  await expect(page.locator('.xd-disk[data-state="ok"]')).toHaveCount(4);
  // duplicate disk 1: a copy right after it, with the next free name (hda–hdd are all taken)
  await page.getByRole('button', { name: 'Duplicate disk 1 (hda)' }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('vdev=xvde,target=/dev/vg0/vm07-system');
  // reorder by keyboard
  await page.getByRole('button', { name: 'Move disk 2 (xvde) down' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(2)).toContainText('xvde');
  await page.getByRole('button', { name: 'Move disk 3 (xvde) up' }).click();
  await expect(rows.nth(1)).toContainText('xvde');
  await page.getByRole('button', { name: 'Remove disk 2 (xvde)' }).click();
  await expect(rows).toHaveCount(4);
  const text = await docText(page);
  expect(text).toContain("disk = [\n    '/dev/vg0/vm07-system,,hda',\n    '/dev/vg0/vm07-data,,xvdc',\n    '/dev/vg0/vm07-logs,,xvdb',\n    '/dev/vg0/vm07-tmp,,xvdd'\n]\n");
  expect(text.startsWith('# Three disks, two names for one slot')).toBe(true);
  expect(text).toContain('builder = "hvm"\n');
});

test('export the corrected config or the domain XML, and convert between them', async ({ page }) => {
  const cfg = readFileSync('public/examples/hvm-guest.cfg', 'utf8');
  await pasteText(page, cfg);
  const download = async (item: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: new RegExp(item) }).click()]);
    return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
  };
  const xl = await download('Download xl config');
  expect(xl).toEqual({ name: 'domain.cfg', text: cfg });
  await expectNoAxeViolations(page, 'export menu closed');
  const xml = await download('Download libvirt XML');
  expect(xml.name).toBe('domain.xml');
  expect(xml.text).toMatch(/^<domain type='xen'>\n  <name>db01<\/name>\n  <os>\n    <type machine='xenfv'>hvm<\/type>\n  <\/os>\n  <devices>\n    <disk type='file' device='disk'>/);
  expect(xml.text.match(/<disk /g)).toHaveLength(3);
  // convert in place, and back
  await page.getByRole('button', { name: 'Export' }).click();
  await expectNoAxeViolations(page, 'export menu open');
  await page.getByRole('menuitem', { name: /Convert the text to libvirt XML/ }).click();
  await expect.poll(() => docText(page)).toBe(xml.text);
  await expect(page.getByTestId('detected')).toContainText('A libvirt <domain>: 3 disks.');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /Convert the text to an xl config/ }).click();
  // (libvirt's driver name='qemu' is xl's backendtype=qdisk: the round trip says so)
  await expect.poll(() => docText(page)).toBe(
    `name = "db01"\ntype = "hvm"\ndisk = [\n    'format=raw,vdev=hda,access=rw,backendtype=qdisk,target=/dev/vg0/db01-system',\n    'format=qcow2,vdev=xvdb,access=rw,backendtype=qdisk,target=/var/lib/xen/images/db01-data.qcow2',\n    'format=raw,vdev=hdc,access=ro,backendtype=qdisk,devtype=cdrom,target=/var/lib/xen/images/debian-12-netinst.iso',\n]\n`,
  );
  // each conversion is one undo step
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(cfg);
});

test('open a file, drop a file', async ({ page }) => {
  const pv = readFileSync('public/examples/pv-legacy.cfg', 'utf8');
  await page.getByTestId('file-input').setInputFiles({ name: 'web01.cfg', mimeType: 'text/plain', buffer: Buffer.from(pv) });
  await expect.poll(() => docText(page)).toBe(pv);
  await expect(page.getByTestId('detected')).toHaveText('web01.cfg: An xl config: 3 disks.');
  await expect(problem(page, 'XL-LEGACY-PREFIX', 8)).toBeVisible();

  const xml = readFileSync('public/examples/libvirt-disks-broken.xml', 'utf8');
  const data = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'disks.xml', { type: 'application/xml' }));
    return d;
  }, xml);
  await page.dispatchEvent('.cm-content', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('.cm-content', 'dragover', { dataTransfer: data });
  await expect(page.getByText('Drop the file to open it')).toBeVisible();
  await page.dispatchEvent('.cm-content', 'drop', { dataTransfer: data });
  await expect.poll(() => docText(page)).toBe(xml);
  await expect(page.getByText('Drop the file to open it')).toHaveCount(0);
  await expect(page.getByTestId('detected')).toHaveText('disks.xml: A libvirt <devices>: 2 disks.');
  await expect(problem(page, 'XML-DRIVER-RBD', 3)).toBeVisible();
  await expectNoAxeViolations(page, 'dropped XML with problems');
  // opening a file is one undo step
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => docText(page)).toBe(pv);
});

test('the examples gallery', async ({ page }) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog.getByRole('button')).toHaveCount(11);
  await expectNoAxeViolations(page, 'examples open');
  await dialog.getByRole('button', { name: 'Pasted from a wiki' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('detected')).toHaveText('Example “Pasted from a wiki”: An xl config: 0 disks.');
  await expect(problem(page, 'CFG-CURLY-QUOTES', 3)).toBeVisible();
  await page.getByTestId('fix-all').click();
  await expect(page.getByTestId('detected')).toHaveText('Example “Pasted from a wiki”: An xl config: 3 disks.');
  await expect(problem(page, 'XL-PHY-FORMAT', 5)).toBeVisible();
  await expect(problem(page, 'XL-ISO-NOT-CDROM', 6)).toBeVisible();
  await expectNoAxeViolations(page, 'example fixed, problems left');
  // the seed's examples, each as it should read
  for (const [title, disks] of [
    ['CD-ROM disk spec', 'One xl disk spec.'],
    ['Ceph RBD with three monitors', 'An xl config: 1 disk.'],
    ['NBD disk', 'An xl config: 1 disk.'],
    ['MD + LVM stack (block-dmmd)', 'An xl config: 1 disk.'],
  ]) {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: title }).click();
    await expect(page.getByTestId('detected')).toHaveText(`Example “${title}”: ${disks}`);
  }
  // the RBD key is masked in the editor too
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Ceph RBD with three monitors' }).click();
  await expect(page.locator('.cm-content .xd-key-mask')).toHaveCount(1);
  await expect(page.getByText('AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==')).toHaveCount(0);
});
