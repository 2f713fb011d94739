import { describe, expect, it } from 'vitest';
import type { Disk } from '../model/disk';
import { checkDisk, escapeMonHost, formatFromExtension, isFileBacked } from './checks';
import { nextFreeLike } from './checks';

const disk = (d: Partial<Disk>): Disk => ({ format: 'raw', vdev: 'xvda', access: 'rw', devtype: 'disk', directIoSafe: false, target: '/srv/a.img', ...d });
const codes = (d: Disk, guest: 'hvm' | 'pv' = 'pv', others: { vdev: string; position: number }[] = []) => checkDisk(d, { guest, others }).map((i) => `${i.code}:${i.field}`);

describe('checkDisk (the rules that do not depend on the syntax)', () => {
  it('is quiet for a plain disk', () => {
    expect(codes(disk({}))).toEqual([]);
  });

  it('names the field of each issue, and the disk its fix makes', () => {
    const issues = checkDisk(disk({ backendtype: 'phy', format: 'qcow2', target: '/srv/a.qcow2' }), { guest: 'pv' });
    expect(issues.map((i) => [i.code, i.field])).toEqual([['XL-PHY-FORMAT', 'backendtype']]);
    expect(issues[0]!.fix!.disk.backendtype).toBeUndefined();
  });

  it('finds vdev clashes, aliases, names libxl refuses, and emulated names on PV', () => {
    expect(codes(disk({ vdev: 'xvda' }), 'pv', [{ vdev: 'xvda', position: 1 }])).toEqual(['XL-DUPLICATE-VDEV:vdev']);
    expect(codes(disk({ vdev: 'hda' }), 'hvm', [{ vdev: 'xvda', position: 1 }])).toEqual(['XL-VDEV-ALIAS:vdev']);
    expect(codes(disk({ vdev: 'xvda1' }), 'pv', [{ vdev: 'xvda2', position: 1 }])).toEqual([]);
    expect(codes(disk({ vdev: 'hde' }), 'hvm')).toEqual(['XL-VDEV-INVALID:vdev']);
    expect(codes(disk({ vdev: 'hda' }), 'pv')).toEqual(['XL-VDEV-EMULATED:vdev']);
    expect(codes(disk({ vdev: 'sde' }), 'hvm')).toEqual(['XL-VDEV-EMULATED:vdev']);
  });

  it('knows the §9 combinations and the qdisk targets', () => {
    expect(codes(disk({ backendtype: 'qdisk', script: 'block-iscsi', target: 'iqn.x:y' }))).toContain('XL-BACKEND-SCRIPT:backendtype');
    expect(codes(disk({ specification: 'virtio' }))).toEqual(['XL-SPECIFICATION:specification']);
    expect(codes(disk({ backendtype: 'standalone', specification: 'virtio' }))).toEqual([]);
    expect(codes(disk({ target: 'rbd:pool/img' }))).toEqual(['XL-RBD-BACKENDTYPE:backendtype']);
    expect(codes(disk({ target: 'rbd:pool/img', backendtype: 'qdisk' }))).toEqual([]);
    expect(codes(disk({ target: '' }))).toEqual(['XL-EMPTY-TARGET:target']);
    expect(codes(disk({ devtype: 'cdrom', access: 'ro', target: '', format: 'empty' }))).toEqual([]);
  });
});

describe('helpers', () => {
  it('nextFreeLike keeps the style of the name where it is emulated', () => {
    expect(nextFreeLike('xvda', ['xvda', 'xvdb'], 'pv')).toBe('xvdc');
    expect(nextFreeLike('hda', ['hda', 'hdb'], 'hvm')).toBe('hdc');
    expect(nextFreeLike('hda', ['hda', 'hdb', 'hdc', 'hdd'], 'hvm')).toBe('xvde');
    expect(nextFreeLike('hda', ['hda'], 'pv')).toBe('xvdb');
  });

  it('names the first earlier disk a vdev clashes with, partitions and whole disks alike', () => {
    const others = [
      { vdev: 'xvda2', position: 1 },
      { vdev: 'xvda1', position: 2 },
      { vdev: 'xvda', position: 3 },
      { vdev: '51712', position: 4 },
    ];
    const clash = (vdev: string) => checkDisk(disk({ vdev }), { guest: 'pv', others })[0]?.message;
    expect(clash('xvda1')).toMatch(/disk 2/);
    expect(clash('xvda3')).toMatch(/disk 3/);
    expect(clash('xvda')).toMatch(/disk 1/);
    expect(clash('hda2')).toMatch(/xvda2 \(disk 1\)/);
    expect(clash('51712')).toMatch(/disk 3/);
  });

  it('escapeMonHost escapes the colons of the monitor list only', () => {
    expect(escapeMonHost('rbd:pool/img:id=a:mon_host=1.2.3.4:6789;5.6.7.8:6789:conf=/etc/ceph.conf')).toBe('rbd:pool/img:id=a:mon_host=1.2.3.4\\:6789;5.6.7.8\\:6789:conf=/etc/ceph.conf');
    expect(escapeMonHost('rbd:pool/img:mon_host=1.2.3.4\\:6789')).toBeUndefined();
  });

  it('formatFromExtension and isFileBacked', () => {
    expect(formatFromExtension('/a/b.QCOW2')).toBe('qcow2');
    expect(formatFromExtension('/a/b.vpc')).toBe('vhd');
    expect(formatFromExtension('/a/b')).toBeUndefined();
    expect(isFileBacked(disk({}))).toBe(true);
    expect(isFileBacked(disk({ target: '/dev/vg/lv' }))).toBe(false);
    expect(isFileBacked(disk({ backendtype: 'qdisk' }))).toBe(false);
  });
});
