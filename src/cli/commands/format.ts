/**
 * `xldisk format [--explicit] [--positional] [--xen 4.17|4.19] [-- PART...]`
 * The canonical spec of a disk (parts as `xl block-attach` words, or one spec per stdin line).
 */
import { parseDiskSpec, xlErrorText } from '../../core/xl/diskSpec';
import { formatDiskSpec, formatPositional } from '../../core/xl/formatSpec';
import { UsageError, inputLines, rejectRest, splitArgs, takeFlag, takeOption, type Io } from '../io';

export function runFormat(argv: string[], io: Io): number {
  const { flags, parts } = splitArgs(argv);
  const style = takeFlag(flags, '--explicit') ? 'explicit' : 'minimal';
  const positional = takeFlag(flags, '--positional');
  const xen = takeOption(flags, '--xen') ?? '4.17';
  rejectRest(flags);
  if (xen !== '4.17' && xen !== '4.19') throw new UsageError('--xen takes 4.17 or 4.19');
  const inputs: (string | string[])[] = parts ? [parts] : inputLines(io.stdin());
  let status = 0;
  for (const input of inputs) {
    const r = parseDiskSpec(input);
    if (!r.ok) {
      io.err(xlErrorText(r, input, 'command line') + '\n');
      status = 1;
      continue;
    }
    if (positional) {
      const p = formatPositional(r.disk, { style });
      if (p === undefined) {
        io.err(`xldisk: ${formatDiskSpec(r.disk, { style })} has no positional form\n`);
        status = 1;
        continue;
      }
      io.out(p + '\n');
    } else {
      io.out(formatDiskSpec(r.disk, { style, xen }) + '\n');
    }
  }
  return status;
}
