/**
 * The disks of a document read in a worker: one small object each, whose disk model is read
 * from its spec only when something asks (a row on screen, an open wizard).
 */
import type { Disk } from '../../core/model/disk';
import { parseDiskSpec } from '../../core/xl/diskSpec';
import type { DiskInfo } from './analysis';
import type { ReadResult } from './jobs';

const parsed = new Map<string, Disk | null>();

function diskOf(spec: string): Disk | undefined {
  let d = parsed.get(spec);
  if (d === undefined) {
    const p = parseDiskSpec(spec);
    d = p.ok ? p.disk : null;
    if (parsed.size > 20000) parsed.clear();
    parsed.set(spec, d);
  }
  return d ?? undefined;
}

class LazyDisk implements DiskInfo {
  constructor(
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly vdev: string | undefined,
    readonly spec: string | undefined,
    private readonly xml: Disk | null | undefined,
  ) {}

  get disk(): Disk | undefined {
    if (this.vdev === undefined) return undefined;
    if (this.xml !== undefined) return this.xml ?? undefined;
    return this.spec === undefined ? undefined : diskOf(this.spec);
  }
}

export function lazyDisks(r: ReadResult): DiskInfo[] {
  const out: DiskInfo[] = new Array(r.from.length);
  for (let i = 0; i < r.from.length; i++) {
    out[i] = new LazyDisk(i, r.from[i]!, r.to[i]!, r.vdevs[i] ?? undefined, r.specs?.[i], r.xmlDisks?.[i]);
  }
  return out;
}
