/**
 * Every disk kind authored by keyboard, with the exact text of both previews. The seed
 * document's examples must come out exactly. Each wizard gets an axe scan, and its libvirt
 * `<disk>` is checked by libvirt's own schema (virt-xml-validate), except SUSE's block-script
 * form (`<source dev='SCRIPT:PARAMS'/>`), which upstream libvirt does not know.
 */
import { expect, test, type Page } from '@playwright/test';
import { addDisk, choose, control, expectNoAxeViolations, fill, press, preview, xenDomain } from './helpers';
import { virtXmlValidate } from './validate';

async function expectValidXml(page: Page, guest: 'hvm' | 'pv' | 'pvh' = 'hvm') {
  const xml = (await preview(page, 'lv-disk').textContent()) ?? '';
  const v = virtXmlValidate(xenDomain(xml, guest), 'domain');
  expect(v.output).toContain('validates');
  expect(v.ok).toBe(true);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('xl-domain')).toHaveText('disk = []');
});

test('local file: format guessed from the extension, discard', async ({ page }) => {
  await addDisk(page, 'Local image file');
  await fill(page, 'Image file (target)', '/var/lib/xen/images/guest.qcow2');
  await expect(control(page, 'Format')).toHaveValue('qcow2');
  await expect(page.getByText('guessed from the .qcow2 extension')).toBeVisible();
  await choose(page, 'Discard', 'discard');
  await expect(preview(page, 'xl-minimal')).toHaveText('format=qcow2,vdev=hda,discard,target=/var/lib/xen/images/guest.qcow2');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=qcow2,vdev=hda,access=rw,discard,target=/var/lib/xen/images/guest.qcow2');
  await expect(preview(page, 'xl-positional-none')).toBeVisible();
  await expect(preview(page, 'xl-domain')).toHaveText("disk = [ 'format=qcow2,vdev=hda,discard,target=/var/lib/xen/images/guest.qcow2' ]");
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='file' device='disk'>
  <driver name='qemu' type='qcow2' discard='unmap'/>
  <source file='/var/lib/xen/images/guest.qcow2'/>
  <target dev='hda' bus='ide'/>
  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
</disk>
`,
  );
  await expect(preview(page, 'lv-disk-diags')).toContainText('LV-DISCARD');
  // the host notes sit beside the file they are about
  await expect(page.getByText(/Loop devices: this domain uses 0 for file-backed disks; the host has 64 by default/)).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Details on loop devices' }), 'Enter');
  await expect(page.getByText('This disk takes no loop device: libxl hands a qcow2 image to qemu (qdisk).')).toBeVisible();
  await expect(page.getByText('options loop max_loop=x')).toBeVisible();
  await expect(page.getByText('/etc/modprobe.conf.local')).toBeVisible();
  await expect(page.getByText('rmmod loop; modprobe loop')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Details on resizing' }), 'Enter');
  await expect(page.getByText('xfs_growfs')).toBeVisible();
  await expect(page.getByText(/LVM size changes .* reach the guest by themselves/)).toBeVisible();
  await expectValidXml(page);
  await expectNoAxeViolations(page, 'local file wizard');
  // a raw file served by blkback takes a loop device
  await choose(page, 'Format', 'raw');
  await expect(page.getByText(/Loop devices: this domain uses 1 for file-backed disks/)).toBeVisible();
  await expect(page.getByText(/This disk takes a loop device/)).toBeVisible();
  await expect(page.locator('#field-format-help')).toContainText('/var/lib/xen/images/guest.qcow2 looks like a qcow2 image but the disk is read as raw');
});

test('block device: backendtype=phy, the documentation example, and phy with qcow2 explained', async ({ page }) => {
  await addDisk(page, 'Block device / LVM');
  await expect(control(page, 'Backend type (backendtype)')).toHaveValue('phy');
  await fill(page, 'Block device (target)', '/dev/vg/guest-volume');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hda,backendtype=phy,target=/dev/vg/guest-volume');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/guest-volume');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='block' device='disk'>
  <driver name='phy' type='raw'/>
  <source dev='/dev/vg/guest-volume'/>
  <target dev='hda' bus='ide'/>
  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
</disk>
`,
  );
  await expectValidXml(page);
  await press(page, page.getByRole('button', { name: 'Details on resizing' }), 'Enter');
  await expect(page.getByText(/LVM size changes .* reach the guest by themselves/)).toBeVisible();

  // an invalid combination is explained beside the field, as the user chooses it
  await choose(page, 'Format', 'qcow2');
  // core lint's rule, shown beside the field, in the preview, on the disk's row and in the problem list
  await expect(page.locator('#field-backendtype-help')).toContainText('backendtype=phy serves raw data only, not qcow2 — libxl refuses the disk');
  await expect(preview(page, 'xl-libxl-errors')).toContainText('backendtype=phy serves raw data only, not qcow2 — libxl refuses the disk XL-PHY-FORMAT');
  await expect(page.locator('.xd-disk[data-state="error"]')).toContainText('error · 1 problem');
  await expect(page.getByTestId('problems').locator('[data-code="XL-PHY-FORMAT"]')).toBeVisible();
  await expectNoAxeViolations(page, 'block wizard, phy + qcow2');
  await choose(page, 'Backend type (backendtype)', 'qdisk — qemu');
  await expect(page.getByText('backendtype=phy serves raw data only')).toHaveCount(0);
  await expect(preview(page, 'xl-minimal')).toHaveText('format=qcow2,vdev=hda,backendtype=qdisk,target=/dev/vg/guest-volume');
  await expectNoAxeViolations(page, 'block wizard');
});

