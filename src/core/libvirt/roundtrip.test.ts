/**
 * Property: model → `<disk>` → model keeps every field both sides can hold (target, format,
 * vdev, access, devtype, script of the block-script kinds, backend domain, discard), for every
 * guest type; the bus and address are derived again. What libvirt cannot hold is normalised the
 * way the mapping documents: an unset backendtype comes back as the driver libvirt's converter
 * writes (qemu → qdisk; phy for script disks), a cdrom is raw and served by qdisk, RBD targets are
 * rewritten in libvirt's option order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Disk } from '../model/disk';
import type { MonHost, RbdOption } from '../model/target';
import { encodeTarget, decodeTarget } from '../xl/targets';
import { parseDiskSpec } from '../xl/diskSpec';
import { canonicalDisk, sameDisk } from '../xl/formatSpec';
import { diskToLibvirt } from './toXml';
import { readLibvirtXml } from './readXml';
import { formatLibvirtSpec } from './xlOutput';
import type { GuestType } from './guest';

const word = (chars: string, min = 1, max = 8) => fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: min, maxLength: max });
const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const pathArb = fc.array(word(`${alnum}-_.é`), { minLength: 1, maxLength: 3 }).map((p) => `/${p.join('/')}`);
const vdevArb = fc.oneof(
  word('abcdefghijklmnop', 1, 2).map((s) => `xvd${s}`),
  word('abcd', 1, 1).map((s) => `hd${s}`),
  word('abcdefgh', 1, 1).map((s) => `sd${s}`),
  fc.tuple(word('abcdef', 1, 1), fc.integer({ min: 1, max: 15 })).map(([s, n]) => `xvd${s}${n}`),
);
const hostArb: fc.Arbitrary<MonHost> = fc.record(
  { host: fc.oneof(word(`${alnum}.-`, 1, 12), fc.constantFrom('2001:db8::1', 'fe80::2', '192.0.2.7')), port: fc.integer({ min: 1, max: 65535 }) },
  { requiredKeys: ['host'] },
);
const rbdArb = fc
  .record(
    {
      pool: word(`${alnum}_-`),
      namespace: word(`${alnum}_-`),
      image: word(`${alnum}_-.:@`),
      snapshot: word(`${alnum}_-`),
      id: word(`${alnum}_-`),
      hosts: fc.array(hostArb, { minLength: 1, maxLength: 3 }),
      conf: pathArb,
    },
    { requiredKeys: ['pool', 'image'] },
  )
  .map((r) => {
    const options: RbdOption[] = [];
    if (r.id !== undefined) options.push({ kind: 'id', value: r.id });
    if (r.hosts !== undefined) options.push({ kind: 'mon_host', hosts: r.hosts, separator: '\\;' });
    if (r.conf !== undefined) options.push({ kind: 'conf', value: r.conf });
    return encodeTarget({ kind: 'rbd', pool: r.pool, ...(r.namespace && { namespace: r.namespace }), image: r.image, ...(r.snapshot && { snapshot: r.snapshot }), options }).target;
  });
const nbdArb = fc
  .record(
    {
      server: fc.oneof(
        fc.record({ transport: fc.constant('tcp' as const), host: fc.oneof(word(`${alnum}.-`), fc.constant('2001:db8::9')), port: fc.integer({ min: 1, max: 65535 }) }),
        fc.record({ transport: fc.constant('unix' as const), path: pathArb }),
      ),
      exportName: word(`${alnum}-_/`),
    },
    { requiredKeys: ['server'] },
  )
  .map((t) => encodeTarget({ kind: 'nbd', via: 'qdisk', ...t }).target);
const scriptArb = fc.oneof(
  fc.record({ script: fc.constant('block-dmmd'), target: fc.constantFrom('md;/dev/md0;lvm;/dev/vgxen/lv-vm01', 'md;/dev/md0(/etc/mdadm.conf);lvm;/dev/vg1/lv1') }),
  fc.record({ script: fc.constantFrom('block-drbd', 'block-drbd-probe'), target: word(`${alnum}-_`) }),
  fc.record({ script: fc.constant('block-npiv'), target: fc.constant('0x2100001b32a9da4e-0x50060e8010001cd1-1') }),
  fc.record({ script: fc.constant('block-iscsi'), target: fc.constant('iqn=iqn.2001-05.com.example:disk1,portal=192.0.2.10:3260') }),
  fc.record({ script: fc.constant('block-nbd'), target: fc.constant('192.0.2.20:5555') }),
);

const diskArb: fc.Arbitrary<Disk> = fc
  .record({
    kind: fc.constantFrom('path', 'rbd', 'nbd', 'script', 'cdrom', 'empty-cdrom', 'legacy-empty-cdrom'),
    path: pathArb,
    rbd: rbdArb,
    nbd: nbdArb,
    script: scriptArb,
    format: fc.constantFrom('raw', 'qcow', 'qcow2', 'vhd', 'qed'),
    vdev: vdevArb,
    access: fc.constantFrom('rw', 'ro'),
    backendtype: fc.option(fc.constantFrom('phy', 'tap', 'qdisk'), { nil: undefined }),
    backend: fc.option(word(`${alnum}-_`), { nil: undefined }),
    discard: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r): Disk => {
    const base = { format: r.format, vdev: r.vdev, access: r.access, devtype: 'disk', directIoSafe: false, ...(r.backend && { backend: r.backend }), ...(r.discard !== undefined && { discard: r.discard }) } as Disk;
    switch (r.kind) {
      case 'path':
        return { ...base, target: r.path, ...(r.backendtype && { backendtype: r.backendtype }) };
      case 'rbd':
        return { ...base, target: r.rbd, backendtype: 'qdisk' };
      case 'nbd':
        return { ...base, target: r.nbd, ...(r.backendtype === 'qdisk' && { backendtype: 'qdisk' }) };
      case 'script':
        return { ...base, ...r.script, ...(r.backendtype === 'phy' && { backendtype: 'phy' }) };
      case 'cdrom':
        return canonicalDisk({ ...base, devtype: 'cdrom', target: r.path });
      case 'legacy-empty-cdrom':
        return canonicalDisk({ ...base, devtype: 'cdrom', target: '' });
      default:
        return canonicalDisk({ ...base, devtype: 'cdrom' });
    }
  });

/** What a disk becomes after model → XML → model. */
function expected(d: Disk): Disk {
  if (d.devtype === 'cdrom') {
    const { target, ...rest } = d;
    return canonicalDisk({ ...rest, ...(target && { target }), format: 'raw', backendtype: 'qdisk' });
  }
  const backendtype = d.backendtype ?? (d.script ? 'phy' : 'qdisk');
  return { ...d, backendtype };
}

