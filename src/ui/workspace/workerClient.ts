/**
 * Jobs for the analysis workers, in two lanes (a worker each): the reader (read, lint, disk
 * operations) and the writer (the all-disks XML, conversion, share links, fix all). Reading and
 * linting share a worker on purpose: the linter then finds the document the reader just read
 * (src/core/document keeps the last one) instead of reading a megabyte again, and on two cores
 * the main thread keeps one to itself while a large paste is analysed.
 *
 * Read, lint and the XML are "latest only": while one runs, a newer request of the same kind
 * waits, and replaces any older one still waiting (which is rejected with Superseded).
 */
import type { GuestType } from '../../core/xl/vdev';
import type { Job, JobResult, TextJob, WarmStep } from './jobs';

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

type Lane = 'reader' | 'writer';
const LANE: Record<TextJob['kind'], Lane> = { read: 'reader', lint: 'reader', op: 'reader', devices: 'writer', convert: 'writer', share: 'writer', fixAll: 'writer' };
const LATEST_ONLY = new Set<Job['kind']>(['read', 'lint', 'devices']);

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Waiting = { job: Job } & Pending;

class JobWorker {
  private worker?: Worker;
  private next = 1;
  private pending = new Map<number, Pending & { kind: Job['kind']; sent: number }>();
  private running = new Set<Job['kind']>();
  private waiting = new Map<Job['kind'], Waiting>();
  /** Whether the worker has been sent the user's work (its warm-up then has no more to do). */
  working = false;

  constructor(private readonly name: Lane) {}

  /** Starts the worker (fetching its script): at idle time, so that it is there offline too. */
  start(): void {
    if (this.worker || typeof Worker === 'undefined') return;
    this.worker = new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module', name: `xldisk-${this.name}` });
    this.worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string; ms: number }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      // in DevTools' timings and for scripts/bench-import.mjs: the round trip, and the worker's own time
      performance.measure(`xldisk ${p.kind}`, { start: p.sent, detail: { worker: e.data.ms } });
      this.pending.delete(e.data.id);
      this.running.delete(p.kind);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
      const w = this.waiting.get(p.kind);
      if (w) {
        this.waiting.delete(p.kind);
        this.send(w.job, w);
      }
    };
  }

  private send(job: Job, p: Pending): void {
    this.start();
    const id = this.next++;
    this.pending.set(id, { ...p, kind: job.kind, sent: performance.now() });
    if (job.kind !== 'warm') this.working = true;
    if (LATEST_ONLY.has(job.kind)) this.running.add(job.kind);
    this.worker!.postMessage({ id, job });
  }

  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>): Promise<JobResult[K]> {
    return new Promise((resolve, reject) => {
      const p = { resolve: resolve as (v: unknown) => void, reject };
      if (LATEST_ONLY.has(job.kind) && this.running.has(job.kind)) {
        this.waiting.get(job.kind)?.reject(new Superseded());
        this.waiting.set(job.kind, { job, ...p });
        return;
      }
      this.send(job, p);
    });
  }
}

const lanes: Record<Lane, JobWorker> = { reader: new JobWorker('reader'), writer: new JobWorker('writer') };

export function runInWorker<K extends TextJob['kind']>(job: Extract<TextJob, { kind: K }>): Promise<JobResult[K]> {
  const kind: TextJob['kind'] = job.kind;
  if ((kind === 'read' || kind === 'lint') && early && early.guest === job.guest && early.text === job.text) {
    const sent = early.sent[kind];
    if (sent) {
      delete early.sent[kind];
      // both handed out: later jobs need not compare their text with this one
      if (!early.sent.read && !early.sent.lint) early = undefined;
      return sent as Promise<JobResult[K]>;
    }
  }
  return lanes[LANE[job.kind]].run(job);
}

/** The read and the lint startEarly sent, until runInWorker hands them out. */
let early: { text: string; guest: GuestType; sent: Partial<Record<'read' | 'lint', Promise<unknown>>> } | undefined;

/**
 * Sends the read and the lint of a text the workspace is about to show, without waiting for the
 * render that asks for them (on a large paste that render takes tens of milliseconds, and the
 * workers would wait for it); runInWorker then hands these out.
 */
export function startEarly(text: string, guest: GuestType): void {
  const sent = { read: lanes.reader.run({ kind: 'read', text, guest }), lint: lanes.reader.run({ kind: 'lint', text, guest }) };
  // not asked for after all (the text changed again first): nobody waits for them
  for (const p of Object.values(sent)) p.catch(() => undefined);
  early = { text, guest, sent };
}

/** What each lane warms up on: its own work (the writer's conversions and fixes lint too). */
const WARM: Record<Lane, readonly WarmStep[]> = { reader: ['read', 'lint'], writer: ['devices', 'lint'] };
const WARM_ROUNDS = 8;
const WARM_DISKS = 500;

/**
 * Starts both workers and has each run its own work on a sample config a few times, so that a
 * large paste later runs on compiled code (./warmSample.ts; scripts/bench-import.mjs measured
 * the worker's first read of a 10,000-disk paste at 389 ms before, 245 ms after). Small rounds,
 * one per message, so that a paste made meanwhile waits for one small round at most; once a
 * lane has the user's work, its warm-up stops (more rounds would only compete with that work).
 * Resolves with the times of the rounds each lane ran (ms).
 */
export async function startWorkers(): Promise<Record<Lane, number[]>> {
  const warm = async (lane: Lane) => {
    const times: number[] = [];
    for (let round = 0; round < WARM_ROUNDS && !lanes[lane].working; round++) times.push(await lanes[lane].run({ kind: 'warm', round, disks: WARM_DISKS, steps: WARM[lane] }));
    return times;
  };
  const [reader, writer] = await Promise.all([warm('reader'), warm('writer')]);
  return { reader, writer };
}

export const workersAvailable = () => typeof Worker !== 'undefined';
