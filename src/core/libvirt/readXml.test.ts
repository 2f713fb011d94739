import { describe, expect, it } from 'vitest';
import { readLibvirtXml } from './readXml';

const DISK = (dev: string) => `<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/${dev}.img'/><target dev='${dev}' bus='ide'/></disk>`;

describe('readLibvirtXml: the shapes users paste', () => {
  it('one <disk>', () => {
    const r = readLibvirtXml(DISK('hda'));
    expect(r).toMatchObject({ ok: true, shape: 'disk', disks: [{ disk: { vdev: 'hda', target: '/hda.img' } }] });
    expect(r.ok && r.guest).toBeUndefined();
  });

  it('sibling <disk>s (other elements beside them are ignored, with a note)', () => {
    const r = readLibvirtXml(`${DISK('hda')}\n${DISK('hdb')}\n<controller type='ide' index='0'/>`);
    expect(r).toMatchObject({ ok: true, shape: 'disks', diagnostics: [{ code: 'LV-XML', severity: 'info' }] });
    expect(r.ok && r.disks.map((d) => d.disk?.vdev)).toEqual(['hda', 'hdb']);
    expect(r.ok && r.disks[1]!.element.at).toEqual({ line: 2, column: 1 });
  });

  it('a <devices>', () => {
    const r = readLibvirtXml(`<devices>\n  <emulator>/usr/bin/qemu</emulator>\n  ${DISK('xvda')}\n  <interface type='bridge'/>\n</devices>`);
    expect(r).toMatchObject({ ok: true, shape: 'devices', diagnostics: [] });
    expect(r.ok && r.disks.map((d) => d.disk?.vdev)).toEqual(['xvda']);
  });

  it.each([
    ['hvm', 'hvm'],
    ['xen', 'pv'],
    ['linux', 'pv'],
    ['xenpvh', 'pvh'],
  ])('a <domain> with <os><type>%s</type> is a %s guest', (os, guest) => {
    const r = readLibvirtXml(`<domain type='xen'><name>g</name><os><type arch='x86_64'>${os}</type></os><devices>${DISK('hda')}</devices></domain>`);
    expect(r).toMatchObject({ ok: true, shape: 'domain', guest });
  });

  it('the guest type decides whether the bus survives', () => {
    const x = (os: string) => `<domain type='xen'><os><type>${os}</type></os><devices>${DISK('hda')}</devices></domain>`;
    expect(readLibvirtXml(x('hvm')).diagnostics).toEqual([]);
    const pv = readLibvirtXml(x('linux'));
    expect(pv.ok && pv.disks[0]!.diagnostics.map((d) => [d.code, d.disk])).toEqual([['LV-BUS', 0]]);
  });

  it('a domain without a known os type says so', () => {
    expect(readLibvirtXml(`<domain><devices>${DISK('hda')}</devices></domain>`)).toMatchObject({ ok: true, shape: 'domain', diagnostics: [{ code: 'LV-GUEST-TYPE' }] });
  });

  it('errors: not XML, not a disk, text outside elements — with line and column', () => {
    expect(readLibvirtXml("<disk>\n  <source file='/x'>\n</disk>")).toMatchObject({ ok: false, error: { line: 2 }, diagnostics: [{ code: 'LV-XML', severity: 'error' }] });
    expect(readLibvirtXml("<network>\n</network>")).toMatchObject({ ok: false, error: { line: 1, column: 1, message: expect.stringContaining('<network>') } });
    expect(readLibvirtXml(`${DISK('hda')}<domain/>`)).toMatchObject({ ok: false });
    expect(readLibvirtXml(`\n  text ${DISK('hda')}`)).toMatchObject({ ok: false, error: { message: expect.stringContaining('text') } });
  });
});