test('cdrom: the seed ISO in the explicit style and its positional form', async ({ page }) => {
  await addDisk(page, 'CD-ROM');
  await expect(control(page, 'Virtual device (vdev)')).toHaveValue('hdc');
  await expect(control(page, 'Access')).toBeDisabled();
  await fill(page, 'ISO image (target)', '/root/image.iso');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso');
  await expect(preview(page, 'xl-positional')).toHaveText('/root/image.iso,raw,hdc,ro,cdrom');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hdc,devtype=cdrom,target=/root/image.iso');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='file' device='cdrom'>
  <driver name='qemu' type='raw'/>
  <source file='/root/image.iso'/>
  <target dev='hdc' bus='ide'/>
  <readonly/>
  <address type='drive' controller='0' bus='1' target='0' unit='0'/>
</disk>
`,
  );
  await expectValidXml(page);
  await expectNoAxeViolations(page, 'cdrom wizard, ISO');
});

test('cdrom: host drive and empty drive', async ({ page }) => {
  await addDisk(page, 'CD-ROM');
  await press(page, page.getByRole('radio', { name: 'Host drive' }));
  await expect(control(page, 'Host drive (target)')).toHaveValue('/dev/sr0');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/dev/sr0');
  await expect(preview(page, 'xl-positional')).toHaveText('/dev/sr0,raw,hdc,ro,cdrom');
  await expectValidXml(page);
  await press(page, page.getByRole('radio', { name: 'Empty drive' }));
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hdc,devtype=cdrom');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=empty,vdev=hdc,access=ro,devtype=cdrom');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='file' device='cdrom'>
  <driver name='qemu' type='raw'/>
  <target dev='hdc' bus='ide'/>
  <readonly/>
  <address type='drive' controller='0' bus='1' target='0' unit='0'/>
</disk>
`,
  );
  await expectValidXml(page);
  await expectNoAxeViolations(page, 'cdrom wizard, empty');
});

const SEED_KEY = 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==';
const SEED_RBD_TARGET = (key: string) =>
  String.raw`rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=${key}:auth_supported=cephx\;none:mon_host=137.65.135.205\:6789\;137.65.135.206\:6789\;137.65.135.207\:6789`;

