import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli';

function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: () => stdin });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'xldisk-convert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('xldisk convert --to libvirt', () => {
  it('prints the <disk> of a spec (HVM by default), diagnostics on stderr', () => {
    const r = run(['convert', '--to', 'libvirt', '--', '/dev/vg/guest,raw,hda,w,backendtype=phy']);
    expect(r).toEqual({
      code: 0,
      out: "<disk type='block' device='disk'>\n  <driver name='phy' type='raw'/>\n  <source dev='/dev/vg/guest'/>\n  <target dev='hda' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='0'/>\n</disk>\n",
      err: '',
    });
    const e = run(['convert', '--to', 'libvirt', '--', ',hdc:cdrom,r']);
    expect(e.out).not.toContain('<source');
    expect(e.err).toMatch(/^xldisk convert: info: The empty cdrom gets no <source> element\..*\[LV-EMPTY-CDROM-SOURCE\]\n$/);
  });

  it('takes the spec as block-attach parts and --guest', () => {
    expect(run(['convert', '--to', 'libvirt', '--guest', 'pv', '--', '/x', 'raw', 'hda']).out).toContain("<target dev='hda' bus='xen'/>");
    expect(run(['convert', '--to', 'libvirt', '--guest', 'xen', '--', '/x,,hda'])).toMatchObject({ code: 2, err: expect.stringContaining('--guest takes hvm, pv or pvh') });
  });

  it('exits 1 on a spec xl rejects, with xl’s message', () => {
    const r = run(['convert', '--to', 'libvirt', '--', 'format=xvhd,vdev=xvda,target=/x']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('unknown value for format');
  });

  it('an RBD user: the secret setup on stderr, the key masked unless --reveal-key', () => {
    const spec = 'vdev=xvda,target=rbd:p/i:id=admin:key=SECRETKEY==';
    const r = run(['convert', '--to', 'libvirt', '--secret-usage', 'ceph-{id}', '--secret-uuid', '2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a', '--', spec]);
    expect(r.out).toContain("<secret type='ceph' uuid='2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a'/>");
    expect(r.err).toContain('<name>ceph-admin</name>');
    expect(r.err).toContain('virsh secret-set-value --secret 2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a --file ceph-client.admin.key');
    expect(r.out + r.err).not.toContain('SECRETKEY');
    expect(run(['convert', '--to', 'libvirt', '--reveal-key', '--', spec]).err).toContain('SECRETKEY==');
  });

  it('--config FILE: the disks in order, guest type from builder/type', () => {
    const hvm = file('hvm.cfg', 'name = "g"\nbuilder = "hvm"\ndisk = [ "/dev/vg/a,raw,hda,w", "format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/boot.iso" ]\n');
    const r = run(['convert', '--to', 'libvirt', '--config', hvm]);
    expect(r.code).toBe(0);
    expect(r.out.match(/<disk /g)).toHaveLength(2);
    expect(r.out).toContain("<target dev='hda' bus='ide'/>");
    expect(r.out.indexOf('hda')).toBeLessThan(r.out.indexOf('hdc'));
    const pv = file('pv.cfg', 'disk = [ "/x,,hda" ]\n');
    expect(run(['convert', '--to', 'libvirt', '--config', pv]).out).toContain("bus='xen'");
    const pvh = file('pvh.cfg', 'type = "pvh"\nbuilder = "hvm"\ndisk = [ "/x,,hda" ]\n');
    expect(run(['convert', '--to', 'libvirt', '--config', pvh]).out).toContain("bus='xen'");
  });

  it('--config: xl’s own messages for a broken file; a bad disk is named and skipped', () => {
    const broken = file('broken.cfg', 'disk = [ "/x,,hda" \n');
    expect(run(['convert', '--to', 'libvirt', '--config', broken])).toMatchObject({ code: 1, out: '' });
    const bad = file('bad.cfg', 'disk = [ "/x,,xvda", "format=xvhd,vdev=xvdb,target=/y" ]\n');
    const r = run(['convert', '--to', 'libvirt', '--config', bad]);
    expect(r.code).toBe(1);
    expect(r.out.match(/<disk /g)).toHaveLength(1);
    expect(r.err).toContain(`${bad}: disk 2`);
  });

  it('reads specs from standard input without --', () => {
    expect(run(['convert', '--to', 'libvirt'], '/a,,xvda\n/b,,xvdb\n').out.match(/<disk /g)).toHaveLength(2);
  });
});

describe('xldisk convert --to xl', () => {
  const domain = `<domain type='xen'>
  <os><type>hvm</type></os>
  <devices>
    <disk type='block' device='disk'>
      <driver name='phy' type='raw'/>
      <source dev='/dev/vg/a'/>
      <target dev='hda' bus='ide'/>
    </disk>
    <disk type='network' device='disk'>
      <driver name='qemu' type='raw' cache='none'/>
      <source protocol='rbd' name='p/i'>
        <host name='2001:db8::1' port='6789'/>
      </source>
      <target dev='hdb' bus='ide'/>
    </disk>
  </devices>
</domain>
`;

  it('one spec per line, from a file or standard input', () => {
    const f = file('d.xml', domain);
    const want = 'format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/a\nformat=raw,vdev=hdb,access=rw,backendtype=qdisk,target=rbd:p/i:auth_supported=none:mon_host=[2001\\:db8\\:\\:1]\\:6789\n';
    const r = run(['convert', '--to', 'xl', f]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(want);
    expect(r.err).toContain(`${f}:10:38: info: driver/@cache='none' has no xl counterpart and is dropped. [LV-XML-DROPPED]`);
    expect(run(['convert', '--to', 'xl', '-'], domain).out).toBe(want);
    expect(run(['convert', '--to', 'xl'], domain).out).toBe(want);
  });

  it('--config prints the disk = [ … ] line, backslashes doubled', () => {
    expect(run(['convert', '--to', 'xl', '--config'], domain).out).toBe(
      'disk = [ "format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/a", "format=raw,vdev=hdb,access=rw,backendtype=qdisk,target=rbd:p/i:auth_supported=none:mon_host=[2001\\\\:db8\\\\:\\\\:1]\\\\:6789" ]\n',
    );
  });

  it('XML errors with line and column; exit 1', () => {
    const r = run(['convert', '--to', 'xl'], "<disk>\n  <target dev='xvda'>\n</disk>\n");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^<stdin>:2:\d+: error: .*mismatch.* \[LV-XML\]\n$/);
  });

  it('a disk xl cannot take: exit 1, the others still printed', () => {
    const r = run(['convert', '--to', 'xl'], "<disk type='volume'><source pool='p' volume='v'/><target dev='xvda'/></disk><disk type='file'><source file='/x'/><target dev='xvdb'/></disk>");
    expect(r.code).toBe(1);
    expect(r.out).toBe('format=raw,vdev=xvdb,access=rw,target=/x\n');
    expect(r.err).toContain('[LV-SOURCE-TYPE]');
  });

  it('usage errors', () => {
    expect(run(['convert'])).toMatchObject({ code: 2, err: expect.stringContaining('--to libvirt or --to xl is required') });
    expect(run(['convert', '--to', 'json'])).toMatchObject({ code: 2 });
    expect(run(['convert', '--to', 'xl', 'a.xml', 'b.xml'])).toMatchObject({ code: 2 });
    expect(run(['convert', '--to', 'xl', join(tmp, 'missing.xml')])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
  });
});
