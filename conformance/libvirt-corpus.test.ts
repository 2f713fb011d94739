/**
 * libvirt 9.0's own xl ⇄ XML test pairs (../shared/corpus/libvirt-xl, see its README):
 *
 * - cfg → XML (pairs libvirt tests in that direction): our `<disk>` elements are libvirt's,
 *   compared as XML trees and, printed canonically, byte for byte with the text libvirt printed
 *   (re-indented to column 0);
 * - XML → cfg (pairs libvirt tests in that direction): our `disk = [ … ]` line is libvirt's, and
 *   Xen's own parser (the libxlutil harness) reads our specs as the same disks as libvirt's.
 *
 * Then xldisk's own XML documents for the places where libvirt's converter is wrong (format=xvhd,
 * access=!, empty backendtype=, single-backslash IPv6 monitors, lost RBD auth/snapshot/conf,
 * NBD, SUSE script form): Xen's config reader and disk parser must accept what we write, as the
 * disks we mean.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libvirtToXl, xlConfigToLibvirt } from '../src/core/libvirt';
import { parseXml } from '../src/core/libvirt/xmlParse';
import { type XEl, child, childrenNamed, printXml, stripTree } from '../src/core/libvirt/xmlTree';
import { diskItems, readXlConfig } from '../src/core/xl/config';
import { parseDiskSpec } from '../src/core/xl/diskSpec';
import fc from 'fast-check';
import { diskToLibvirt, type GuestType } from '../src/core/libvirt';
import { decodeTarget } from '../src/core/xl/targets';
import { canonicalDiskArb } from '../src/core/model/disk.arbitrary';
import { formatDiskSpec } from '../src/core/xl/formatSpec';
import { diskSpecParts } from './generators';
import { oracleConfig, oracleParseMany } from './oracle';
import { haveOracle, oraclePath, sharedCorpus, warnSkipped } from './shared';

const dir = resolve(sharedCorpus, 'libvirt-xl');

/** Per the corpus README (the DO_TEST* macros of libvirt's xlconfigtest.c). */
const CFG_TO_XML_ONLY = new Set([
  'disk-positional-parms-full',
  'disk-positional-parms-partial',
  'disk-qed',
  'paravirt-cmdline-extra-root',
  'paravirt-cmdline-bogus-extra-root',
  'fullvirt-direct-kernel-boot-extra',
  'fullvirt-direct-kernel-boot-bogus-extra',
]);
const XML_TO_CFG_ONLY = new Set(['fullvirt-vnuma-autocomplete', 'fullvirt-vnuma-nodistances', 'fullvirt-vnuma-partialdist']);

function domainDisks(xml: string): XEl[] {
  const p = parseXml(xml);
  if (!p.ok) throw new Error(p.error.message);
  const devices = child(p.roots[0]!, 'devices');
  return devices ? childrenNamed(devices, 'disk') : [];
}

/** The `<disk>` blocks exactly as libvirt printed them, moved from column 4 to column 0. */
function diskTexts(xml: string): string[] {
  return [...xml.matchAll(/^ {4}<disk [\s\S]*?^ {4}<\/disk>\n/gm)].map((m) => m[0].replace(/^ {4}/gm, ''));
}

const diskLine = (cfg: string) => cfg.split('\n').find((l) => l.startsWith('disk = ')) ?? '';

/** What the libxlutil harness says of each spec; fields compared: the whole libxl JSON. */
function oracleDisks(specs: readonly string[]) {
  return oracleParseMany(specs.map((s) => [s]));
}

