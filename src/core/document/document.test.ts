import { describe, expect, it } from 'vitest';
import { applyEdits } from '../text/edits';
import { parseDiskSpec } from '../xl/diskSpec';
import { detectSyntax } from './detect';
import { readDocument } from './document';
import { duplicateDisk, insertDisk, moveDisk, removeDisk, setDisk, setDiskAt } from './edits';
import { elementEnd } from './xmlSpan';

const disk = (spec: string) => {
  const r = parseDiskSpec(spec);
  if (!r.ok) throw new Error(spec);
  return r.disk;
};

describe('detectSyntax', () => {
  it.each([
    ['', 'empty'],
    ['  \n', 'empty'],
    ['format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso', 'specs'],
    ['/x,,xvda\n/y,,xvdb', 'specs'],
    ["disk = [ '/x,,xvda' ]", 'xl-config'],
    ['name = "g"\nbuilder = "hvm"\n', 'xl-config'],
    ['# a comment\n', 'xl-config'],
    ['disk = [ \u2018/x,,xvda\u2019 ]', 'xl-config'],
    ["<disk type='file'/>", 'libvirt-xml'],
    ['\n  <domain type="xen"></domain>', 'libvirt-xml'],
  ])('%j is %s', (text, syntax) => expect(detectSyntax(text)).toBe(syntax));
});

describe('readDocument', () => {
  it('reads an xl config: disks, spans, guest type from builder', () => {
    const text = `name = "g"\nbuilder = "hvm"\ndisk = [ '/x,,hda', "vdev=xvdb,target=/y" ]\n`;
    const doc = readDocument(text);
    expect(doc).toMatchObject({ syntax: 'xl-config', guest: 'hvm', guestSource: 'config' });
    expect(doc.disks.map((d) => text.slice(d.from, d.to))).toEqual(["'/x,,hda'", '"vdev=xvdb,target=/y"']);
    expect(doc.disks.map((d) => d.disk?.vdev)).toEqual(['hda', 'xvdb']);
    const d0 = doc.disks[0]!;
    expect(text[d0.sourceOffset!(3)]).toBe(',');
  });

  it('takes PV when a config says nothing, as xl and libvirt do', () => {
    expect(readDocument(`disk = [ '/x,,xvda' ]\n`, { guest: 'hvm' })).toMatchObject({ guest: 'hvm', guestSource: 'user' });
    expect(readDocument(`disk = [ '/x,,xvda' ]\n`)).toMatchObject({ guest: 'pv', guestSource: 'default' });
  });

  it('reads bare specs, one per line, with their errors', () => {
    const doc = readDocument('/x,,xvda\n\nformat=xvhd,vdev=xvdb,target=/y\n');
    expect(doc.disks.map((d) => [d.from, d.to, d.parse?.ok])).toEqual([
      [0, 8, true],
      [10, 41, false],
    ]);
  });

  it('reads libvirt XML with element spans', () => {
    const text = `<domain type='xen'>\n  <os>\n    <type>hvm</type>\n  </os>\n  <devices>\n    <disk type='file' device='disk'>\n      <source file='/x'/>\n      <target dev='hda' bus='ide'/>\n    </disk>\n    <disk type='file' device='cdrom'>\n      <target dev='hdc' bus='ide'/>\n      <readonly/>\n    </disk>\n  </devices>\n</domain>\n`;
    const doc = readDocument(text);
    expect(doc).toMatchObject({ syntax: 'libvirt-xml', guest: 'hvm', guestSource: 'xml' });
    expect(doc.disks.map((d) => text.slice(d.from, d.to).split('\n')[0])).toEqual(["<disk type='file' device='disk'>", "<disk type='file' device='cdrom'>"]);
    expect(doc.disks.every((d) => text.slice(d.from, d.to).endsWith('</disk>'))).toBe(true);
  });

  it('never throws on odd text', () => {
    for (const t of ['<', '<disk', 'disk = [', "disk = [ 'a\\q' ]", '\u0000', '=\n', 'a'.repeat(100000)]) expect(() => readDocument(t)).not.toThrow();
  });
});