test('RBD: the seed disk with three monitors and cephx user libvirt; key masked until asked', async ({ page }) => {
  await addDisk(page, 'Ceph RBD');
  await expect(control(page, 'Backend type (backendtype)')).toHaveValue('qdisk');
  await fill(page, 'Virtual device (vdev)', 'hdc');
  await fill(page, 'Pool', 'libvirt-pool');
  await fill(page, 'Image', 'new-libvirt-image');
  await expect(page.getByRole('group', { name: 'Monitors' })).toBeVisible();
  await fill(page, 'Monitor 1 host', '137.65.135.205');
  await expect(control(page, 'Monitor 1 port')).toHaveValue('6789');
  for (const n of [2, 3]) {
    await press(page, page.getByRole('button', { name: 'Add monitor' }), 'Enter');
    await fill(page, `Monitor ${n} host`, `137.65.135.${204 + n}`);
  }
  await fill(page, 'Ceph user (id)', 'libvirt');
  // the key field is masked, with a show button
  const key = control(page, 'Key (key)');
  await expect(page.locator('#field-key')).toHaveAttribute('type', 'password');
  await fill(page, 'Key (key)', SEED_KEY);
  await press(page, page.getByRole('button', { name: 'Show key' }), 'Enter');
  await expect(page.locator('#field-key')).toHaveAttribute('type', 'text');
  await expect(key).toHaveValue(SEED_KEY);
  await choose(page, 'Authentication (auth_supported)', 'cephx;none — cephx, else none');

  const masked = SEED_RBD_TARGET('••••••••');
  await expect(preview(page, 'xl-minimal')).toHaveText(`vdev=hdc,backendtype=qdisk,target=${masked}`);
  await expect(preview(page, 'xl-explicit')).toHaveText(`format=raw,vdev=hdc,access=rw,backendtype=qdisk,target=${masked}`);
  await expect(preview(page, 'xl-domain')).toHaveText(`disk = [ 'vdev=hdc,backendtype=qdisk,target=${masked.replace(/\\/g, '\\\\')}' ]`);
  await expect(page.getByText(SEED_KEY)).toHaveCount(0);
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='rbd' name='libvirt-pool/new-libvirt-image'>
    <host name='137.65.135.205' port='6789'/>
    <host name='137.65.135.206' port='6789'/>
    <host name='137.65.135.207' port='6789'/>
    <auth username='libvirt'>
      <secret type='ceph' usage='client.libvirt secret'/>
    </auth>
  </source>
  <target dev='hdc' bus='ide'/>
  <address type='drive' controller='0' bus='1' target='0' unit='0'/>
</disk>
`,
  );
  await expect(preview(page, 'lv-disk-diags')).toContainText('LV-RBD-KEY');
  await expectValidXml(page);

  // the secret that holds the key, and the virsh commands, key masked
  const secretXml = (await preview(page, 'lv-secret-xml').textContent()) ?? '';
  expect(secretXml).toMatch(/^<secret ephemeral='no' private='yes'>\n  <uuid>[0-9a-f-]{36}<\/uuid>\n  <description>Ceph key of client\.libvirt<\/description>\n  <usage type='ceph'>\n    <name>client\.libvirt secret<\/name>\n  <\/usage>\n<\/secret>\n$/);
  const v = virtXmlValidate(secretXml, 'secret');
  expect(v.output).toContain('validates');
  const uuid = /<uuid>(.*)<\/uuid>/.exec(secretXml)![1];
  await expect(preview(page, 'lv-secret-commands')).toHaveText(
    [
      'virsh secret-define --file ceph-client.libvirt.secret.xml',
      "(umask 077; printf '%s' '********' > ceph-client.libvirt.key)",
      `virsh secret-set-value --secret ${uuid} --file ceph-client.libvirt.key`,
      'rm ceph-client.libvirt.key',
    ].join('\n'),
  );
  await expectNoAxeViolations(page, 'RBD wizard, key masked');

  // asked for: the key appears, in xl and in the commands
  await press(page, page.getByRole('button', { name: 'Show Ceph key' }).first(), 'Enter');
  await expect(preview(page, 'xl-minimal')).toHaveText(`vdev=hdc,backendtype=qdisk,target=${SEED_RBD_TARGET(SEED_KEY)}`);
  await expect(preview(page, 'lv-secret-commands')).toContainText(`printf '%s' ${SEED_KEY} > ceph-client.libvirt.key`);
  await expectNoAxeViolations(page, 'RBD wizard, key shown');
});

test('RBD: an IPv6 monitor, and a bad port explained as it is typed', async ({ page }) => {
  await addDisk(page, 'Ceph RBD');
  await fill(page, 'Pool', 'rbd');
  await fill(page, 'Image', 'vm01');
  await fill(page, 'Monitor 1 host', '2001:db8::1');
  await expect(preview(page, 'xl-minimal')).toHaveText(String.raw`vdev=hda,backendtype=qdisk,target=rbd:rbd/vm01:mon_host=[2001\:db8\:\:1]\:6789`);
  await press(page, page.getByRole('button', { name: 'Add monitor' }), 'Enter');
  await fill(page, 'Monitor 2 host', 'mon2.example.org');
  await fill(page, 'Monitor 2 port', '67x');
  await expect(page.getByText('a port is a number from 1 to 65535')).toBeVisible();
  await expect(page.getByText('Not written: fix the fields marked in red')).toBeVisible();
  await expectNoAxeViolations(page, 'RBD wizard, bad port');
  await fill(page, 'Monitor 2 port', '3300');
  await expect(preview(page, 'xl-minimal')).toHaveText(
    String.raw`vdev=hda,backendtype=qdisk,target=rbd:rbd/vm01:mon_host=[2001\:db8\:\:1]\:6789\;mon2.example.org\:3300`,
  );
  await expect(preview(page, 'lv-disk')).toContainText(`<host name='2001:db8::1' port='6789'/>\n    <host name='mon2.example.org' port='3300'/>`);
  await expectValidXml(page);
});

test('NBD: the seed disk (host and port)', async ({ page }) => {
  await addDisk(page, 'NBD');
  await fill(page, 'Virtual device (vdev)', 'hdc');
  await fill(page, 'Host', '151.155.144.82');
  await fill(page, 'Port', '5555');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555');
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hdc,access=rw,backendtype=qdisk,target=nbd:151.155.144.82:5555');
  await expect(preview(page, 'xl-positional-none')).toBeVisible();
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='nbd'>
    <host name='151.155.144.82' port='5555'/>
  </source>
  <target dev='hdc' bus='ide'/>
  <address type='drive' controller='0' bus='1' target='0' unit='0'/>
</disk>
`,
  );
  await expect(preview(page, 'lv-disk-diags')).toContainText("libvirt's libxl driver accepts no network disk but RBD");
  await expectValidXml(page);
  await expectNoAxeViolations(page, 'NBD wizard');
});