describe('libvirt corpus: xl → XML', () => {
  if (!existsSync(dir)) {
    warnSkipped('the libvirt xl ⇄ XML corpus', `${dir} does not exist`);
    it.skip('corpus absent', () => {});
    return;
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => f.slice('test-'.length, -'.cfg'.length))
    .sort();
  it('has the 43 pairs', () => expect(names.length).toBe(43));

  for (const name of names.filter((n) => !XML_TO_CFG_ONLY.has(n))) {
    it(`${name}: libvirt's <disk> elements`, () => {
      const cfg = readFileSync(join(dir, `test-${name}.cfg`), 'utf8');
      const xml = readFileSync(join(dir, `test-${name}.xml`), 'utf8');
      const r = xlConfigToLibvirt(cfg);
      expect(r.ok).toBe(true);
      const theirs = domainDisks(xml);
      expect(theirs.length).toBeGreaterThan(0);
      expect(diskTexts(xml).length).toBe(theirs.length);
      expect(r.disks.map((d) => d.diagnostics.filter((x) => x.severity !== 'info'))).toEqual(r.disks.map(() => []));
      // as XML trees
      expect(r.disks.map((d) => d.element && stripTree(d.element))).toEqual(theirs.map(stripTree));
      // and byte for byte
      expect(r.disks.map((d) => d.xml)).toEqual(diskTexts(xml));
      // our printer gives libvirt's text for libvirt's own trees too
      expect(theirs.map((t) => printXml(stripTree(t)))).toEqual(diskTexts(xml));
    });
  }
});

describe('libvirt corpus: XML → xl', () => {
  if (!existsSync(dir)) return;
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => f.slice('test-'.length, -'.cfg'.length))
    .filter((n) => !CFG_TO_XML_ONLY.has(n))
    .sort();

  for (const name of names) {
    it(`${name}: libvirt's disk line`, () => {
      const cfg = readFileSync(join(dir, `test-${name}.cfg`), 'utf8');
      const xml = readFileSync(join(dir, `test-${name}.xml`), 'utf8');
      const r = libvirtToXl(xml);
      expect(r.read.ok).toBe(true);
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(diskLine(cfg)).not.toBe('');
      expect(r.setting).toBe(diskLine(cfg));
      const theirs = diskItems(readXlConfig(cfg)).map((i) => i.spec);
      expect(r.specs).toEqual(theirs);
      // and our own parser reads each as the disk the XML describes
      for (const s of r.specs) expect(parseDiskSpec(s).ok).toBe(true);
    });
  }

  if (!haveOracle()) {
    warnSkipped('reading the XML → xl corpus output with libxlutil', `${oraclePath} is not built`);
    return;
  }
  it('Xen reads our specs as the same disks as libvirt’s (all pairs, one harness run)', () => {
    const ours: string[] = [];
    const theirs: string[] = [];
    for (const name of names) {
      const cfg = readFileSync(join(dir, `test-${name}.cfg`), 'utf8');
      const xml = readFileSync(join(dir, `test-${name}.xml`), 'utf8');
      const mine = libvirtToXl(xml).specs;
      const libvirt = diskItems(readXlConfig(cfg)).map((i) => i.spec);
      expect(mine.length, name).toBe(libvirt.length);
      ours.push(...mine);
      theirs.push(...libvirt);
    }
    const a = oracleDisks(ours);
    const b = oracleDisks(theirs);
    for (const d of a) expect(d).not.toHaveProperty('error');
    expect(a).toEqual(b);
  });
});

// ------------------------------------------------------------------------------------------
// Where libvirt's converter is wrong: what we write instead must be what Xen reads.

type Own = { name: string; xml: string; expect: Record<string, unknown>[]; codes: string[] };

