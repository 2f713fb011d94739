/**
 * The host's loop-device budget (the seed document): each file-backed disk blkback serves takes
 * one loop device on the host, and Linux creates 64 by default (`max_loop`).
 */
import type { Disk } from '../model/disk';
import { isFileBacked } from './checks';
import type { Lint } from './context';

export const LOOP_DEVICES = 64;

/** The first file-backed disk over the budget, and how many there are (undefined: within it). */
export function overLoopBudget<D extends { disk?: Disk; from: number; to: number }>(disks: readonly D[]): { over: D; files: number } | undefined {
  const files = disks.filter((d) => d.disk && isFileBacked(d.disk));
  return files.length > LOOP_DEVICES ? { over: files[LOOP_DEVICES]!, files: files.length } : undefined;
}

/** Reported on the first disk over the budget. */
export function reportLoopBudget(ctx: Lint, budget: { over: { from: number; to: number }; files: number } | undefined): void {
  if (!budget) return;
  const { over, files } = budget;
  ctx.report(
    'XL-LOOP-BUDGET',
    'warning',
    `${files} file-backed disks: each one served by blkback takes a loop device on the host, and Linux creates ${LOOP_DEVICES} by default (this is disk ${LOOP_DEVICES + 1} of them) — add "options loop max_loop=x" (x = the number you need, for all domains) to /etc/modprobe.conf.local (or a file in /etc/modprobe.d/) and reload the loop module while no loop device is in use, or serve the images with backendtype=qdisk`,
    over.from,
    over.to,
  );
}
