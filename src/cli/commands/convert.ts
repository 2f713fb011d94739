/**
 * `xldisk convert --to libvirt [--guest hvm|pv|pvh] [--secret-usage NAME | --secret-uuid UUID] [--reveal-key] -- SPEC`
 * `xldisk convert --to libvirt [--guest …] [secret options] --config FILE`
 * `xldisk convert --to xl [--config] [--rbd-key KEY] [FILE|-]`
 *
 * xl → libvirt prints `<disk>` elements on standard output; libvirt → xl prints one disk spec per
 * line (as xl's disk parser receives it), or with --config the `disk = [ … ]` line.
 * Diagnostics, and the secret setup of RBD disks with a Ceph user, go to standard error.
 */
import {
  GUEST_TYPES,
  type GuestType,
  type LvDiagnostic,
  type RbdSecretRef,
  type SpecToXml,
  hasError,
  libvirtToXl,
  rbdSecret,
  specToLibvirt,
  xlConfigToLibvirt,
} from '../../core/libvirt';
import { UsageError, inputLines, readInput, rejectRest, splitArgs, takeFlag, takeOption, type Io } from '../io';

function line(label: string, d: LvDiagnostic): string {
  const where = d.at ? `${label}:${d.at.line}:${d.at.column}: ` : `${label}: `;
  return `${where}${d.severity}: ${d.message} [${d.code}]\n`;
}

function guestOption(flags: string[]): GuestType | undefined {
  const g = takeOption(flags, '--guest');
  if (g === undefined) return undefined;
  if (!(GUEST_TYPES as readonly string[]).includes(g)) throw new UsageError('--guest takes hvm, pv or pvh');
  return g as GuestType;
}

function readSource(file: string, io: Io): string {
  if (file === '-') return io.stdin();
  try {
    return readInput(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/** The secret setup for RBD disks with a Ceph user, on standard error. */
function secretNotes(results: readonly SpecToXml[], secret: RbdSecretRef, revealKey: boolean, io: Io): void {
  const done = new Set<string>();
  for (const r of results) {
    if (!r.ceph || done.has(r.ceph.username)) continue;
    done.add(r.ceph.username);
    const s = rbdSecret({ username: r.ceph.username, ...(secret.usage !== undefined && { usage: secret.usage }), ...(secret.uuid !== undefined && { uuid: secret.uuid }), ...(r.ceph.key !== undefined && { key: r.ceph.key }), revealKey });
    const hidden = r.ceph.key !== undefined && !s.keyShown ? ' (key masked; --reveal-key shows it)' : r.ceph.key === undefined ? ' (put the key of the Ceph user in place of the placeholder)' : '';
    io.err(
      `note: libvirt needs a secret holding the key of client.${r.ceph.username}. Save this as ${s.xmlFile}:\n` +
        s.xml.replace(/^(?=.)/gm, '  ') +
        `note: then run${hidden}:\n` +
        s.commands.map((c) => `  ${c}\n`).join(''),
    );
  }
}

function toLibvirt(flags: string[], parts: string[] | undefined, io: Io): number {
  const guest = guestOption(flags);
  const config = takeOption(flags, '--config');
  const usage = takeOption(flags, '--secret-usage');
  const uuid = takeOption(flags, '--secret-uuid');
  const revealKey = takeFlag(flags, '--reveal-key');
  rejectRest(flags);
  if (flags.length > 0) throw new UsageError(`unexpected argument ${flags[0]}`);
  const secret: RbdSecretRef = { ...(usage !== undefined && { usage }), ...(uuid !== undefined && { uuid }) };
  let results: SpecToXml[];
  let label: string;
  let status = 0;
  if (config !== undefined) {
    if (parts) throw new UsageError('give either --config FILE or -- SPEC, not both');
    label = config === '-' ? '<stdin>' : config;
    const r = xlConfigToLibvirt(readSource(config, io), { source: label, secret, ...(guest && { guest }) });
    for (const m of r.messages) io.err(`${m}\n`);
    for (const d of r.diagnostics) io.err(line(label, d));
    if (!r.ok) return 1;
    results = r.disks;
  } else {
    label = 'xldisk convert';
    const inputs: (string | string[])[] = parts ? [parts] : inputLines(io.stdin());
    results = inputs.map((p) => specToLibvirt(p, { secret, guest: guest ?? 'hvm' }));
  }
  results.forEach((r, i) => {
    const who = results.length > 1 ? `${label}: disk ${i + 1}${r.disk ? ` (${r.disk.vdev})` : ''}` : label;
    for (const d of r.diagnostics) io.err(line(who, d));
    if (r.xml) io.out(r.xml);
    if (hasError(r.diagnostics) || !r.xml) status = 1;
  });
  secretNotes(results, secret, revealKey, io);
  return status;
}

function toXl(flags: string[], parts: string[] | undefined, io: Io): number {
  const guest = guestOption(flags);
  const config = takeFlag(flags, '--config');
  const rbdKey = takeOption(flags, '--rbd-key');
  rejectRest(flags);
  const files = [...flags, ...(parts ?? [])];
  if (files.length > 1) throw new UsageError('give one FILE (or - for standard input)');
  const file = files[0] ?? '-';
  const label = file === '-' ? '<stdin>' : file;
  const r = libvirtToXl(readSource(file, io), { ...(guest && { guest }), ...(rbdKey !== undefined && { rbdKey }) });
  for (const d of r.diagnostics) io.err(line(label, d));
  if (!r.read.ok) return 1;
  if (config) io.out(`${r.setting}\n`);
  else if (r.specs.length) io.out(r.specs.join('\n') + '\n');
  return r.read.disks.some((d) => !d.disk && !d.skipped) ? 1 : 0;
}

export function runConvert(argv: string[], io: Io): number {
  const { flags, parts } = splitArgs(argv);
  const to = takeOption(flags, '--to');
  if (to === 'libvirt') return toLibvirt(flags, parts, io);
  if (to === 'xl') return toXl(flags, parts, io);
  throw new UsageError(to === undefined ? '--to libvirt or --to xl is required' : `--to takes libvirt or xl, not ${to}`);
}