test('NBD: unix socket and export name', async ({ page }) => {
  await addDisk(page, 'NBD');
  await press(page, page.getByRole('radio', { name: 'Unix socket' }));
  await fill(page, 'Socket (unix)', '/run/nbd/disk0.sock');
  await fill(page, 'Export name (exportname)', 'disk0');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hda,backendtype=qdisk,target=nbd:unix:/run/nbd/disk0.sock:exportname=disk0');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='nbd' name='disk0'>
    <host transport='unix' socket='/run/nbd/disk0.sock'/>
  </source>
  <target dev='hda' bus='ide'/>
  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
</disk>
`,
  );
  await expectValidXml(page);
});

test('iSCSI: iqn and portal (SUSE script form, not schema-checked)', async ({ page }) => {
  await press(page, page.getByRole('button', { name: 'PV', exact: true }));
  await addDisk(page, 'iSCSI (block-iscsi)');
  await expect(control(page, 'Virtual device (vdev)')).toHaveValue('xvda');
  await fill(page, 'Target IQN (iqn)', 'iqn.2001-05.com.example:storage.disk1');
  await fill(page, 'Portal (portal)', '192.0.2.20:3260');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-iscsi,target=iqn=iqn.2001-05.com.example:storage.disk1,portal=192.0.2.20:3260');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='block' device='disk'>
  <driver name='phy' type='raw'/>
  <source dev='iscsi:iqn=iqn.2001-05.com.example:storage.disk1,portal=192.0.2.20:3260'/>
  <target dev='xvda' bus='xen'/>
</disk>
`,
  );
  await expect(preview(page, 'lv-disk-diags')).toContainText('LV-SCRIPT-FORM');
  await expectNoAxeViolations(page, 'iSCSI wizard');
});

test('block-dmmd: the stanza builder gives the seed target', async ({ page }) => {
  await press(page, page.getByRole('button', { name: 'PV', exact: true }));
  await addDisk(page, 'MD / LVM stack (block-dmmd)');
  await fill(page, 'Stanza 1 device', '/dev/md0');
  await fill(page, 'Stanza 2 device', '/dev/vgxen/lv-vm01');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='block' device='disk'>
  <driver name='phy' type='raw'/>
  <source dev='dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'/>
  <target dev='xvda' bus='xen'/>
</disk>
`,
  );
  // an mdadm config for the array, and a third stanza moved up
  await fill(page, 'Stanza 1 mdadm config', '/etc/mdadm.conf');
  await press(page, page.getByRole('button', { name: 'Add LVM stanza' }), 'Enter');
  await fill(page, 'Stanza 3 device', '/dev/vg1/lv1');
  await press(page, page.getByRole('button', { name: 'Move stanza 3 up' }), 'Enter');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-dmmd,target=md;/dev/md0(/etc/mdadm.conf);lvm;/dev/vg1/lv1;lvm;/dev/vgxen/lv-vm01');
  await expectNoAxeViolations(page, 'dmmd wizard');
});

test('block-drbd-probe: the seed resource', async ({ page }) => {
  await press(page, page.getByRole('button', { name: 'PVH', exact: true }));
  await addDisk(page, 'DRBD (block-drbd)');
  await fill(page, 'Resource', 'drbd-resource0');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-drbd,target=drbd-resource0');
  await choose(page, 'Script (script)', 'block-drbd-probe — Xen’s probing script');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-drbd-probe,target=drbd-resource0');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='block' device='disk'>
  <driver name='phy' type='raw'/>
  <source dev='drbd-probe:drbd-resource0'/>
  <target dev='xvda' bus='xen'/>
</disk>
`,
  );
  await expectNoAxeViolations(page, 'drbd wizard');
});

