/**
 * Every `<disk>` xldisk writes, wrapped in a minimal Xen domain of each guest type, passes
 * libvirt 9.0's schema (`virt-xml-validate FILE domain`, Debian's libvirt-clients; it runs
 * xmllint). So does the `<secret>` it suggests for a Ceph key. The SUSE block-script form is the
 * one deliberate exception (upstream libvirt's schema does not know it): its own test pins the
 * shape and shows the schema's verdict.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type GuestType, libvirtToXl, osTypeFor, rbdSecret, specToLibvirt, xlConfigToLibvirt } from '../src/core/libvirt';
import { sharedCorpus, warnSkipped } from './shared';

const run = promisify(execFile);

/** Disk specs covering every shape the mapper writes. */
export const SCHEMA_SPECS: [string, string][] = [
  ['file, raw', 'format=raw,vdev=xvda,target=/var/lib/xen/images/a.img'],
  ['file, qcow2 (qdisk)', 'format=qcow2,vdev=hda,backendtype=qdisk,target=/var/lib/xen/images/b.qcow2'],
  ['block, phy', '/dev/vg/guest,raw,hdb,w,backendtype=phy'],
  ['legacy phy: prefix (no backendtype)', 'phy:/dev/vg/lv,xvdb,w'],
  ['tap, vhd', 'format=vhd,vdev=xvdc,backendtype=tap,target=/var/lib/xen/images/c.vhd'],
  ['qed', 'format=qed,vdev=xvdd,target=/var/lib/xen/images/d.qed'],
  ['read-only disk', 'vdev=xvde,access=ro,target=/var/lib/xen/images/ro.img'],
  ['cdrom, iso', '/root/boot.iso,raw,hdc,ro,devtype=cdrom'],
  ['cdrom, empty (legacy ,hdc:cdrom,r)', ',hdc:cdrom,r'],
  ['cdrom, empty (no target)', 'vdev=hdd,devtype=cdrom'],
  ['scsi disk', 'vdev=sda,target=/var/lib/xen/images/s.img'],
  ['scsi disk, second controller', 'vdev=sdh,target=/var/lib/xen/images/s8.img'],
  ['ide, second controller', 'vdev=hde,target=/var/lib/xen/images/e.img'],
  ['vd name (ide in HVM)', 'vdev=vda,target=/var/lib/xen/images/v.img'],
  [
    'RBD, auth, 3 monitors incl. IPv6, snapshot, conf',
    'vdev=xvdf,backendtype=qdisk,target=rbd:pool/image@snap1:id=admin:key=AQBvaWxlcnBsYXRla2V5Zm9yZXhhbXBsZQ==:auth_supported=cephx\\;none:mon_host=mon1.example.org\\:6789\\;[2001\\:db8\\:\\:1]\\:6789\\;192.0.2.3:conf=/etc/ceph/ceph.conf',
  ],
  ['RBD, no auth (libvirt test)', 'format=raw,vdev=hdb,access=rw,backendtype=qdisk,target=rbd:pool/image:auth_supported=none:mon_host=mon1.example.org\\:6321\\;mon2.example.org\\:6322\\;mon3.example.org\\:6322'],
  ['RBD, no monitors', 'vdev=xvdg,backendtype=qdisk,target=rbd:rbd/vm01-disk'],
  ['RBD cdrom', 'vdev=hdd,devtype=cdrom,backendtype=qdisk,target=rbd:isos/debian.iso:mon_host=mon1'],
  ['NBD, tcp', 'vdev=xvdh,backendtype=qdisk,target=nbd:nbd.example.org:10809:exportname=disk1'],
  ['NBD, tcp IPv6', 'vdev=xvdi,backendtype=qdisk,target=nbd:[2001:db8::5]:10809'],
  ['NBD, unix socket', 'vdev=xvdj,backendtype=qdisk,target=nbd:unix:/run/nbd/disk.sock:exportname=e'],
  ['discard', 'vdev=xvdk,discard,target=/var/lib/xen/images/k.img'],
  ['no-discard', 'vdev=xvdl,no-discard,backendtype=phy,target=/dev/vg/l'],
  ['backenddomain', 'vdev=xvdm,backend=storage-dom,backendtype=phy,target=/dev/vg/m'],
  ['keys without a counterpart', 'vdev=xvdn,direct-io-safe,specification=xen,target=/var/lib/xen/images/n.img'],
];

