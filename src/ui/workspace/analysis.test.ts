import { describe, expect, it } from 'vitest';
import { analyze, describeInput, diskProblems, diskState } from './analysis';
import { convertText } from './convert';
import { readJob } from './jobs';
import { lazyDisks } from './lazyDisks';

describe('analysis', () => {
  it('gives each disk its diagnostics and a state', () => {
    const a = analyze("builder = 'hvm'\ndisk = [ '/srv/a.img,,hda', '/srv/b.img,,xvda', 'vdev=xvdb', '/srv/c.qcow2,,xvdc' ]\n", 'hvm');
    expect(a.disks.map((_, i) => diskState(a, i))).toEqual(['ok', 'error', 'xl', 'warning']);
    expect(diskProblems(a, 1).map((i) => a.diagnostics![i]!.code)).toContain('XL-VDEV-ALIAS');
    expect(describeInput(a)).toBe('An xl config: 4 disks.');
  });

  it('says what the text is', () => {
    const d = (t: string) => describeInput(analyze(t, 'hvm'));
    expect(d('')).toMatch(/^Nothing yet/);
    expect(d('/x,,xvda')).toBe('One xl disk spec.');
    expect(d("disk = [ '/x,,xvda' ]")).toBe('An xl disk = [ … ] line: 1 disk.');
    expect(d("<disk type='file'><source file='/x'/><target dev='xvda'/></disk>")).toBe('One libvirt <disk>: 1 disk.');
  });

  it('a worker read crosses to the main thread as columns, disks read on demand', () => {
    const r = readJob("disk = [ '/srv/a.img,,xvda', 'bad' ]\n", 'pv');
    expect(Array.from(r.from)).toEqual([9, 29]);
    expect(r.vdevs).toEqual(['xvda', null]);
    const disks = lazyDisks(structuredClone(r));
    expect(disks[0]!.disk).toMatchObject({ target: '/srv/a.img', vdev: 'xvda' });
    expect(disks[1]!.disk).toBeUndefined();
  });
});

describe('conversion', () => {
  it('xl config to a libvirt domain and back', () => {
    const xml = convertText("name = 'vm'\ntype = 'pv'\ndisk = [ 'vdev=xvda,backendtype=phy,target=/dev/vg/a' ]\n", 'hvm', 'libvirt');
    expect(xml).toBe(
      "<domain type='xen'>\n  <name>vm</name>\n  <os>\n    <type machine='xenpv'>linux</type>\n  </os>\n  <devices>\n    <disk type='block' device='disk'>\n      <driver name='phy' type='raw'/>\n      <source dev='/dev/vg/a'/>\n      <target dev='xvda' bus='xen'/>\n    </disk>\n  </devices>\n</domain>\n",
    );
    expect(convertText(xml as string, 'hvm', 'xl')).toBe(`name = "vm"\ntype = "pv"\ndisk = [ 'format=raw,vdev=xvda,access=rw,backendtype=phy,target=/dev/vg/a' ]\n`);
    expect(convertText('', 'hvm', 'xl')).toEqual({ error: 'There is nothing to convert yet.' });
  });
});
