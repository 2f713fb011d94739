import { describe, expect, it } from 'vitest';
import { formatDiskSpec, formatPositional } from '../../core/xl/formatSpec';
import { parseDiskSpec } from '../../core/xl/diskSpec';
import { buildDisk } from './build';
import { defaultValues, valuesFromDisk, type FormValues } from './kinds';

const ctx = { guest: 'hvm' as const, others: [] };
const values = (kind: FormValues['kind'], patch: Partial<FormValues>): FormValues => ({ ...defaultValues(kind, 'hvm', []), ...patch });

describe('buildDisk', () => {
  it('gives the seed cdrom', () => {
    const b = buildDisk(values('cdrom', { path: '/root/image.iso' }), ctx);
    expect(b.errors).toEqual([]);
    expect(formatDiskSpec(b.disk!, { style: 'explicit' })).toBe('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso');
    expect(formatPositional(b.disk!)).toBe('/root/image.iso,raw,hdc,ro,cdrom');
  });

  it('gives the seed NBD disk', () => {
    const b = buildDisk(values('nbd', { vdev: 'hdc', nbdHost: '151.155.144.82', nbdPort: '5555' }), ctx);
    expect(b.errors).toEqual([]);
    expect(b.spec).toBe('vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555');
  });

  it('gives the seed RBD disk', () => {
    const b = buildDisk(
      values('rbd', {
        vdev: 'hdc',
        pool: 'libvirt-pool',
        image: 'new-libvirt-image',
        cephId: 'libvirt',
        key: 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==',
        authSupported: 'cephx;none',
        monitors: ['205', '206', '207'].map((n) => ({ host: `137.65.135.${n}`, port: '6789' })),
      }),
      ctx,
    );
    expect(b.errors).toEqual([]);
    expect(b.spec).toBe(
      String.raw`vdev=hdc,backendtype=qdisk,target=rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx\;none:mon_host=137.65.135.205\:6789\;137.65.135.206\:6789\;137.65.135.207\:6789`,
    );
  });

  it('explains phy with qcow2 and still writes the disk', () => {
    const b = buildDisk(values('block', { path: '/dev/vg/a', format: 'qcow2' }), ctx);
    expect(b.disk).toBeDefined();
    expect(b.errors).toEqual([{ path: 'backendtype', message: expect.stringContaining('raw data only') }]);
  });

  it('writes nothing while a monitor port is not a number', () => {
    const b = buildDisk(values('rbd', { pool: 'p', image: 'i', monitors: [{ host: 'm', port: '67x' }] }), ctx);
    expect(b.disk).toBeUndefined();
    expect(b.errors).toEqual([{ path: 'monitors.0.port', message: 'a port is a number from 1 to 65535' }]);
  });

  it('reports a vdev clash with an alias', () => {
    const b = buildDisk(values('file', { path: '/a.img', vdev: 'xvda' }), { guest: 'hvm', others: [{ vdev: 'hda', position: 1 }] });
    expect(b.errors[0]).toMatchObject({ path: 'vdev' });
  });

  it.each([
    'format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,discard,target=/srv/vm/a.qcow2',
    'vdev=xvda,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01',
    'vdev=xvdb,script=block-drbd-probe,target=drbd-resource0',
    'vdev=xvdc,script=block-npiv,target=npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1',
    'vdev=xvdd,script=block-iscsi,target=iqn=iqn.2001-05.com.example:x,portal=10.0.0.1:3260',
    String.raw`vdev=hdc,backendtype=qdisk,target=rbd:libvirt-pool/new-libvirt-image:id=libvirt:key=AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==:auth_supported=cephx;none:mon_host=137.65.135.205\:6789;137.65.135.206\:6789;137.65.135.207\:6789`,
    'vdev=xvde,backendtype=qdisk,target=nbd:unix:/run/nbd.sock:exportname=disk0',
    'vdev=hdc,devtype=cdrom',
    'vdev=xvdf,script=block-enbd,target=10.0.0.5:2000',
    '/dev/vg/guest-volume,,hda',
  ])('opens and rebuilds %s unchanged', (spec) => {
    const p = parseDiskSpec(spec);
    if (!p.ok) throw new Error('bad test spec');
    const b = buildDisk(valuesFromDisk(p.disk, 'hvm'), ctx);
    expect(b.disk).toEqual(p.disk);
  });
});
