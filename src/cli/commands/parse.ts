/**
 * `xldisk parse [--libxl] [--source LABEL] [-- PART...]`
 * With parts: one disk, as `xl block-attach` words. Without: one spec per line of standard input.
 */
import { parseDiskSpec, xlErrorText, type DiskParse } from '../../core/xl/diskSpec';
import { formatPositional } from '../../core/xl/formatSpec';
import { inputLines, rejectRest, splitArgs, takeFlag, takeOption, type Io } from '../io';

/** libxl's JSON for the disk, or `{"error": "<xl's message>"}`, on one line. */
export function libxlLine(r: DiskParse, parts: string | readonly string[], source: string): string {
  return r.ok ? JSON.stringify(r.libxl) : JSON.stringify({ error: xlErrorText(r, parts, source) });
}

/** Our model, or the errors with their positions (columns 1-based, end exclusive). */
export function modelJson(r: DiskParse, parts: string | readonly string[], source: string): object {
  if (r.ok) return { ok: true, disk: r.disk, libxl: r.libxl, positional: formatPositional(r.disk) ?? null };
  const message = xlErrorText(r, parts, source);
  return {
    ok: false,
    message,
    ...(r.fatal ? { fatal: r.fatal } : {}),
    errors: r.errors.map((e) => ({ ...e, column: e.from + 1, endColumn: e.to + 1 })),
  };
}

export function runParse(argv: string[], io: Io): number {
  const { flags, parts } = splitArgs(argv);
  const libxl = takeFlag(flags, '--libxl');
  const sourceOpt = takeOption(flags, '--source');
  rejectRest(flags);
  const source = sourceOpt ?? 'command line';
  const line = (r: DiskParse, p: string | readonly string[]) => (libxl ? libxlLine(r, p, source) : JSON.stringify(modelJson(r, p, source)));
  if (parts) {
    const r = parseDiskSpec(parts);
    io.out(line(r, parts) + '\n');
    return r.ok ? 0 : 1;
  }
  const specs = inputLines(io.stdin());
  const out: string[] = new Array(specs.length);
  for (let i = 0; i < specs.length; i++) out[i] = line(parseDiskSpec(specs[i]), specs[i]);
  if (out.length) io.out(out.join('\n') + '\n');
  return 0;
}
