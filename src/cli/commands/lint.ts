/**
 * `xldisk lint [--json] [--fix] [--guest hvm|pv|pvh] FILE|-`
 * Lints a disk spec, an xl config or libvirt XML (detected from the text).
 *
 * - Without --fix: each diagnostic as `FILE:LINE:COL: severity: message [code]` (or with --json
 *   `{"diagnostics": [...]}`) on standard output.
 * - With --fix: the fixed text on standard output — every safe fix, and for each error left with
 *   exactly one fix, that fix (repeated until nothing more applies) — and what remains on
 *   standard error (human lines, or the JSON object with --json).
 *
 * Exit 1 while errors remain (after fixing, with --fix), 0 otherwise.
 */
import { GUEST_TYPES, type GuestType } from '../../core/model/guest';
import { type Diagnostic, fixAll, lint } from '../../core/lint';
import { readInput, rejectRest, splitArgs, takeFlag, takeOption, UsageError, type Io } from '../io';

function human(file: string, ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`).join('');
}

function json(ds: readonly Diagnostic[]): string {
  const diagnostics = ds.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    from: d.from,
    to: d.to,
    fixes: d.fixes,
  }));
  return JSON.stringify({ diagnostics }, null, 2) + '\n';
}

export function runLint(argv: string[], io: Io): number {
  const { flags } = splitArgs(argv);
  const asJson = takeFlag(flags, '--json');
  const doFix = takeFlag(flags, '--fix');
  const guest = takeOption(flags, '--guest');
  if (guest !== undefined && !(GUEST_TYPES as readonly string[]).includes(guest)) throw new UsageError('--guest takes hvm, pv or pvh');
  const files = flags.filter((f) => f === '-' || !f.startsWith('-'));
  rejectRest(flags.filter((f) => !files.includes(f)));
  if (files.length !== 1) throw new UsageError('give one FILE, or - for standard input');
  const file = files[0]!;
  const text = file === '-' ? io.stdin() : readInput(file);
  const label = file === '-' ? '<stdin>' : file;
  const options = guest ? { guest: guest as GuestType } : {};

  if (doFix) {
    const r = fixAll(text, options);
    io.out(r.text);
    io.err(asJson ? json(r.remaining) : human(label, r.remaining));
    return r.remaining.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const ds = lint(text, options);
  io.out(asJson ? json(ds) : human(label, ds));
  return ds.some((d) => d.severity === 'error') ? 1 : 0;
}