/** XML inputs whose xl round trip (XML → xl → XML) must also give valid XML. */
const XML_INPUTS = [
  "<disk type='file' device='disk'><driver name='tap' type='vhd'/><source file='/images/a.vhd'/><target dev='xvda' bus='xen'/></disk>",
  "<disk type='block' device='disk'><driver name='phy' type='raw'/><source dev='/dev/vg/shared'/><target dev='xvdb' bus='xen'/><shareable/></disk>",
  "<disk type='file' device='disk'><driver name='qemu' type='qcow2' discard='ignore' cache='none'/><source file='/images/c.qcow2'/><backenddomain name='stordom'/><target dev='sdc' bus='scsi'/><serial>abc</serial><address type='drive' controller='0' bus='0' target='0' unit='2'/></disk>",
];

function domain(disks: string, guest: GuestType): string {
  const os = osTypeFor(guest);
  const indented = disks.replace(/^(?=.)/gm, '    ');
  return `<domain type='xen'>
  <name>xldisk-schema-test</name>
  <memory unit='KiB'>524288</memory>
  <os>
    <type arch='x86_64' machine='${os.machine}'>${os.type}</type>
  </os>
  <devices>
${indented}  </devices>
</domain>
`;
}

function validatorWorks(): string | undefined {
  const r = spawnSync('virt-xml-validate', ['--version'], { encoding: 'utf8' });
  if (r.error) return 'virt-xml-validate is not installed (Debian package libvirt-clients)';
  const x = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (x.error) return 'xmllint is not installed (Debian package libxml2-utils), which virt-xml-validate runs';
  return undefined;
}

