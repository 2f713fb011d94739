/**
 * The disks that come before the one being checked, indexed by the slot their vdev names, so
 * that finding a clash costs the same for the 10,000th disk of a domain as for the second
 * (a linear search per disk made linting a large config quadratic).
 */
import type { Vdev } from '../xl/vdev';

export type EarlierDisk = { vdev: string; position: number };
type Entry = EarlierDisk & { order: number };
/**
 * The earlier disks on one slot, as far as a clash needs them: the first of all, the first
 * whole disk, the first of each partition (a scan of the slot's list was quadratic when many
 * disks share a slot with different partitions).
 */
type Slot = { first: Entry; whole?: Entry; partitions: Map<number, Entry> };

export class EarlierDisks {
  /** Disk slot → the earlier disks on it. */
  private readonly slots = new Map<number, Slot>();
  /** Device number → the first earlier disk with it (names that are not disk slots). */
  private readonly devids = new Map<number, EarlierDisk>();
  readonly names: string[] = [];

  constructor(private readonly decode: (name: string) => Vdev) {}

  static of(list: readonly EarlierDisk[], decode: (name: string) => Vdev): EarlierDisks {
    const index = new EarlierDisks(decode);
    for (const o of list) index.add(o.vdev, o.position);
    return index;
  }

  add(vdev: string, position: number): void {
    this.names.push(vdev);
    const w = this.decode(vdev);
    if (!w.ok) return;
    const entry = { vdev, position, order: this.names.length };
    let slot = this.slots.get(w.disk);
    if (!slot) this.slots.set(w.disk, (slot = { first: entry, partitions: new Map() }));
    if (w.partition === 0) slot.whole ??= entry;
    else if (!slot.partitions.has(w.partition)) slot.partitions.set(w.partition, entry);
    if (!this.devids.has(w.devid)) this.devids.set(w.devid, { vdev, position });
  }

  /**
   * The first earlier disk `v` clashes with: the same slot with the same partition, or either
   * of them the whole disk; for a name that is no disk slot, the same device number.
   */
  clash(v: Vdev & { ok: true }): EarlierDisk | undefined {
    if (v.disk < 0) return this.devids.get(v.devid);
    const slot = this.slots.get(v.disk);
    if (!slot || v.partition === 0) return slot?.first;
    const a = slot.whole;
    const b = slot.partitions.get(v.partition);
    return a && b ? (a.order < b.order ? a : b) : (a ?? b);
  }
}