describe('document edits', () => {
  const cfg = `# my guest\nname = "g"\ndisk = [ '/x,,xvda',   # root\n         "vdev=xvdb,target=/y" ]\nmemory = 512\n`;

  it('setDisk rewrites only that item; every other byte stays', () => {
    const doc = readDocument(cfg);
    const out = applyEdits(cfg, setDisk(doc, 1, disk('/z,qcow2,xvdb')));
    expect(out).toBe(`# my guest\nname = "g"\ndisk = [ '/x,,xvda',   # root\n         "format=qcow2,vdev=xvdb,target=/z" ]\nmemory = 512\n`);
  });

  it('insert, remove, move and duplicate keep the list readable by xl', () => {
    let text = cfg;
    const step = (f: (d: ReturnType<typeof readDocument>) => ReturnType<typeof setDisk>) => {
      text = applyEdits(text, f(readDocument(text)));
      return readDocument(text);
    };
    let doc = step((d) => insertDisk(d, disk('/w,,xvdc')));
    expect(doc.disks.map((d) => d.disk?.vdev)).toEqual(['xvda', 'xvdb', 'xvdc']);
    doc = step((d) => moveDisk(d, 2, 0));
    expect(doc.disks.map((d) => d.disk?.vdev)).toEqual(['xvdc', 'xvda', 'xvdb']);
    doc = step((d) => duplicateDisk(d, 0, disk('/w,,xvdd')));
    expect(doc.disks.map((d) => d.disk?.vdev)).toEqual(['xvdc', 'xvdd', 'xvda', 'xvdb']);
    doc = step((d) => removeDisk(d, 2));
    expect(doc.disks.map((d) => d.disk?.vdev)).toEqual(['xvdc', 'xvdd', 'xvdb']);
    expect(doc.config?.ok).toBe(true);
    expect(text.startsWith('# my guest\nname = "g"\n')).toBe(true);
    expect(text.endsWith('memory = 512\n')).toBe(true);
  });

  it('an empty document becomes a config with a disk list', () => {
    const doc = readDocument('');
    const text = applyEdits('', insertDisk(doc, disk("/it's,,xvda")));
    expect(text).toBe("disk = [ 'vdev=xvda,target=/it\\'s' ]\n");
    expect(readDocument(text).disks[0]?.disk?.target).toBe("/it's");
  });

  it('edits spec lines and XML elements in place', () => {
    const specs = '/x,,xvda\n/y,,xvdb\n';
    expect(applyEdits(specs, moveDisk(readDocument(specs), 0, 1))).toBe('/y,,xvdb\n/x,,xvda\n');
    expect(applyEdits(specs, removeDisk(readDocument(specs), 0))).toBe('/y,,xvdb\n');
    const xml = `<devices>\n  <disk type='file' device='disk'>\n    <source file='/x'/>\n    <target dev='xvda' bus='xen'/>\n  </disk>\n</devices>\n`;
    const doc = readDocument(xml, { guest: 'pv' });
    const out = applyEdits(xml, setDisk(doc, 0, disk('vdev=xvdb,access=ro,target=/y')));
    expect(out.startsWith('<devices>\n  <disk ')).toBe(true);
    expect(out).toContain("\n    <source file='/y'/>\n");
    expect(out.endsWith('  </disk>\n</devices>\n')).toBe(true);
    expect(readDocument(out, { guest: 'pv' }).disks[0]?.disk).toMatchObject({ vdev: 'xvdb', access: 'ro', target: '/y' });
  });
});

describe('elementEnd', () => {
  it('skips comments, CDATA and quoted > in attributes', () => {
    const t = `<disk a='>'><!-- </disk> --><x/><![CDATA[</disk>]]></disk>tail`;
    expect(t.slice(0, elementEnd(t, 0))).toBe(t.slice(0, -4));
    expect(elementEnd('<disk/>', 0)).toBe(7);
    expect(elementEnd('<disk>', 0)).toBeUndefined();
  });
});

describe('setDiskAt (a disk rewritten from its span alone)', () => {
  const texts = [
    "name = 'g'\ndisk = [ '/srv/a.img,,xvda', \"vdev=xvdb,target=/srv/b.img\" ]\n",
    '/srv/a.img,,xvda\nvdev=xvdb,target=/srv/b.img\n',
    "<devices>\n  <disk type='file' device='disk'>\n    <source file='/srv/a.img'/>\n    <target dev='xvda' bus='xen'/>\n  </disk>\n  <disk type='block' device='disk'>\n    <source dev='/dev/vg/b'/>\n    <target dev='xvdb' bus='xen'/>\n  </disk>\n</devices>\n",
  ];
  it.each(texts)('writes what setDisk writes: %j', (text) => {
    const view = readDocument(text, { guest: 'pv' });
    expect(view.disks).toHaveLength(2);
    for (const d of view.disks) {
      const disk = { ...d.disk!, target: "/srv/it's new.img", access: 'ro' as const };
      expect(setDiskAt(text, view.syntax, view.guest, d, disk)).toEqual(setDisk(view, d.index, disk));
    }
  });
});

describe('readDocument after an edit', () => {
  const spec = (i: number) => `format=raw,vdev=xvd${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26) || ''},target=/srv/${i}.img`;
  const config = (specs: string[]) => `disk = [\n${specs.map((s) => `  '${s}',\n`).join('')}]\n`;
  const specs = Array.from({ length: 60 }, (_, i) => spec(i));

  it('reuses the parses of the specs the edit left alone, wherever the edit moved them', () => {
    const before = readDocument(config(specs), { guest: 'pv' });
    // two disks added at the top, one changed in the middle, one removed near the end
    const edited = [spec(100), spec(101), ...specs.slice(0, 30), 'vdev=xvdz9,target=/changed', ...specs.slice(31, 50), ...specs.slice(51)];
    const after = readDocument(config(edited), { guest: 'pv' });
    expect(after.disks.map((d) => d.spec)).toEqual(edited);
    const reused = after.disks.filter((d) => before.disks.some((b) => b.parse === d.parse)).map((d) => d.spec);
    expect(reused).toEqual(specs.filter((_, i) => i !== 30 && i !== 50));
    // and each parse is the parse of its own spec
    for (const d of after.disks) expect(d.parse).toEqual(parseDiskSpec(d.spec!, { tokens: true }));
  });
});
