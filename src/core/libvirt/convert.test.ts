import { describe, expect, it } from 'vitest';
import { libvirtToXl, xlConfigToLibvirt } from './convert';

describe('xlConfigToLibvirt', () => {
  it('takes the guest type from type, else builder, else PV', () => {
    expect(xlConfigToLibvirt('disk = [ "/x,,hda" ]\n')).toMatchObject({ ok: true, guest: 'pv', guestFrom: 'default' });
    expect(xlConfigToLibvirt('builder = "hvm"\ndisk = [ "/x,,hda" ]\n')).toMatchObject({ guest: 'hvm', guestFrom: 'builder' });
    expect(xlConfigToLibvirt('builder = "hvm"\ntype = "pvh"\ndisk = [ "/x,,hda" ]\n')).toMatchObject({ guest: 'pvh', guestFrom: 'type' });
    expect(xlConfigToLibvirt('type = "hvm2"\ndisk = [ "/x,,hda" ]\n')).toMatchObject({ guest: 'pv', diagnostics: [{ code: 'LV-GUEST-TYPE' }] });
  });

  it('gives each disk its index; a disk xl rejects is left out, the others converted', () => {
    const r = xlConfigToLibvirt('builder = "hvm"\ndisk = [ "/a,,hda", "format=xvhd,vdev=hdb,target=/b", "/c,,hdc" ]\n');
    expect(r.disks.map((d) => !!d.xml)).toEqual([true, false, true]);
    expect(r.disks[1]!.diagnostics).toMatchObject([{ code: 'LV-XL-SPEC', severity: 'error', disk: 1 }]);
    expect(r.xml.match(/<disk /g)).toHaveLength(2);
  });

  it('reads strings as xl does, and notes where libvirt would not', () => {
    const r = xlConfigToLibvirt('disk = [ "vdev=xvda,target=/a\\\\b", "vdev=xvdb,target=rbd:p/i:mon_host=a\\\\:1" ]\n');
    expect(r.disks[0]!.disk?.target).toBe('/a\\b');
    expect(r.disks[0]!.diagnostics.map((d) => d.code)).toEqual(['LV-CFG-BACKSLASH']);
    expect(r.disks[1]!.xml).toContain("<host name='a' port='1'/>");
    expect(r.disks[1]!.diagnostics).toEqual([]);
  });

  it('reports xl’s reading errors and warnings', () => {
    expect(xlConfigToLibvirt('disk = [ "/x,,hda"\n')).toMatchObject({ ok: false, disks: [], messages: [expect.stringContaining('syntax error')] });
    expect(xlConfigToLibvirt('disk = "/x,,hda"\n')).toMatchObject({ ok: true, disks: [], messages: [expect.stringContaining('single value')] });
  });
});

describe('libvirtToXl', () => {
  it('collects the document’s and each disk’s diagnostics, and leaves failed disks out', () => {
    const r = libvirtToXl("<devices><disk type='file' device='floppy'><source file='/f'/><target dev='fda'/></disk><disk type='file'><source file='/x'/><target dev='xvda' bus='xen'/><serial>1</serial></disk></devices>");
    expect(r.specs).toEqual(['format=raw,vdev=xvda,access=rw,target=/x']);
    expect(r.diagnostics.map((d) => [d.code, d.disk])).toEqual([
      ['LV-FLOPPY', 0],
      ['LV-XML-DROPPED', 1],
    ]);
  });

  it('an XML error gives no specs and an empty disk list line', () => {
    expect(libvirtToXl('<disk')).toMatchObject({ specs: [], setting: 'disk = [ ]', diagnostics: [{ code: 'LV-XML' }] });
  });
});
