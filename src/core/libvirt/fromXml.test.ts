import { describe, expect, it } from 'vitest';
import { parseDiskSpec } from '../xl/diskSpec';
import { libvirtToXl } from './convert';
import { diskFromLibvirt } from './fromXml';
import { parseXml } from './xmlParse';

function one(xml: string, guest?: 'hvm' | 'pv' | 'pvh') {
  const p = parseXml(xml);
  if (!p.ok) throw new Error(p.error.message);
  return diskFromLibvirt(p.roots[0]!, guest ? { guest } : {});
}
const specs = (xml: string) => libvirtToXl(xml).specs;
const codes = (xml: string, guest?: 'hvm' | 'pv' | 'pvh') => one(xml, guest).diagnostics.map((d) => d.code);

describe('libvirt → xl, as libvirt 9.0 writes it', () => {
  it('libvirt’s key=value shape, target last', () => {
    expect(specs("<disk type='block' device='disk'><driver name='phy' type='raw'/><source dev='/dev/HostVG/XenGuest2'/><target dev='hda' bus='ide'/></disk>")).toEqual([
      'format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/HostVG/XenGuest2',
    ]);
    expect(specs("<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='/root/boot.iso'/><target dev='hdc' bus='ide'/><readonly/></disk>")).toEqual([
      'format=raw,vdev=hdc,access=ro,backendtype=qdisk,devtype=cdrom,target=/root/boot.iso',
    ]);
  });

  it('empty cdrom: no target=', () => {
    expect(specs("<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc'/><readonly/></disk>")).toEqual(['format=raw,vdev=hdc,access=ro,backendtype=qdisk,devtype=cdrom']);
    expect(specs("<disk type='file' device='cdrom'><source file=''/><target dev='hdc'/></disk>")).toEqual(['format=raw,vdev=hdc,access=ro,devtype=cdrom']);
  });

  it('driver names: qemu and file → qdisk, tap, phy; none → no backendtype', () => {
    const d = (name: string) => `<disk type='file'><driver name='${name}'/><source file='/x'/><target dev='xvda'/></disk>`;
    expect(['qemu', 'file', 'tap', 'phy'].map((n) => one(d(n)).disk?.backendtype)).toEqual(['qdisk', 'qdisk', 'tap', 'phy']);
    expect(one("<disk type='file'><source file='/x'/><target dev='xvda'/></disk>").disk?.backendtype).toBeUndefined();
  });

  it('formats; unknown ones become raw with a diagnostic', () => {
    const d = (t: string) => `<disk type='file'><driver name='qemu' type='${t}'/><source file='/x'/><target dev='xvda'/></disk>`;
    expect(['raw', 'qcow', 'qcow2', 'qed', 'aio'].map((t) => one(d(t)).disk?.format)).toEqual(['raw', 'qcow', 'qcow2', 'qed', 'raw']);
    expect(one(d('vmdk'))).toMatchObject({ disk: { format: 'raw' }, diagnostics: [{ code: 'LV-FORMAT-UNSUPPORTED', severity: 'warning' }] });
    expect(one(d('iso'))).toMatchObject({ disk: { format: 'raw' }, diagnostics: [{ code: 'LV-FORMAT-UNSUPPORTED', severity: 'info' }] });
  });

  it('floppies are skipped; lun is a disk', () => {
    expect(one("<disk type='file' device='floppy'><source file='/f'/><target dev='fda'/></disk>")).toMatchObject({ skipped: 'floppy', diagnostics: [{ code: 'LV-FLOPPY' }] });
    expect(one("<disk type='block' device='lun'><source dev='/dev/sdx'/><target dev='sda' bus='scsi'/></disk>")).toMatchObject({ disk: { devtype: 'disk' }, diagnostics: [{ code: 'LV-LUN' }] });
  });
});

