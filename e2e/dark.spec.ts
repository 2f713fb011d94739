/** Every wizard open in the dark theme, on a domain holding one disk of each kind: no axe violation. */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, press } from './helpers';

const SPECS = [
  'format=qcow2,vdev=xvda,target=/var/lib/xen/images/a.qcow2',
  'vdev=xvdb,backendtype=phy,target=/dev/vg/guest-volume',
  'vdev=xvdc,devtype=cdrom,target=/root/image.iso',
  String.raw`vdev=xvdd,backendtype=qdisk,target=rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx\;none:mon_host=137.65.135.205\:6789`,
  'vdev=xvde,backendtype=qdisk,target=nbd:151.155.144.82:5555',
  'vdev=xvdf,script=block-iscsi,target=iqn=iqn.2001-05.com.example:disk1,portal=192.0.2.20:3260',
  'vdev=xvdg,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01',
  'vdev=xvdh,script=block-drbd-probe,target=drbd-resource0',
  'vdev=xvdi,script=block-npiv,target=npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1',
  'vdev=xvdj,script=block-enbd,target=10.0.0.5:2000',
];
const KINDS = ['Local image file', 'Block device / LVM', 'CD-ROM', 'Ceph RBD', 'NBD', 'iSCSI (block-iscsi)', 'MD / LVM stack (block-dmmd)', 'DRBD (block-drbd)', 'Fibre Channel NPIV (block-npiv)', 'Other target'];

test('dark theme: each wizard opened from the list, axe clean', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  const text = `disk = [\n${SPECS.map((s) => `    '${s.replace(/\\/g, '\\\\')}',\n`).join('')}]\n`;
  await page.goto(`/#text=${encodeURIComponent(text)}&guest=pv`);
  await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
  await expect(page.getByRole('heading', { name: `Disks (${SPECS.length})` })).toBeVisible();
  for (const [i, kind] of KINDS.entries()) {
    const vdev = `xvd${String.fromCharCode(97 + i)}`;
    await press(page, page.getByRole('button', { name: `Edit disk ${i + 1} (${vdev})` }), 'Enter');
    await expect(page.getByRole('heading', { level: 2, name: `Disk ${i + 1}: ${kind}` })).toBeVisible();
    // opening a disk does not rewrite it
    await expect(page.getByTestId('xl-domain')).toHaveText(text.replace(/\n$/, '').replace(/key=[^:]*/, 'key=••••••••'));
    // the whole page once, then each wizard (the rest of the page does not change)
    await expectNoAxeViolations(page, `dark, ${kind}`, i === 0 ? undefined : '.xd-editor');
  }
});
