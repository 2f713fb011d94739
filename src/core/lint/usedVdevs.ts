/**
 * The vdev names a domain uses, plus those fixes in one run have handed out (so each is new).
 * Each disk with a clash asks whether a name is taken and which one is free next: both cost the
 * same for the 10,000th disk as for the second (a scan of every name per disk was quadratic).
 * The index is built on the first question: most domains have no clash and never ask.
 */
import { TakenSlots } from '../xl/vdev';

type Index = { names: Set<string>; slots: TakenSlots };

export class UsedVdevs {
  private readonly list: string[] = [];
  private index: Index | undefined;

  constructor(names: Iterable<string> = []) {
    for (const n of names) this.add(n);
  }

  add(name: string): void {
    this.list.push(name);
    if (this.index) {
      this.index.names.add(name);
      this.index.slots.add(name);
    }
  }

  has(name: string): boolean {
    return this.indexed().names.has(name);
  }

  /** The disk slots the names take. */
  get slots(): TakenSlots {
    return this.indexed().slots;
  }

  private indexed(): Index {
    return (this.index ??= { names: new Set(this.list), slots: new TakenSlots(this.list) });
  }
}