describe('libvirt → xl, without libvirt’s faults', () => {
  it('vhd is format=vhd, not xvhd', () => {
    const x = "<disk type='file'><driver name='tap' type='vhd'/><source file='/a.vhd'/><target dev='xvda'/></disk>";
    expect(specs(x)).toEqual(['format=vhd,vdev=xvda,access=rw,backendtype=tap,target=/a.vhd']);
    expect(codes(x)).toEqual(['LV-FORMAT-VHD']);
  });

  it('<shareable/> is a diagnostic, never access=!', () => {
    const x = "<disk type='block'><driver name='phy'/><source dev='/dev/x'/><target dev='xvda'/><shareable/></disk>";
    expect(specs(x)).toEqual(['format=raw,vdev=xvda,access=rw,backendtype=phy,target=/dev/x']);
    expect(codes(x)).toEqual(['LV-SHAREABLE']);
  });

  it('an unknown driver name gives no backendtype; tap2 is tap', () => {
    expect(specs("<disk type='file'><driver name='xyz'/><source file='/x'/><target dev='xvda'/></disk>")).toEqual(['format=raw,vdev=xvda,access=rw,target=/x']);
    expect(codes("<disk type='file'><driver name='xyz'/><source file='/x'/><target dev='xvda'/></disk>")).toEqual(['LV-DRIVER-NAME']);
    expect(specs("<disk type='file'><driver name='tap2' type='vhd'/><source file='/x'/><target dev='xvda'/></disk>")).toEqual(['format=vhd,vdev=xvda,access=rw,backendtype=tap,target=/x']);
  });

  it('RBD keeps hosts, snapshot, conf and the auth user; IPv6 monitors are escaped', () => {
    const x = `<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='rbd' name='pool/image'>
    <host name='mon1' port='6789'/>
    <host name='2001:db8::1' port='6789'/>
    <host name='mon3'/>
    <snapshot name='s1'/>
    <config file='/etc/ceph/ceph.conf'/>
  </source>
  <auth username='admin'><secret type='ceph' uuid='2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a'/></auth>
  <target dev='xvda' bus='xen'/>
</disk>`;
    const s = specs(x);
    expect(s).toEqual(['format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=rbd:pool/image@s1:id=admin:auth_supported=cephx\\;none:mon_host=mon1\\:6789\\;[2001\\:db8\\:\\:1]\\:6789\\;mon3:conf=/etc/ceph/ceph.conf']);
    expect(parseDiskSpec(s[0]!).ok).toBe(true);
    expect(libvirtToXl(x).setting).toBe(
      'disk = [ "format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=rbd:pool/image@s1:id=admin:auth_supported=cephx\\\\;none:mon_host=mon1\\\\:6789\\\\;[2001\\\\:db8\\\\:\\\\:1]\\\\:6789\\\\;mon3:conf=/etc/ceph/ceph.conf" ]',
    );
    expect(codes(x)).toEqual(['LV-RBD-KEPT', 'LV-RBD-IPV6', 'LV-RBD-KEPT']);
  });

  it('RBD without auth writes auth_supported=none as libvirt does; a key can be given on purpose', () => {
    const x = "<disk type='network'><source protocol='rbd' name='p/i'/><target dev='xvda'/></disk>";
    expect(specs(x)).toEqual(['format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=rbd:p/i:auth_supported=none']);
    const withAuth = "<disk type='network'><source protocol='rbd' name='p/ns/i'><auth username='u'><secret type='ceph' usage='u'/></auth></source><target dev='xvda'/></disk>";
    expect(libvirtToXl(withAuth, { rbdKey: 'K==' }).specs).toEqual(['format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=rbd:p/ns/i:id=u:key=K==:auth_supported=cephx\\;none']);
  });

  it('RBD names that are not pool/image are errors', () => {
    expect(one("<disk type='network'><source protocol='rbd' name='image'/><target dev='xvda'/></disk>")).toMatchObject({ diagnostics: [{ code: 'LV-RBD-NAME', severity: 'error' }] });
  });

  it('NBD becomes a qdisk nbd: target (libvirt refuses it)', () => {
    expect(specs("<disk type='network'><driver name='qemu' type='raw'/><source protocol='nbd' name='e'><host name='h' port='10809'/></source><target dev='xvda'/></disk>")).toEqual([
      'format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=nbd:h:10809:exportname=e',
    ]);
    expect(specs("<disk type='network'><source protocol='nbd'><host name='2001:db8::2'/></source><target dev='xvda'/></disk>")).toEqual([
      'format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=nbd:[2001:db8::2]:10809',
    ]);
    expect(specs("<disk type='network'><source protocol='nbd'><host transport='unix' socket='/s'/></source><target dev='xvda'/></disk>")).toEqual([
      'format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=nbd:unix:/s',
    ]);
  });

  it('a network disk with another driver is forced to qdisk', () => {
    expect(codes("<disk type='network'><driver name='phy'/><source protocol='rbd' name='p/i'/><target dev='xvda'/></disk>")).toEqual(['LV-NETWORK-DRIVER']);
  });

  it('other protocols and source types are errors', () => {
    expect(codes("<disk type='network'><source protocol='iscsi' name='iqn.x/1'/><target dev='xvda'/></disk>")).toEqual(['LV-NETWORK-PROTOCOL']);
    expect(codes("<disk type='volume'><source pool='p' volume='v'/><target dev='xvda'/></disk>")).toEqual(['LV-SOURCE-TYPE']);
    expect(codes("<disk type='file'><target dev='xvda'/></disk>")).toEqual(['LV-NO-SOURCE']);
    expect(codes("<disk type='file'><source file='/x'/></disk>")).toEqual(['LV-NO-TARGET-DEV']);
    expect(codes("<disk type='file'><source file='/x,y'/><target dev='xvda,1'/></disk>")).toEqual(['LV-FIELD-COMMA']);
  });

  it('SUSE’s script form goes back to script=block-NAME', () => {
    expect(specs("<disk type='block'><driver name='phy' type='raw'/><source dev='dmmd:md;/dev/md0;lvm;/dev/vg/lv'/><target dev='xvda'/></disk>")).toEqual([
      'format=raw,vdev=xvda,access=rw,backendtype=phy,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vg/lv',
    ]);
    expect(one("<disk type='block'><source dev='drbd-probe:r0'/><target dev='xvda'/></disk>").disk).toMatchObject({ script: 'block-drbd-probe', target: 'r0' });
    // only type='block' uses the form
    expect(one("<disk type='file'><source file='/dmmd:x'/><target dev='xvda'/></disk>").disk?.script).toBeUndefined();
  });

  it('discard and backenddomain come back', () => {
    expect(specs("<disk type='file'><driver name='qemu' type='raw' discard='unmap'/><source file='/x'/><backenddomain name='dd'/><target dev='xvda'/></disk>")).toEqual([
      'format=raw,vdev=xvda,access=rw,backendtype=qdisk,backend=dd,discard,target=/x',
    ]);
    expect(one("<disk type='file'><driver discard='ignore'/><source file='/x'/><target dev='xvda'/></disk>").disk?.discard).toBe(false);
  });

  it('every dropped element and attribute is named, with its position', () => {
    const x = `<disk type='file' device='disk' snapshot='no'>
  <driver name='qemu' type='raw' cache='none' io='native' error_policy='stop'/>
  <source file='/x' startupPolicy='optional' index='2'/>
  <target dev='xvda' bus='xen'/>
  <iotune><total_bytes_sec>1000</total_bytes_sec></iotune>
  <serial>S1</serial>
  <wwn>0x5000c50015ea71ac</wwn>
  <boot order='1'/>
  <blockio logical_block_size='512'/>
  <alias name='xen-disk0'/>
  <transient/>
</disk>`;
    const r = one(x);
    expect(r.disk).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.subject, d.severity, d.at?.line])).toEqual([
      ['LV-TRANSIENT', 'transient', 'warning', 11],
      ['LV-XML-DROPPED', '@snapshot', 'warning', 1],
      ['LV-XML-DROPPED', 'driver/@cache', 'info', 2],
      ['LV-XML-DROPPED', 'driver/@io', 'info', 2],
      ['LV-XML-DROPPED', 'driver/@error_policy', 'info', 2],
      ['LV-XML-DROPPED', 'source/@startupPolicy', 'warning', 3],
      ['LV-XML-DROPPED', 'source/@index', 'info', 3],
      ['LV-XML-DROPPED', 'iotune', 'warning', 5],
      ['LV-XML-DROPPED', 'serial', 'warning', 6],
      ['LV-XML-DROPPED', 'wwn', 'warning', 7],
      ['LV-XML-DROPPED', 'boot', 'warning', 8],
      ['LV-XML-DROPPED', 'blockio', 'warning', 9],
      ['LV-XML-DROPPED', 'alias', 'info', 10],
    ]);
  });

  it('bus and address: silent when libvirt would derive the same, else a note', () => {
    const ide = "<disk type='file'><source file='/x'/><target dev='hdc' bus='ide'/><address type='drive' controller='0' bus='1' target='0' unit='0'/></disk>";
    expect(codes(ide, 'hvm')).toEqual([]);
    expect(codes(ide)).toEqual([]);
    expect(codes(ide, 'pv')).toEqual(['LV-BUS', 'LV-ADDRESS']);
    expect(codes("<disk type='file'><source file='/x'/><target dev='vda' bus='virtio'/></disk>")).toEqual(['LV-BUS']);
    expect(codes("<disk type='file'><source file='/x'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='1'/></disk>", 'hvm')).toEqual(['LV-ADDRESS']);
  });
});
