import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TakenSlots, indexToLetters, lettersToIndex, nextFreeVdev, parseVdev, vdevAdvice } from './vdev';

describe('parseVdev (libxl’s decoder, xen-vbd-interface(7))', () => {
  it.each([
    ['xvda', 0, 0, 51712],
    ['xvdb2', 1, 2, 51730],
    ['xvdp15', 15, 15, 51967],
    ['xvdq', 16, 0, (1 << 28) | (16 << 8)],
    ['xvdtq37', 536, 37, (1 << 28) | (536 << 8) | 37],
    ['d536p37', 536, 37, (1 << 28) | (536 << 8) | 37],
    ['d1p2', 1, 2, 51730],
    ['d0x10p1', 16, 1, (1 << 28) | (16 << 8) | 1],
    ['hda', 0, 0, 768],
    ['hdb', 1, 0, 768 | 64],
    ['hdc', 2, 0, 22 << 8],
    ['hdd1', 3, 1, (22 << 8) | 64 | 1],
    ['sda', 0, 0, 2048],
    ['sdp15', 15, 15, 2048 | 255],
  ])('%s is disk %i partition %i, device %i', (name, disk, partition, devid) => {
    expect(parseVdev(name)).toMatchObject({ ok: true, disk, partition, devid });
  });

  it.each(['hde', 'sdq', 'hda64', 'sda16', 'xvda256', 'xvdA', 'vda', 'hda ', 'xvdc:cdrom', 'xvda0', 'xvda01', 'd0', 'xvd', ''])('rejects %j', (name) => {
    expect(parseVdev(name).ok).toBe(false);
  });

  it('reads plain device numbers C-style', () => {
    expect(parseVdev('51712')).toMatchObject({ ok: true, style: 'number', devid: 51712 });
    expect(parseVdev('0x10')).toMatchObject({ ok: true, devid: 16 });
  });

  it('letters and indexes are a bijection', () => {
    expect([lettersToIndex('a'), lettersToIndex('z'), lettersToIndex('aa'), lettersToIndex('zz'), lettersToIndex('aaa')]).toEqual([0, 25, 26, 701, 702]);
    fc.assert(fc.property(fc.nat(1 << 20), (n) => lettersToIndex(indexToLetters(n)) === n));
  });
});

describe('nextFreeVdev', () => {
  it('counts aliases of one slot as used', () => {
    expect(nextFreeVdev(['xvda'], 'hvm')).toBe('hdb');
    expect(nextFreeVdev(['hda'], 'pv')).toBe('xvdb');
    expect(nextFreeVdev(['sda', 'xvdb'], 'pvh')).toBe('xvdc');
  });
  it('puts an HVM cdrom on hdc and spills HVM disks past hdd to xvde', () => {
    expect(nextFreeVdev([], 'hvm', 'cdrom')).toBe('hdc');
    expect(nextFreeVdev(['hda', 'hdb', 'hdc', 'hdd'], 'hvm')).toBe('xvde');
  });
  it('gives the same names from a TakenSlots grown name by name', () => {
    const taken = new TakenSlots(['hda', 'xvdb']);
    const names: string[] = [];
    for (const guest of ['hvm', 'pv', 'hvm', 'pvh', 'hvm', 'hvm'] as const) {
      const list = [...names, 'hda', 'xvdb'];
      const name = nextFreeVdev(taken, guest);
      expect(name).toBe(nextFreeVdev(list, guest));
      names.push(name);
      taken.add(name);
    }
    expect(names).toEqual(['hdd', 'xvdc', 'xvde', 'xvdf', 'xvdg', 'xvdh']);
  });
});

describe('vdevAdvice', () => {
  it('steers PV guests away from emulated names', () => {
    expect(vdevAdvice('hda', 'pv')).toMatch(/use xvda/);
    expect(vdevAdvice('xvda', 'pv')).toBeUndefined();
    expect(vdevAdvice('hda1', 'hvm')).toMatch(/partitions/);
  });
});