const tmp = mkdtempSync(join(tmpdir(), 'xldisk-schema-'));
let n = 0;
async function validate(text: string, kind: 'domain' | 'secret'): Promise<{ ok: boolean; output: string }> {
  const file = join(tmp, `${kind}-${n++}.xml`);
  writeFileSync(file, text);
  try {
    const r = await run('virt-xml-validate', [file, kind]);
    return { ok: true, output: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? err.message}\n--- ${file}\n${text}` };
  }
}

const GUESTS: GuestType[] = ['hvm', 'pv', 'pvh'];

afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const missing = validatorWorks();

describe('libvirt schema (virt-xml-validate)', () => {
  if (missing) {
    warnSkipped('validating generated libvirt XML against the schema', missing);
    it.skip('virt-xml-validate absent', () => {});
    return;
  }

  for (const guest of GUESTS) {
    for (const [name, spec] of SCHEMA_SPECS) {
      it.concurrent(`${guest}: ${name}`, async () => {
        const r = specToLibvirt(spec, { guest });
        expect(r.diagnostics.filter((d) => d.code === 'LV-SOURCE-SCHEMA' || d.code === 'LV-TARGET-DEV-SCHEMA' || d.severity === 'error')).toEqual([]);
        expect(r.xml).toBeDefined();
        const v = await validate(domain(r.xml!, guest), 'domain');
        expect(v.output).toContain('validates');
        expect(v.ok).toBe(true);
      });
    }
    it.concurrent(`${guest}: all of them in one domain`, async () => {
      const xml = SCHEMA_SPECS.map(([, spec]) => specToLibvirt(spec, { guest }).xml ?? '').join('');
      const v = await validate(domain(xml, guest), 'domain');
      expect(v.ok, v.output).toBe(true);
    });
  }

  it.concurrent('XML → xl → XML round trips stay valid', async () => {
    for (const input of XML_INPUTS) {
      const specs = libvirtToXl(input).specs;
      expect(specs.length).toBe(1);
      for (const guest of GUESTS) {
        const v = await validate(domain(specToLibvirt(specs[0]!, { guest }).xml!, guest), 'domain');
        expect(v.ok, v.output).toBe(true);
      }
    }
  });

  const corpus = resolve(sharedCorpus, 'libvirt-xl');
  if (existsSync(corpus)) {
    it.concurrent('the disks we write for the libvirt corpus configs', async () => {
      for (const f of readdirSync(corpus).filter((x) => x.endsWith('.cfg'))) {
        const r = xlConfigToLibvirt(readFileSync(join(corpus, f), 'utf8'));
        const v = await validate(domain(r.xml, r.guest), 'domain');
        expect(v.ok, `${f}: ${v.output}`).toBe(true);
      }
    });
  }

  it.concurrent('the <secret> suggested for a Ceph key', async () => {
    const s = rbdSecret({ username: 'admin', key: 'AQBvaWxlcnBsYXRla2V5Zm9yZXhhbXBsZQ==' });
    const v = await validate(s.xml, 'secret');
    expect(v.ok, v.output).toBe(true);
  });

  it.concurrent('what libvirt itself writes for an empty legacy cdrom fails, ours passes', async () => {
    const theirs = "<disk type='file' device='cdrom'>\n  <driver name='qemu' type='raw'/>\n  <source file=''/>\n  <target dev='hdc' bus='ide'/>\n  <readonly/>\n</disk>\n";
    expect((await validate(domain(theirs, 'hvm'), 'domain')).ok).toBe(false);
    expect((await validate(domain(specToLibvirt(',hdc:cdrom,r').xml!, 'hvm'), 'domain')).ok).toBe(true);
  });
});

describe("SUSE's block-script form (deliberately outside upstream libvirt's schema)", () => {
  it('is <disk type=block> with <source dev=SCRIPT:PARAMS/> and driver phy', () => {
    const r = specToLibvirt('vdev=xvdb,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01', { guest: 'pv' });
    expect(r.xml).toBe(
      "<disk type='block' device='disk'>\n" +
        "  <driver name='phy' type='raw'/>\n" +
        "  <source dev='dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'/>\n" +
        "  <target dev='xvdb' bus='xen'/>\n" +
        '</disk>\n',
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LV-SCRIPT-FORM']);
    expect(libvirtToXl(r.xml!).specs).toEqual(['format=raw,vdev=xvdb,access=rw,backendtype=phy,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01']);
  });

  it.each([
    ['drbd', 'drbd:r0,xvdc,w', "<source dev='drbd:r0'/>"],
    ['drbd-probe', 'vdev=xvdc,script=block-drbd-probe,target=r0', "<source dev='drbd-probe:r0'/>"],
    ['npiv', 'vdev=xvdd,script=block-npiv,target=npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1', "<source dev='npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1'/>"],
    ['iscsi', 'vdev=xvde,script=block-iscsi,target=iqn=iqn.2001-05.com.example:disk1,portal=192.0.2.10:3260', "<source dev='iscsi:iqn=iqn.2001-05.com.example:disk1,portal=192.0.2.10:3260'/>"],
    ['nbd', 'nbd:192.0.2.20:5555,xvdf,w', "<source dev='nbd:192.0.2.20:5555'/>"],
  ])('%s', (_name, spec, source) => {
    const r = specToLibvirt(spec, { guest: 'pv' });
    expect(r.xml).toContain(source);
    expect(r.xml).toContain("<disk type='block' device='disk'>");
  });

  it.skipIf(missing !== undefined)('the schema rejects the dmmd example (hence the exception)', async () => {
    const r = specToLibvirt('vdev=xvdb,script=block-dmmd,target=md;/dev/md0;lvm;/dev/vgxen/lv-vm01', { guest: 'pv' });
    expect((await validate(domain(r.xml!, 'pv'), 'domain')).ok).toBe(false);
  });
});
