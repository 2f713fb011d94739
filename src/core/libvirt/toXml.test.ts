import { describe, expect, it } from 'vitest';
import { parseDiskSpec } from '../xl/diskSpec';
import { specToLibvirt } from './convert';
import { diskToLibvirt } from './toXml';

const xml = (spec: string, guest: 'hvm' | 'pv' | 'pvh' = 'hvm') => specToLibvirt(spec, { guest }).xml;
const codes = (spec: string, guest: 'hvm' | 'pv' | 'pvh' = 'hvm') => specToLibvirt(spec, { guest }).diagnostics.map((d) => d.code);

describe('xl → libvirt, as libvirt 9.0 converts', () => {
  it('gives the spec document’s worked examples', () => {
    expect(xml('format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/HostVG/XenGuest2')).toBe(
      "<disk type='block' device='disk'>\n  <driver name='phy' type='raw'/>\n  <source dev='/dev/HostVG/XenGuest2'/>\n  <target dev='hda' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='0'/>\n</disk>\n",
    );
    expect(xml('format=raw,vdev=hdd,access=ro,devtype=cdrom')).toBe(
      "<disk type='file' device='cdrom'>\n  <driver name='qemu' type='raw'/>\n  <target dev='hdd' bus='ide'/>\n  <readonly/>\n  <address type='drive' controller='0' bus='1' target='0' unit='1'/>\n</disk>\n",
    );
  });

  it('legacy prefixes set no backend: driver qemu, type file, even for /dev paths', () => {
    expect(xml('phy:/dev/vg/lv,xvda,w', 'pv')).toBe("<disk type='file' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source file='/dev/vg/lv'/>\n  <target dev='xvda' bus='xen'/>\n</disk>\n");
  });

  it('tap: type file, driver tap', () => {
    expect(xml('format=qcow2,vdev=xvda,backendtype=tap,target=/i.qcow2')).toContain("<disk type='file' device='disk'>\n  <driver name='tap' type='qcow2'/>\n  <source file='/i.qcow2'/>");
  });

  it('every cdrom is file + qemu + raw + readonly, whatever backendtype, format and access say', () => {
    const r = specToLibvirt('format=qcow2,vdev=hdc,access=rw,backendtype=phy,devtype=cdrom,target=/dev/sr0');
    expect(r.xml).toBe(
      "<disk type='file' device='cdrom'>\n  <driver name='qemu' type='raw'/>\n  <source file='/dev/sr0'/>\n  <target dev='hdc' bus='ide'/>\n  <readonly/>\n  <address type='drive' controller='0' bus='1' target='0' unit='0'/>\n</disk>\n",
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-CDROM-BACKENDTYPE', 'LV-CDROM-FORMAT']);
  });

  it('bus by guest type, and the addresses libvirt computes', () => {
    expect(xml('vdev=hda,target=/x', 'pv')).toContain("<target dev='hda' bus='xen'/>\n</disk>");
    expect(xml('vdev=sdc,target=/x')).toContain("<target dev='sdc' bus='scsi'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='2'/>");
    expect(xml('vdev=vdb,target=/x')).toContain("<target dev='vdb' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='1'/>");
    expect(xml('vdev=xvdb,target=/x')).toContain("<target dev='xvdb' bus='xen'/>\n</disk>");
  });

  it('format empty on a disk is raw; read-only gives <readonly/>', () => {
    const r = specToLibvirt('format=empty,vdev=xvda,access=ro,target=/x');
    expect(r.xml).toContain("<driver name='qemu' type='raw'/>");
    expect(r.xml).toContain('<readonly/>');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-FORMAT-EMPTY']);
  });

  it('RBD: network disk, pool/image, one <host> per monitor, as libvirt’s own test', () => {
    expect(xml('format=raw,vdev=hdb,access=rw,backendtype=qdisk,target=rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\\:6321\\;mon2.example.org\\:6322\\;mon3.example.org\\:6322')).toBe(
      "<disk type='network' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source protocol='rbd' name='pool/image'>\n    <host name='mon1.example.org' port='6321'/>\n    <host name='mon2.example.org' port='6322'/>\n    <host name='mon3.example.org' port='6322'/>\n  </source>\n  <target dev='hdb' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='1'/>\n</disk>\n",
    );
  });
});

describe('xl → libvirt, where xldisk does better', () => {
  it('empty legacy cdrom: no <source> at all', () => {
    const r = specToLibvirt(',hdc:cdrom,r');
    expect(r.xml).not.toContain('<source');
    expect(r.diagnostics).toMatchObject([{ code: 'LV-EMPTY-CDROM-SOURCE', message: expect.stringContaining("<source file=''/>") }]);
  });

  it('RBD id=: <auth> with a secret usage, never the key', () => {
    const r = specToLibvirt('vdev=xvda,backendtype=qdisk,target=rbd:p/i@s:id=libvirt:key=SECRETKEY==:mon_host=[2001\\:db8\\:\\:1]\\:6789:conf=/etc/ceph/ceph.conf', { guest: 'pv' });
    expect(r.xml).toBe(
      "<disk type='network' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source protocol='rbd' name='p/i'>\n    <host name='2001:db8::1' port='6789'/>\n    <snapshot name='s'/>\n    <config file='/etc/ceph/ceph.conf'/>\n    <auth username='libvirt'>\n      <secret type='ceph' usage='client.libvirt secret'/>\n    </auth>\n  </source>\n  <target dev='xvda' bus='xen'/>\n</disk>\n",
    );
    expect(r.xml).not.toContain('SECRETKEY');
    expect(r.ceph).toEqual({ username: 'libvirt', key: 'SECRETKEY==' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-RBD-KEY', 'LV-RBD-AUTH']);
  });

  it('RBD: the secret usage can be set, or a uuid used', () => {
    const spec = 'vdev=xvda,target=rbd:p/i:id=admin';
    expect(specToLibvirt(spec, { secret: { usage: 'ceph {id} key' } }).xml).toContain("<secret type='ceph' usage='ceph admin key'/>");
    expect(specToLibvirt(spec, { secret: { uuid: '2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a' } }).xml).toContain("<secret type='ceph' uuid='2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a'/>");
  });

  it('RBD: options with no counterpart are named', () => {
    const r = specToLibvirt('vdev=xvda,target=rbd:p/i:keyring=/etc/ceph/k:auth_supported=cephx:rbd_cache=true');
    expect(r.diagnostics.map((d) => [d.code, d.subject])).toEqual([
      ['LV-RBD-OPTION-DROPPED', 'keyring'],
      ['LV-RBD-OPTION-DROPPED', 'auth_supported'],
      ['LV-RBD-OPTION-DROPPED', 'rbd_cache'],
    ]);
  });

  it('RBD with backendtype=phy is still a network disk (libvirt: broken block disk)', () => {
    const r = specToLibvirt('vdev=xvda,backendtype=phy,target=rbd:p/i');
    expect(r.xml).toContain("<disk type='network' device='disk'>\n  <driver name='qemu' type='raw'/>");
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-RBD-BACKENDTYPE']);
  });

  it('a malformed rbd: target is an error', () => {
    const r = specToLibvirt('vdev=xvda,target=rbd:image-without-pool');
    expect(r.element).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['LV-RBD-MALFORMED', 'error']]);
  });

  it('NBD: libvirt’s network form (tcp, IPv6, unix)', () => {
    expect(xml('vdev=xvda,target=nbd:h:10809:exportname=e', 'pv')).toContain("<source protocol='nbd' name='e'>\n    <host name='h' port='10809'/>\n  </source>");
    expect(xml('vdev=xvda,target=nbd:[2001:db8::2]:5000', 'pv')).toContain("<source protocol='nbd'>\n    <host name='2001:db8::2' port='5000'/>");
    expect(xml('vdev=xvda,target=nbd:unix:/s.sock', 'pv')).toContain("<host transport='unix' socket='/s.sock'/>");
    expect(codes('vdev=xvda,target=nbd:h:1')).toEqual(['LV-NBD-NETWORK']);
  });

  it('block scripts: SUSE’s type=block <source dev=SCRIPT:PARAMS/>', () => {
    expect(xml('vdev=xvda,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01', 'pv')).toContain("<disk type='block' device='disk'>\n  <driver name='phy' type='raw'/>\n  <source dev='dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'/>");
    // a target already carrying the prefix is not prefixed twice
    expect(xml('vdev=xvda,script=block-npiv,target=npiv:a-b-1', 'pv')).toContain("<source dev='npiv:a-b-1'/>");
    expect(codes('vdev=xvda,script=/etc/xen/scripts/block-drbd,target=r0')).toEqual(['LV-SCRIPT-FORM', 'LV-SCRIPT-FORM']);
  });

  it('another script is dropped with a diagnostic', () => {
    const r = specToLibvirt('vdev=xvda,script=my-script,target=/dev/x');
    expect(r.xml).toContain("<source file='/dev/x'/>");
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-SCRIPT-DROPPED']);
  });

  it('discard, no-discard and backend= have their XML', () => {
    expect(xml('vdev=xvda,discard,backend=dd,target=/x')).toContain("<driver name='qemu' type='raw' discard='unmap'/>\n  <source file='/x'/>\n  <backenddomain name='dd'/>\n  <target");
    expect(xml('vdev=xvda,no-discard,target=/x')).toContain("discard='ignore'");
  });

  it('one diagnostic per key with no counterpart', () => {
    const r = specToLibvirt('vdev=xvda,direct-io-safe,specification=virtio,colo,colo-host=h,colo-port=1,colo-export=e,active-disk=a,hidden-disk=h,target=/x');
    expect(r.diagnostics.map((d) => d.subject)).toEqual(['direct-io-safe', 'specification', 'colo', 'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk']);
    const p = parseDiskSpec('vdev=xvda,target=/x');
    if (!p.ok) throw new Error();
    expect(diskToLibvirt({ ...p.disk, trusted: false, grantUsage: true }).diagnostics.map((d) => d.subject)).toEqual(['trusted', 'grant_usage']);
  });

  it('standalone has no driver name', () => {
    const r = specToLibvirt('vdev=xvda,backendtype=standalone,target=/x');
    expect(r.xml).toContain("<driver type='raw'/>");
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-BACKENDTYPE-STANDALONE']);
  });

  it('warns where libvirt’s schema or parser will object', () => {
    expect(codes('vdev=d0p1,target=/x')).toEqual(['LV-TARGET-DEV-SCHEMA', 'LV-NO-DRIVE-INDEX']);
    expect(codes('vdev=xvda,target=relative.img')).toEqual(['LV-SOURCE-SCHEMA']);
    expect(codes('vdev=xvda,target=/a\x01b')).toEqual(['LV-CONTROL-CHARS']);
  });

  it('escapes attribute values', () => {
    expect(xml("vdev=xvda,target=/it's<&>\"")).toContain("<source file='/it&apos;s&lt;&amp;&gt;&quot;'/>");
  });

  it('an xl syntax error is an error diagnostic with xl’s message', () => {
    expect(specToLibvirt('format=xvhd,vdev=xvda,target=/x').diagnostics).toMatchObject([{ code: 'LV-XL-SPEC', severity: 'error', message: expect.stringContaining('unknown value for format') }]);
  });
});

describe('diskToLibvirt without the printed XML', () => {
  it('gives the same diagnostics and element, and no xml', () => {
    for (const spec of ['format=raw,vdev=hda,backendtype=phy,target=dev/x', 'vdev=xvdb,target=rbd:pool/img:id=admin:mon_host=a\\:6789', 'vdev=xvdc,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vg/lv']) {
      const p = parseDiskSpec(spec);
      if (!p.ok) throw new Error(spec);
      const full = diskToLibvirt(p.disk, { guest: 'pv' });
      const bare = diskToLibvirt(p.disk, { guest: 'pv', xml: false });
      expect(bare.xml).toBeUndefined();
      expect(bare.diagnostics).toEqual(full.diagnostics);
      expect(bare.element).toEqual(full.element);
      const none = diskToLibvirt(p.disk, { guest: 'pv', element: false });
      expect(none.element).toBeUndefined();
      expect(none.xml).toBeUndefined();
      expect(none.diagnostics).toEqual(full.diagnostics);
      expect(none.ceph).toEqual(full.ceph);
    }
  });
});
