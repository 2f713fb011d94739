/** fast-check generators of disk models, for property tests across core (not shipped code). */
import fc from 'fast-check';
import { BACKENDTYPES, FORMATS, type Disk } from './disk';

/** Text for a key=value field: anything but a comma (newlines and `=` included). */
export const fieldText = fc.string({ unit: fc.constantFrom('a', 'x', 'v', 'd', '0', '9', '/', ':', '=', ' ', '\t', '\n', ';', '-', 'ü', '😀', '\\', "'", '"'), maxLength: 12 });
/** Text for a target: anything but a newline (commas, `=`, `:` included). */
export const targetText = fc.string({ unit: fc.constantFrom('a', 'x', '/', ':', '=', ',', ' ', '\t', ';', '@', '.', 'é', '\\', '[', ']'), maxLength: 20 });
const vdevText = fc.oneof(fc.constantFrom('xvda', 'xvdb', 'hda', 'hdc', 'sda', 'd0p1', 'xvdaa'), fieldText);

/** A disk as xl leaves it after parsing (cdroms read-only, empty cdroms of format empty). */
export const canonicalDiskArb: fc.Arbitrary<Disk> = fc
  .record(
    {
      target: targetText,
      format: fc.constantFrom(...FORMATS),
      vdev: vdevText,
      access: fc.constantFrom('rw', 'ro'),
      devtype: fc.constantFrom('disk', 'cdrom'),
      backendtype: fc.constantFrom(...BACKENDTYPES),
      script: fieldText,
      backend: fieldText,
      directIoSafe: fc.boolean(),
      discard: fc.boolean(),
      specification: fc.constantFrom('xen', 'virtio'),
      colo: fc.boolean(),
      coloHost: fieldText,
      coloPort: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((n) => n !== 0),
      coloExport: fieldText,
      activeDisk: fieldText,
      hiddenDisk: fieldText,
    },
    { requiredKeys: ['format', 'vdev', 'access', 'devtype', 'directIoSafe'] },
  )
  .map((d) => {
    const disk = d as Disk;
    if (disk.devtype !== 'cdrom') return disk.target === undefined ? { ...disk, target: '/x' } : disk;
    return { ...disk, access: 'ro', format: disk.target ? disk.format : 'empty' } as Disk;
  });
