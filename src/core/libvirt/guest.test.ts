import { describe, expect, it } from 'vitest';
import { busFor, diskNameToIndex, driveAddress, guestFromOsType, guestFromXlSettings, TARGET_DEV_SCHEMA } from './guest';

describe('bus by guest type', () => {
  it.each([
    ['xvda', 'hvm', 'xen'],
    ['sda', 'hvm', 'scsi'],
    ['hda', 'hvm', 'ide'],
    ['vda', 'hvm', 'ide'],
    ['d0p1', 'hvm', 'ide'],
    ['hda', 'pv', 'xen'],
    ['sda', 'pvh', 'xen'],
    ['xvdb', 'pv', 'xen'],
  ] as const)('%s in %s → %s', (vdev, guest, bus) => expect(busFor(vdev, guest)).toBe(bus));
});

describe('drive index and address', () => {
  it.each([
    ['hda', 0],
    ['hdz', 25],
    ['hdaa', 26],
    ['hdba', 52],
    ['xvda1', 0],
    ['sdb', 1],
    ['ioemu:hdc', 2],
    ['vdb12', 1],
  ])('%s is index %i', (name, idx) => expect(diskNameToIndex(name)).toBe(idx));

  it.each(['d0p1', 'hd', 'hd1', 'hdA', 'xyz', '51712', 'hda1x'])('%s has no index', (name) => expect(diskNameToIndex(name)).toBeUndefined());

  it('IDE: controller idx/4, bus (idx%4)/2, unit idx%2', () => {
    expect(['hda', 'hdb', 'hdc', 'hdd', 'hde'].map((v) => driveAddress('ide', v))).toEqual([
      { controller: 0, bus: 0, target: 0, unit: 0 },
      { controller: 0, bus: 0, target: 0, unit: 1 },
      { controller: 0, bus: 1, target: 0, unit: 0 },
      { controller: 0, bus: 1, target: 0, unit: 1 },
      { controller: 1, bus: 0, target: 0, unit: 0 },
    ]);
  });

  it('SCSI: controller idx/7, unit idx%7', () => {
    expect(driveAddress('scsi', 'sdc')).toEqual({ controller: 0, bus: 0, target: 0, unit: 2 });
    expect(driveAddress('scsi', 'sdh')).toEqual({ controller: 1, bus: 0, target: 0, unit: 0 });
  });

  it('no address on the xen bus or without an index', () => {
    expect(driveAddress('xen', 'xvda')).toBeUndefined();
    expect(driveAddress('ide', 'd0p1')).toBeUndefined();
  });

  it('knows the schema of <target dev>', () => {
    expect(['xvda', 'hda', 'ioemu:hdc', 'xvdaa1', 'vd_x'].every((v) => TARGET_DEV_SCHEMA.test(v))).toBe(true);
    expect(['d0p1', '51712', 'xvd', 'xvda-1'].some((v) => TARGET_DEV_SCHEMA.test(v))).toBe(false);
  });
});

describe('guest type', () => {
  it('from <os><type>', () => {
    expect(['hvm', 'xen', 'linux', 'xenpvh', 'pvh', ' hvm\n', 'exe'].map(guestFromOsType)).toEqual(['hvm', 'pv', 'pv', 'pvh', 'pvh', 'hvm', undefined]);
  });
  it('from type / builder as libvirt reads them (type wins; PV by default)', () => {
    expect(guestFromXlSettings(undefined, undefined)).toEqual({ guest: 'pv' });
    expect(guestFromXlSettings(undefined, 'hvm')).toEqual({ guest: 'hvm' });
    expect(guestFromXlSettings(undefined, 'linux')).toEqual({ guest: 'pv' });
    expect(guestFromXlSettings('pvh', 'hvm')).toEqual({ guest: 'pvh' });
    expect(guestFromXlSettings('hvm', undefined)).toEqual({ guest: 'hvm' });
    expect(guestFromXlSettings('HVM', undefined)).toEqual({ guest: 'pv', unknown: 'HVM' });
  });
});