const OWN: Own[] = [
  {
    name: 'vhd stays vhd (libvirt: format=xvhd)',
    xml: "<disk type='file' device='disk'><driver name='tap' type='vhd'/><source file='/images/a.vhd'/><target dev='xvda' bus='xen'/></disk>",
    expect: [{ pdev_path: '/images/a.vhd', vdev: 'xvda', backend: 'tap', format: 'vhd', readwrite: 1 }],
    codes: ['LV-FORMAT-VHD'],
  },
  {
    name: 'shareable gives a diagnostic (libvirt: access=!)',
    xml: "<disk type='block' device='disk'><driver name='phy' type='raw'/><source dev='/dev/vg/shared'/><target dev='xvdb' bus='xen'/><shareable/></disk>",
    expect: [{ pdev_path: '/dev/vg/shared', vdev: 'xvdb', backend: 'phy', format: 'raw', readwrite: 1 }],
    codes: ['LV-SHAREABLE'],
  },
  {
    name: 'unknown driver name: no backendtype (libvirt: backendtype=)',
    xml: "<disk type='file' device='disk'><driver name='vbox' type='raw'/><source file='/images/b.img'/><target dev='xvdc' bus='xen'/></disk>",
    expect: [{ pdev_path: '/images/b.img', vdev: 'xvdc', format: 'raw', readwrite: 1 }],
    codes: ['LV-DRIVER-NAME'],
  },
  {
    name: 'RBD with auth, snapshot, config and an IPv6 monitor',
    xml: `<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='rbd' name='pool/image'>
    <host name='mon1.example.org' port='6789'/>
    <host name='2001:db8::1' port='6789'/>
    <host name='192.0.2.3'/>
    <snapshot name='snap1'/>
    <config file='/etc/ceph/ceph.conf'/>
    <auth username='libvirt'>
      <secret type='ceph' usage='client.libvirt secret'/>
    </auth>
  </source>
  <target dev='xvdd' bus='xen'/>
</disk>`,
    expect: [
      {
        pdev_path: 'rbd:pool/image@snap1:id=libvirt:auth_supported=cephx\\;none:mon_host=mon1.example.org\\:6789\\;[2001\\:db8\\:\\:1]\\:6789\\;192.0.2.3:conf=/etc/ceph/ceph.conf',
        vdev: 'xvdd',
        backend: 'qdisk',
        format: 'raw',
        readwrite: 1,
      },
    ],
    codes: ['LV-RBD-KEPT', 'LV-RBD-IPV6', 'LV-RBD-KEPT'],
  },
  {
    name: 'NBD over TCP and a unix socket (libvirt: refused)',
    xml: `<devices>
  <disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='nbd' name='export1'><host name='nbd.example.org' port='10809'/></source><target dev='xvde' bus='xen'/></disk>
  <disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='nbd'><host transport='unix' socket='/run/nbd.sock'/></source><target dev='xvdf' bus='xen'/></disk>
</devices>`,
    expect: [
      { pdev_path: 'nbd:nbd.example.org:10809:exportname=export1', vdev: 'xvde', backend: 'qdisk', format: 'raw', readwrite: 1 },
      { pdev_path: 'nbd:unix:/run/nbd.sock', vdev: 'xvdf', backend: 'qdisk', format: 'raw', readwrite: 1 },
    ],
    codes: ['LV-NBD-XL', 'LV-NBD-XL'],
  },
  {
    name: "SUSE's block-script form goes back to script=",
    xml: "<disk type='block' device='disk'><driver name='phy' type='raw'/><source dev='dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'/><target dev='xvdg' bus='xen'/></disk>",
    expect: [{ pdev_path: 'md;/dev/md0;lvm;/dev/vgxen/lv-vm01', vdev: 'xvdg', backend: 'phy', format: 'raw', script: 'block-dmmd', readwrite: 1 }],
    codes: ['LV-SCRIPT-XL'],
  },
  {
    name: 'discard and backenddomain come back (libvirt: dropped)',
    xml: "<disk type='file' device='disk'><driver name='qemu' type='qcow2' discard='unmap' cache='none'/><source file='/images/c.qcow2'/><backenddomain name='stordom'/><target dev='xvdh' bus='xen'/><serial>abc</serial></disk>",
    expect: [{ backend_domname: 'stordom', pdev_path: '/images/c.qcow2', vdev: 'xvdh', backend: 'qdisk', format: 'qcow2', readwrite: 1, discard_enable: 'True' }],
    codes: ['LV-XML-DROPPED', 'LV-XML-DROPPED'],
  },
  {
    name: 'empty cdrom and tap2',
    xml: "<devices><disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/><readonly/></disk><disk type='file' device='disk'><driver name='tap2' type='raw'/><source file='/images/d.img'/><target dev='hdd' bus='ide'/></disk></devices>",
    expect: [
      { vdev: 'hdc', backend: 'qdisk', format: 'empty', removable: 1, is_cdrom: 1 },
      { pdev_path: '/images/d.img', vdev: 'hdd', backend: 'tap', format: 'raw', readwrite: 1 },
    ],
    codes: ['LV-DRIVER-NAME'],
  },
];