test('block-npiv: the seed parameters', async ({ page }) => {
  await press(page, page.getByRole('button', { name: 'PV', exact: true }));
  await addDisk(page, 'Fibre Channel NPIV (block-npiv)');
  await fill(page, 'NPIV vport WWPN', '0x2100001b32a9da4e');
  await fill(page, 'NPIV target WWPN', '0x50060e8010001cd1');
  await fill(page, 'NPIV LUN', '1');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-npiv,target=0x2100001b32a9da4e-0x50060e8010001cd1-1');
  await press(page, page.getByRole('radio', { name: /npiv: prefix/ }));
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=xvda,script=block-npiv,target=npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1');
  await expect(preview(page, 'lv-disk')).toHaveText(
    `<disk type='block' device='disk'>
  <driver name='phy' type='raw'/>
  <source dev='npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1'/>
  <target dev='xvda' bus='xen'/>
</disk>
`,
  );
  await expectNoAxeViolations(page, 'npiv wizard');
});

test('other target: any script, written as given', async ({ page }) => {
  await addDisk(page, 'Other target');
  await fill(page, 'Target (target)', '/srv/xen/enbd-disk0');
  await fill(page, 'Script (script)', 'block-enbd');
  await expect(preview(page, 'xl-minimal')).toHaveText('vdev=hda,script=block-enbd,target=/srv/xen/enbd-disk0');
  await expect(preview(page, 'lv-disk-diags')).toContainText('LV-SCRIPT-DROPPED');
  await expectValidXml(page);
  await expectNoAxeViolations(page, 'other wizard');
});

test('common fields and the advanced fold; a vdev clash explained', async ({ page }) => {
  await addDisk(page, 'Local image file');
  await fill(page, 'Image file (target)', '/srv/a.img');
  await fill(page, 'Backend domain (backend)', 'stordom');
  await choose(page, 'Access', 'ro — read-only');
  await press(page, control(page, 'Direct I/O is safe (direct-io-safe)').or(page.getByRole('checkbox', { name: 'Direct I/O is safe (direct-io-safe)' })));
  await press(page, page.getByRole('button', { name: 'Advanced: specification and COLO' }), 'Enter');
  await choose(page, 'Specification', 'virtio (Xen 4.17+)');
  await expect(page.locator('#field-specification-help')).toContainText('specification=virtio needs backendtype=standalone');
  await choose(page, 'Backend type (backendtype)', 'standalone — virtio backend (Xen 4.17+)');
  await expect(page.getByText('specification=virtio needs backendtype=standalone')).toHaveCount(0);
  await expect(preview(page, 'xl-explicit')).toHaveText('format=raw,vdev=hda,access=ro,backendtype=standalone,backend=stordom,specification=virtio,direct-io-safe,target=/srv/a.img');
  await press(page, page.getByRole('button', { name: 'Done' }), 'Enter');

  // a second disk on the same slot under another name
  await addDisk(page, 'Local image file');
  await expect(control(page, 'Virtual device (vdev)')).toHaveValue('hdb');
  await fill(page, 'Image file (target)', '/srv/b.img');
  await fill(page, 'Virtual device (vdev)', 'xvda');
  await expect(page.locator('#field-vdev-help')).toContainText('xvda and hda (disk 1) name the same disk slot 0 (hda / sda / xvda are one disk to Xen)');
  await press(page, page.getByRole('button', { name: 'Use hdb' }), 'Enter');
  await expect(control(page, 'Virtual device (vdev)')).toHaveValue('hdb');
  await expect(preview(page, 'xl-domain')).toHaveText(
    "disk = [ 'vdev=hda,access=ro,backendtype=standalone,backend=stordom,specification=virtio,direct-io-safe,target=/srv/a.img', 'vdev=hdb,target=/srv/b.img' ]",
  );
  await expectNoAxeViolations(page, 'two disks');
});
