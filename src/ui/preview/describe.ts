/** What the disk list shows of a disk: its wizard kind, and its spec with any Ceph key masked. */
import type { Disk } from '../../core/model/disk';
import { KINDS } from '../wizard/kindInfo';
import { valuesFromDisk } from '../wizard/kinds';
import { decodeTarget } from '../../core/xl/targets';
import { maskKey } from '../preview';

const kindCache = new Map<string, string>();

/** The wizard kind of a disk, as a title ("Ceph RBD"), for the disk list. */
export function describeDisk(spec: string, disk: Disk): string {
  let k = kindCache.get(spec);
  if (!k) {
    k = KINDS[valuesFromDisk(disk, 'hvm').kind].title;
    if (kindCache.size > 4000) kindCache.clear();
    kindCache.set(spec, k);
  }
  return k;
}

/** A spec with its RBD key masked (display only). */
export function maskSpec(spec: string, disk: Disk): string {
  if (!disk.target?.startsWith('rbd:')) return spec;
  const t = decodeTarget(disk);
  const key = t.ok && t.target.kind === 'rbd' ? t.target.options.find((o) => o.kind === 'key') : undefined;
  return key?.kind === 'key' ? maskKey(spec, key.value) : spec;
}
