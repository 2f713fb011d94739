/**
 * The host's loop-device budget (the seed document): each file-backed disk blkback serves takes
 * one loop device on the host, and Linux creates 64 by default (`max_loop`).
 */
import type { Disk } from '../model/disk';
import { isFileBacked } from './checks';
import type { Lint } from './context';

export const LOOP_DEVICES = 64;

export function reportLoopBudget(ctx: Lint, disks: readonly { disk?: Disk; from: number; to: number }[]): void {
  const files = disks.filter((d) => d.disk && isFileBacked(d.disk));
  if (files.length <= LOOP_DEVICES) return;
  const over = files[LOOP_DEVICES]!;
  ctx.report(
    'XL-LOOP-BUDGET',
    'warning',
    `${files.length} file-backed disks: each one served by blkback takes a loop device on the host, and Linux creates ${LOOP_DEVICES} by default (this is disk ${LOOP_DEVICES + 1} of them) — add "options loop max_loop=x" (x = the number you need, for all domains) to /etc/modprobe.conf.local (or a file in /etc/modprobe.d/) and reload the loop module while no loop device is in use, or serve the images with backendtype=qdisk`,
    over.from,
    over.to,
  );
}
