import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addDisk, fill, press, preview } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy buttons put the exact text on the clipboard (the Ceph key included, though masked on screen)', async ({ page }) => {
  await page.goto('/');
  await addDisk(page, 'NBD');
  await fill(page, 'Virtual device (vdev)', 'hdc');
  await fill(page, 'Host', '151.155.144.82');
  await fill(page, 'Port', '5555');
  await press(page, page.getByTestId('xl-minimal-copy'), 'Enter');
  await expect(page.getByTestId('xl-minimal-copy')).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555');
  await press(page, page.getByTestId('lv-disk-copy'), 'Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("<source protocol='nbd'>\n    <host name='151.155.144.82' port='5555'/>");

  await press(page, page.getByRole('button', { name: 'Done' }), 'Enter');
  await addDisk(page, 'Ceph RBD');
  await fill(page, 'Pool', 'p');
  await fill(page, 'Image', 'i');
  await fill(page, 'Monitor 1 host', 'mon1');
  await fill(page, 'Ceph user (id)', 'libvirt');
  await fill(page, 'Key (key)', 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==');
  await expect(preview(page, 'xl-minimal')).toHaveText(String.raw`vdev=hda,backendtype=qdisk,target=rbd:p/i:id=libvirt:key=••••••••:mon_host=mon1\:6789`);
  await press(page, page.getByTestId('xl-minimal-copy'), 'Enter');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
    String.raw`vdev=hda,backendtype=qdisk,target=rbd:p/i:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:mon_host=mon1\:6789`,
  );
});

test('downloads: the domain as a .cfg fragment, the disk and all disks as .xml', async ({ page }) => {
  await page.goto('/');
  await addDisk(page, 'CD-ROM');
  await fill(page, 'ISO image (target)', '/root/image.iso');
  await press(page, page.getByRole('button', { name: 'Done' }), 'Enter');
  await addDisk(page, 'Block device / LVM');
  await fill(page, 'Block device (target)', '/dev/vg/guest-volume');

  const save = async (testId: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, page.getByTestId(testId), 'Enter')]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };
  expect(await save('xl-domain-download')).toEqual({
    name: 'disks.cfg',
    text: "disk = [ 'vdev=hdc,devtype=cdrom,target=/root/image.iso', 'vdev=hda,backendtype=phy,target=/dev/vg/guest-volume' ]",
  });
  expect(await save('lv-disk-download')).toEqual({
    name: 'hda.xml',
    text: "<disk type='block' device='disk'>\n  <driver name='phy' type='raw'/>\n  <source dev='/dev/vg/guest-volume'/>\n  <target dev='hda' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='0'/>\n</disk>\n",
  });
  const all = await save('lv-devices-download');
  expect(all.name).toBe('disks.xml');
  expect(all.text).toBe((await preview(page, 'lv-devices').textContent()) ?? '');
  expect(all.text).toMatch(/^<devices>\n  <disk type='file' device='cdrom'>[\s\S]*<\/disk>\n  <disk type='block' device='disk'>[\s\S]*<\/disk>\n<\/devices>\n$/);
});
