/**
 * `xldisk config [--libxl] FILE|-`
 * A whole xl config read as xl reads it: each disk item in the order xl uses them (the spec
 * after quote processing, where it is, its parse) and the config-level errors and warnings.
 * Exit 1 when xl would refuse the config or one of its disks.
 */
import { diskList, readXlConfig } from '../../core/xl/config';
import { parseDiskSpec } from '../../core/xl/diskSpec';
import { readInput, rejectRest, splitArgs, takeFlag, UsageError, type Io } from '../io';
import { libxlLine, modelJson } from './parse';

export function runConfig(argv: string[], io: Io): number {
  const { flags } = splitArgs(argv);
  const libxl = takeFlag(flags, '--libxl');
  const files = flags.filter((f) => f === '-' || !f.startsWith('-'));
  rejectRest(flags.filter((f) => !files.includes(f)));
  if (files.length !== 1) throw new UsageError('give one FILE, or - for standard input');
  const file = files[0]!;
  const text = file === '-' ? io.stdin() : readInput(file);
  // xl labels messages with the path it was given
  const source = file === '-' ? '<stdin>' : file;
  const cfg = readXlConfig(text, { source });
  const list = diskList(cfg);
  let disksOk = true;
  const disks = list.items.map((item) => {
    const r = parseDiskSpec(item.spec);
    if (!r.ok) disksOk = false;
    const parse = libxl ? JSON.parse(libxlLine(r, item.spec, source)) : modelJson(r, item.spec, source);
    return {
      index: item.index,
      spec: item.spec,
      line: item.start.line,
      column: item.start.column,
      endLine: item.end.line,
      endColumn: item.end.column,
      [libxl ? 'libxl' : 'parse']: parse,
    };
  });
  const out = {
    file: source,
    ok: cfg.ok,
    aborted: cfg.aborted,
    messages: cfg.messages,
    diagnostics: cfg.diagnostics.map((d) => ({
      kind: d.kind,
      severity: d.severity,
      message: d.message,
      near: d.near,
      line: d.start.line,
      column: d.start.column,
      endLine: d.end.line,
      endColumn: d.end.column,
      xlLine: d.line,
    })),
    disk: { status: list.status, exact: list.exact, total: list.total, xlUses: list.xlUses },
    disks,
  };
  io.out(JSON.stringify(out, null, 2) + '\n');
  return cfg.ok && disksOk ? 0 : 1;
}