describe('libvirt → xl where libvirt is wrong: Xen accepts ours', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'xldisk-libvirt-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  for (const c of OWN) {
    it(c.name, () => {
      const r = libvirtToXl(c.xml);
      expect(r.diagnostics.map((d) => d.code)).toEqual(c.codes);
      expect(r.specs.map((s) => parseDiskSpec(s).ok)).toEqual(c.expect.map(() => true));
      if (!haveOracle()) return;
      // the specs as Xen's disk parser reads them …
      expect(oracleDisks(r.specs)).toEqual(c.expect);
      // … and the config line as Xen's config reader reads it (escaping)
      const file = join(tmp, 'cfg');
      writeFileSync(file, `${r.setting}\n`);
      const read = oracleConfig(file) as { cfg_rc: number; items: { spec: string }[] };
      expect(read.cfg_rc).toBe(0);
      expect(read.items.map((i) => i.spec)).toEqual(r.specs);
    });
  }
  if (!haveOracle()) warnSkipped('checking the fixed libvirt faults against libxlutil', `${oraclePath} is not built`);
});

// ------------------------------------------------------------------------------------------
// Generated specs: xl → XML → xl, and Xen reads back what we write as the same disk.

const RUNS = Number(process.env.XLDISK_LIBVIRT_RUNS ?? 3000);

describe('xl → libvirt → xl on generated specs: Xen reads the result as the same disk', () => {
  if (!haveOracle()) {
    warnSkipped('the xl → libvirt → xl differential', `${oraclePath} is not built`);
    it.skip('oracle absent', () => {});
    return;
  }
  it(`keeps vdev, devtype, access, format and plain targets (${RUNS} samples)`, () => {
    const seed = Number(process.env.XLDISK_SEED ?? Date.now() % 2 ** 31);
    const guests: GuestType[] = ['hvm', 'pv', 'pvh'];
    const cases: { spec: string; want: Record<string, unknown>; from: string }[] = [];
    const specs = [
      ...fc.sample(diskSpecParts, { numRuns: RUNS, seed }),
      ...fc.sample(canonicalDiskArb, { numRuns: RUNS, seed }).map((d) => [formatDiskSpec(d, { style: 'explicit' })]),
    ];
    specs.forEach((parts, i) => {
      const p = parseDiskSpec(parts);
      if (!p.ok) return;
      const d = p.disk;
      const x = diskToLibvirt(d, { guest: guests[i % 3]! });
      if (!x.xml) return;
      const back = libvirtToXl(x.xml);
      if (back.specs.length === 0) {
        // only a disk libvirt cannot hold either (an empty vdev…), and we warned on the way out
        expect(x.diagnostics.some((g) => g.severity === 'warning'), JSON.stringify(parts)).toBe(true);
        return;
      }
      // XML cannot carry control characters (LV-CONTROL-CHARS): nothing to compare
      if (x.diagnostics.some((g) => g.code === 'LV-CONTROL-CHARS')) return;
      const cdrom = d.devtype === 'cdrom';
      const want: Record<string, unknown> = { vdev: d.vdev, is_cdrom: cdrom ? 1 : undefined, readwrite: !cdrom && d.access === 'rw' ? 1 : undefined };
      if (!cdrom) want.format = d.format === 'empty' ? 'raw' : d.format;
      const kind = decodeTarget({ target: d.target ?? '', ...(d.script && { script: d.script }) });
      const plain = kind.ok && (kind.target.kind === 'path' || (kind.target.kind === 'opaque' && !d.script));
      if (plain && d.target !== '') want.pdev_path = d.target;
      if (d.script && x.diagnostics.some((g) => g.code === 'LV-SCRIPT-FORM')) want.script = `block-${d.script.slice(d.script.lastIndexOf('/') + 1).slice(6)}`;
      cases.push({ spec: back.specs[0]!, want, from: JSON.stringify(parts) });
    });
    expect(cases.length).toBeGreaterThan(RUNS / 2);
    const read = oracleDisks(cases.map((c) => c.spec));
    const bad: string[] = [];
    read.forEach((r, i) => {
      const c = cases[i]!;
      const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, (r as Record<string, unknown>)[k]]));
      if ('error' in r || JSON.stringify(got) !== JSON.stringify(c.want)) bad.push(`${c.from}\n  wrote: ${c.spec}\n  xl:    ${JSON.stringify(r)}\n  want:  ${JSON.stringify(c.want)}`);
    });
    expect(bad.slice(0, 5).join('\n')).toBe('');
  });
});
