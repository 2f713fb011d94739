import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDiskArb } from '../model/disk.arbitrary';
import { DiskSchema } from '../model/disk';
import { parseDiskSpec } from './diskSpec';
import { canonicalDisk, formatDiskSpec, formatPositional, sameDisk } from './formatSpec';

const parsed = (s: string | string[]) => {
  const r = parseDiskSpec(s);
  if (!r.ok) throw new Error(`xl rejects ${JSON.stringify(s)}: ${r.errors[0].message}`);
  return r.disk;
};

describe('formatDiskSpec', () => {
  it('writes the seed cdrom in the explicit style and its positional form', () => {
    const d = parsed('/root/image.iso,,hdc,cdrom');
    expect(formatDiskSpec(d, { style: 'explicit' })).toBe('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso');
    expect(formatPositional(d)).toBe('/root/image.iso,raw,hdc,ro,cdrom');
    expect(formatPositional(d, { style: 'minimal' })).toBe('/root/image.iso,,hdc,cdrom');
  });

  it('writes the seed NBD disk as the documentation does', () => {
    const d = parsed('vdev=hdc, backendtype=qdisk, target=nbd:151.155.144.82:5555');
    expect(formatDiskSpec(d)).toBe('vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555');
    expect(formatPositional(d)).toBeUndefined();
  });

  it('writes an empty cdrom without target or format', () => {
    expect(formatDiskSpec(parsed(',hdc:cdrom,r'))).toBe('vdev=hdc,devtype=cdrom,target=');
    expect(formatDiskSpec(parsed('vdev=hdc,devtype=cdrom'))).toBe('vdev=hdc,devtype=cdrom');
    expect(formatDiskSpec(parsed('vdev=hdc,devtype=cdrom'), { style: 'explicit' })).toBe('format=empty,vdev=hdc,access=ro,devtype=cdrom');
  });

  it('keeps a target ending in a comma by doubling it', () => {
    const d = parsed('vdev=xvda,target=/a,,');
    expect(d.target).toBe('/a,');
    expect(formatDiskSpec(d)).toBe('vdev=xvda,target=/a,,');
  });

  it('puts every key in canonical order with target last', () => {
    const d = parsed('target=/x,,'.slice(0, 0) + 'no-discard,colo,direct-io-safe,backend=dd,script=block-x,backendtype=phy,vdev=xvdb,access=ro,format=qcow2,specification=xen,colo-port=7,target=/x');
    expect(formatDiskSpec(d)).toBe('format=qcow2,vdev=xvdb,access=ro,backendtype=phy,script=block-x,backend=dd,specification=xen,colo-port=7,direct-io-safe,no-discard,colo,target=/x');
  });

  it('writes 4.19-only flags only for 4.19', () => {
    const d = { ...parsed('/x,,xvda'), trusted: false, grantUsage: true };
    expect(formatDiskSpec(d)).toBe('vdev=xvda,target=/x');
    expect(formatDiskSpec(d, { xen: '4.19' })).toBe('vdev=xvda,untrusted,grant_usage=1,target=/x');
  });

  it('has no positional form when the target would read differently', () => {
    expect(formatPositional(parsed('vdev=xvda,target=/a,b'))).toBeUndefined();
    expect(formatPositional(parsed('vdev=xvda,target=nbd:h:1'))).toBeUndefined();
    expect(formatPositional(parsed('vdev=xvda,target= /x'))).toBeUndefined();
    expect(formatPositional(parsed('vdev=xvda,target=phy:/x'))).toBeUndefined();
  });

  it('property: parse(format(m)) equals m in both styles, and the positional form when there is one', () => {
    fc.assert(
      fc.property(canonicalDiskArb, fc.constantFrom('minimal', 'explicit') as fc.Arbitrary<'minimal' | 'explicit'>, (m, style) => {
        const spec = formatDiskSpec(m, { style });
        const back = parseDiskSpec(spec);
        expect(back.ok && back.disk).toEqual(m);
        const pos = formatPositional(m, { style });
        if (pos !== undefined) expect(parsed(pos)).toEqual(m);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the libvirt style means the same disk (an empty cdrom loses only its empty target)', () => {
    fc.assert(
      fc.property(canonicalDiskArb, (m) => {
        const back = parseDiskSpec(formatDiskSpec(m, { style: 'libvirt' }));
        const expected = m.devtype === 'cdrom' && m.target === '' ? { ...m, target: undefined } : m;
        expect(back.ok && sameDisk(back.disk, expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(formatDiskSpec(parsed(',hdc:cdrom,r'), { style: 'libvirt' })).toBe('format=raw,vdev=hdc,access=ro,devtype=cdrom');
    expect(formatDiskSpec(parsed('backendtype=phy,/dev/sr0,,hdc,cdrom'), { style: 'libvirt' })).toBe('format=raw,vdev=hdc,access=ro,backendtype=phy,devtype=cdrom,target=/dev/sr0');
  });

  it('property: format(parse(s)) is a fixed point', () => {
    const piece = fc.constantFrom('/x', 'xvda', 'hdc', 'raw', 'qcow2', 'ro', 'cdrom', 'discard', 'vdev=xvdb', 'target=/a,b', 'phy:/dev/sda',
      'tap:qcow2:/i', 'backendtype=phy', 'script=block-x', 'access=rw', 'format=vhd', ',hdc:cdrom', ' ', '', 'colo-port=3', 'backend=d');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(',')), (s) => {
        const r = parseDiskSpec(s);
        if (!r.ok) return;
        const f = formatDiskSpec(r.disk);
        const again = parsed(f);
        expect(sameDisk(again, r.disk)).toBe(true);
        expect(formatDiskSpec(again)).toBe(f);
      }),
      { numRuns: 3000 },
    );
  });

  it('canonicalDisk makes cdroms read-only and empty without a target', () => {
    const d = { ...parsed('/x,,xvda'), devtype: 'cdrom' as const, target: undefined };
    expect(canonicalDisk(d)).toMatchObject({ access: 'ro', format: 'empty' });
  });

  it('every model the generator makes satisfies the schema', () => {
    fc.assert(fc.property(canonicalDiskArb, (m) => DiskSchema.safeParse(m).success), { numRuns: 500 });
  });
});