/** RBD targets compare as structures without option order (libvirt's order is fixed). */
function targetFacts(t: string | undefined) {
  if (!t?.startsWith('rbd:')) return t;
  const r = decodeTarget({ target: t });
  if (!r.ok || r.target.kind !== 'rbd') return t;
  const { options, raw: _raw, ...rest } = r.target;
  const by = (k: string) => options.filter((o) => o.kind === k);
  return { ...rest, id: by('id'), hosts: by('mon_host').flatMap((o) => (o.kind === 'mon_host' ? o.hosts : [])), conf: by('conf') };
}

describe('model → libvirt XML → model', () => {
  it('keeps every field both sides can hold', () => {
    fc.assert(
      fc.property(diskArb, fc.constantFrom<GuestType>('hvm', 'pv', 'pvh'), (d, guest) => {
        const x = diskToLibvirt(d, { guest });
        expect(x.diagnostics.filter((g) => g.severity === 'error')).toEqual([]);
        const back = readLibvirtXml(x.xml!);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const m = back.disks[0]!.disk!;
        expect(m).toBeDefined();
        const want = expected(d);
        expect({ ...m, target: targetFacts(m.target) }).toEqual({ ...want, target: targetFacts(want.target) });
        // the bus and address are derived again: no diagnostic about them for this guest
        const again = readLibvirtXml(x.xml!, { guest });
        expect(again.ok && again.disks[0]!.diagnostics.filter((g) => g.code === 'LV-BUS' || g.code === 'LV-ADDRESS')).toEqual([]);
        // and xl reads the libvirt-shaped spec as that disk
        const p = parseDiskSpec(formatLibvirtSpec(m));
        expect(p.ok && sameDisk(p.disk, m)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('and XML → model → XML gives the same canonical XML', () => {
    fc.assert(
      fc.property(diskArb, fc.constantFrom<GuestType>('hvm', 'pv', 'pvh'), (d, guest) => {
        const x = diskToLibvirt(d, { guest }).xml!;
        const r = readLibvirtXml(x);
        if (!r.ok) throw new Error('unreadable');
        expect(diskToLibvirt(r.disks[0]!.disk!, { guest }).xml).toBe(x);
      }),
      { numRuns: 500 },
    );
  });
});
