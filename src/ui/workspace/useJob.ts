/**
 * A job of ./jobs.ts, on this thread for a small text or in a worker for a large one, as a
 * promise (for react-query's mutations and queries).
 */
import { runJob, type JobResult, type TextJob } from './jobs';
import { isLarge } from './useAnalysis';
import { runInWorker } from './workerClient';

export function job<K extends TextJob['kind']>(j: Extract<TextJob, { kind: K }>): Promise<JobResult[K]> {
  if (isLarge(j.text)) return runInWorker(j);
  try {
    return Promise.resolve(runJob(j) as JobResult[K]);
  } catch (e) {
    return Promise.reject(e);
  }
}
