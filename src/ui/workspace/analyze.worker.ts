/**
 * The worker that reads, lints and converts large documents off the main thread (so the page
 * never blocks while a megabyte of config is parsed). It runs ./jobs.ts on each message.
 */
import { runJob, transferables, type Job } from './jobs';

type Request = { id: number; job: Job };

self.onmessage = (e: MessageEvent<Request>) => {
  const { id, job } = e.data;
  const start = performance.now();
  try {
    const result = runJob(job);
    self.postMessage({ id, ok: true, result, ms: performance.now() - start }, { transfer: transferables(result) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err), ms: performance.now() - start });
  }
};
