import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the analysis worker: records each job and answers it on the next tick. */
class FakeWorker {
  static posted: { kind: string; text?: string }[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  postMessage(msg: { id: number; job: { kind: string; text?: string } }) {
    FakeWorker.posted.push(msg.job);
    setTimeout(() => this.onmessage?.({ data: { id: msg.id, ok: true, result: `${msg.job.kind} of ${msg.job.text?.length}`, ms: 1 } } as MessageEvent));
  }
}

beforeEach(() => {
  FakeWorker.posted = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

describe('startEarly', () => {
  it('sends the read and the lint at once, and runInWorker hands those out instead of sending again', async () => {
    const { startEarly, runInWorker } = await import('./workerClient');
    const text = 'x'.repeat(50_000);
    startEarly(text, 'pv');
    expect(FakeWorker.posted.map((j) => j.kind)).toEqual(['read', 'lint']);
    // the same text (another string of it, as the workspace's state holds it) and guest
    const copy = text.slice(0, 25_000) + text.slice(25_000);
    await expect(runInWorker({ kind: 'read', text: copy, guest: 'pv' })).resolves.toBe('read of 50000');
    await expect(runInWorker({ kind: 'lint', text: copy, guest: 'pv' })).resolves.toBe('lint of 50000');
    expect(FakeWorker.posted).toHaveLength(2);
    // handed out once: asked again, the job is sent
    await runInWorker({ kind: 'read', text: copy, guest: 'pv' });
    expect(FakeWorker.posted).toHaveLength(3);
  });

  it('does not hand out jobs for another text or guest', async () => {
    const { startEarly, runInWorker } = await import('./workerClient');
    startEarly('a'.repeat(50_000), 'pv');
    await runInWorker({ kind: 'read', text: 'b'.repeat(50_000), guest: 'pv' });
    await runInWorker({ kind: 'lint', text: 'a'.repeat(50_000), guest: 'hvm' });
    expect(FakeWorker.posted.map((j) => `${j.kind} ${j.text?.[0]}`)).toEqual(['read a', 'lint a', 'read b', 'lint a']);
  });
});
