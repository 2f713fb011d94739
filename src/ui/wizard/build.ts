/**
 * Form values → the core disk model, checked by the core schemas, codecs and parser:
 *
 * 1. each target field through its core schema (RbdTargetSchema, MonHostSchema, NbdTargetSchema…);
 * 2. the structured target through encodeTarget (the core codec writes the target string);
 * 3. the disk through DiskSchema;
 * 4. the spec through xl's parser (parse(format(disk)) must give the disk back);
 * 5. libxl's combination checks, the vdev rules and the target advice: core lint's checkDisk,
 *    the same rules the linter applies to pasted text.
 *
 * Errors from steps 1–4 mean the disk cannot be written: nothing is committed. Errors from 5 are
 * shown but the disk is still written (the text may hold a disk libxl would refuse; the preview
 * says so). The zod resolver (formSchema) reports all of them to react-hook-form.
 */
import { z } from 'zod';
import { DiskSchema, FORMATS, type Disk } from '../../core/model/disk';
import {
  DEFAULT_RBD_LIST_SEPARATOR,
  DmmdTargetSchema,
  DrbdTargetSchema,
  IscsiTargetSchema,
  MonHostSchema,
  NbdTargetSchema,
  NpivTargetSchema,
  PathTargetSchema,
  RbdOptionSchema,
  RbdTargetSchema,
  type MonHost,
  type RbdOption,
  type StructuredTarget,
} from '../../core/model/target';
import { parseDiskSpec, xlErrorMessage } from '../../core/xl/diskSpec';
import { canonicalDisk, formatDiskSpec, sameDisk } from '../../core/xl/formatSpec';
import { encodeTarget } from '../../core/xl/targets';
import { KIND_IDS, type FormValues, type KindId } from './kinds';
import { checkDisk, type DiskField, type DiskIssue } from '../../core/lint';
import type { GuestType } from '../../core/xl/vdev';

/** A message about a form field (its path in the form values). */
export type Issue = { path: string; message: string };

export type RuleContext = {
  guest: GuestType;
  /** The vdevs of the domain's other disks, with their 1-based position for messages. */
  others: readonly { vdev: string; position: number }[];
};

export type Built = {
  /** The disk, when it can be written (it may still break a libxl rule: see errors). */
  disk?: Disk;
  /** The minimal spec of `disk`. */
  spec?: string;
  errors: Issue[];
  warnings: Issue[];
};

/** The field a target-level error is shown beside, per kind. */
export const MAIN_FIELD: Record<KindId, string> = {
  file: 'path',
  block: 'path',
  cdrom: 'path',
  rbd: 'image',
  nbd: 'nbdHost',
  iscsi: 'iqn',
  dmmd: 'stanzas',
  drbd: 'resource',
  npiv: 'npivFields',
  other: 'rawTarget',
};

type Sink = { errors: Issue[]; warnings: Issue[] };

/** Runs a core schema on a value and reports its messages at a form field. */
function check<T>(schema: z.ZodType<T>, value: unknown, path: string, sink: Sink): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) sink.errors.push({ path, message: issue.message });
  return undefined;
}

/** Reports a core schema's issues on a whole target, mapping its paths to form fields. */
function checkTarget<T>(schema: z.ZodType<T>, value: unknown, map: (path: readonly PropertyKey[]) => string, sink: Sink): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) sink.errors.push({ path: map(issue.path), message: issue.message });
  return undefined;
}

const opt = (s: string) => (s === '' ? undefined : s);

function portNumber(text: string, path: string, sink: Sink): number | undefined {
  if (!/^[0-9]+$/.test(text)) {
    sink.errors.push({ path, message: text === '' ? 'enter a port number' : 'a port is a number from 1 to 65535' });
    return undefined;
  }
  return Number(text);
}

/** Options in the carried order, each replaced by its new value; new ones appended in libvirt's order. */
function rbdOptions(v: FormValues, carried: RbdOption[] | undefined, sink: Sink): RbdOption[] | undefined {
  let ok = true;
  const typed: Partial<Record<RbdOption['kind'], RbdOption | null>> = {};
  const put = (kind: 'id' | 'key' | 'keyring' | 'conf', value: string, path: string) => {
    if (value === '') return void (typed[kind] = null);
    const o = check(RbdOptionSchema, { kind, value }, path, sink);
    if (o) typed[kind] = o;
    else ok = false;
  };
  put('id', v.cephId, 'cephId');
  put('key', v.key, 'key');
  put('keyring', v.keyring, 'keyring');
  put('conf', v.conf, 'conf');
  const carriedAuth = carried?.find((o) => o.kind === 'auth_supported');
  const carriedMon = carried?.find((o) => o.kind === 'mon_host');
  if (v.authSupported === '') typed.auth_supported = null;
  else {
    const methods = v.authSupported.split(/[;, ]/).filter((m) => m !== '');
    const o = check(RbdOptionSchema, { kind: 'auth_supported', methods, ...(carriedAuth?.kind === 'auth_supported' && { separator: carriedAuth.separator }) }, 'authSupported', sink);
    if (o) typed.auth_supported = o;
    else ok = false;
  }
  const hosts: MonHost[] = [];
  v.monitors.forEach((m, i) => {
    if (m.host === '' && m.port === '') return; // a row not filled in yet
    const port = m.port === '' ? undefined : portNumber(m.port, `monitors.${i}.port`, sink);
    if (m.port !== '' && port === undefined) return void (ok = false);
    const r = MonHostSchema.safeParse({ host: m.host, ...(port !== undefined && { port }) });
    if (r.success) hosts.push(r.data);
    else {
      ok = false;
      for (const issue of r.error.issues) sink.errors.push({ path: `monitors.${i}.${String(issue.path[0] ?? 'host')}`, message: issue.message });
    }
  });
  if (hosts.length === 0) typed.mon_host = null;
  else typed.mon_host = { kind: 'mon_host', hosts, separator: carriedMon?.kind === 'mon_host' ? carriedMon.separator : DEFAULT_RBD_LIST_SEPARATOR };
  if (!ok) return undefined;

  const out: RbdOption[] = [];
  const done = new Set<string>();
  for (const o of carried ?? []) {
    if (o.kind === 'other') out.push(o);
    else {
      const n = typed[o.kind];
      if (n) out.push(n);
      done.add(o.kind);
    }
  }
  for (const kind of ['id', 'key', 'keyring', 'auth_supported', 'mon_host', 'conf'] as const) {
    const n = typed[kind];
    if (n && !done.has(kind)) out.push(n);
  }
  return out;
}

/** The structured target of the form, or undefined (with errors) when a field cannot be written. */
function targetOf(v: FormValues, sink: Sink): StructuredTarget | 'none' | undefined {
  const carried = v.carried;
  const raw = carried && 'raw' in carried && carried.kind === targetKindOf(v.kind) ? { raw: carried.raw } : {};
  switch (v.kind) {
    case 'file':
    case 'block':
    case 'cdrom': {
      if (v.kind === 'cdrom' && v.cdromMedia === 'empty') return 'none';
      if (v.path === '') {
        sink.errors.push({ path: 'path', message: v.kind === 'cdrom' && v.cdromMedia === 'host' ? 'enter the host drive, e.g. /dev/sr0' : 'enter the path of the image or device' });
        return undefined;
      }
      return checkTarget(PathTargetSchema, { kind: 'path', path: v.path }, () => 'path', sink);
    }
    case 'rbd': {
      const options = rbdOptions(v, carried?.kind === 'rbd' ? carried.options : undefined, sink);
      const t = { kind: 'rbd', pool: v.pool, ...(opt(v.namespace) !== undefined && { namespace: v.namespace }), image: v.image, ...(opt(v.snapshot) !== undefined && { snapshot: v.snapshot }), options: options ?? [], ...raw };
      const checked = checkTarget(RbdTargetSchema, t, (p) => (['pool', 'namespace', 'image', 'snapshot'].includes(String(p[0])) ? String(p[0]) : 'image'), sink);
      return options ? checked : undefined;
    }
    case 'nbd': {
      let server;
      if (v.nbdTransport === 'tcp') {
        const port = portNumber(v.nbdPort, 'nbdPort', sink);
        if (port === undefined) return undefined;
        server = { transport: 'tcp', host: v.nbdHost, port };
      } else server = { transport: 'unix', path: v.nbdSocket };
      const t = { kind: 'nbd', via: 'qdisk', server, ...(opt(v.exportName) !== undefined && { exportName: v.exportName }), ...raw };
      return checkTarget(
        NbdTargetSchema,
        t,
        (p) => (p[0] === 'exportName' ? 'exportName' : p[1] === 'port' ? 'nbdPort' : v.nbdTransport === 'unix' ? 'nbdSocket' : 'nbdHost'),
        sink,
      );
    }
    case 'iscsi': {
      const script = carried?.kind === 'iscsi' ? carried.script : undefined;
      const extra = carried?.kind === 'iscsi' ? carried.extra : [];
      const t = { kind: 'iscsi', iqn: v.iqn, ...(opt(v.portal) !== undefined && { portal: v.portal }), ...(v.multipath !== '' && { multipath: v.multipath }), extra, ...(script && { script }), ...raw };
      return checkTarget(IscsiTargetSchema, t, (p) => (p[0] === 'portal' || p[0] === 'multipath' ? String(p[0]) : 'iqn'), sink);
    }
    case 'dmmd': {
      const script = carried?.kind === 'dmmd' ? carried.script : undefined;
      const prefixed = carried?.kind === 'dmmd' ? carried.prefixed : false;
      const stanzas = v.stanzas.map((s) => ({ type: s.type, device: s.device, ...(s.type === 'md' && s.config !== '' && { config: s.config }) }));
      const t = { kind: 'dmmd', prefixed, stanzas, ...(script && { script }) };
      return checkTarget(DmmdTargetSchema, t, (p) => (p[0] === 'stanzas' && typeof p[1] === 'number' ? `stanzas.${p[1]}.${String(p[2] ?? 'device')}` : 'stanzas'), sink);
    }
    case 'drbd': {
      const keep = carried?.kind === 'drbd' && carried.script.endsWith(v.drbdScript) ? carried.script : v.drbdScript;
      return checkTarget(DrbdTargetSchema, { kind: 'drbd', resource: v.resource, script: keep }, () => 'resource', sink);
    }
    case 'npiv': {
      const script = carried?.kind === 'npiv' ? carried.script : undefined;
      const t = { kind: 'npiv', prefixed: v.npivPrefixed, fields: v.npivFields.map((f) => f.value), ...(script && { script }) };
      return checkTarget(NpivTargetSchema, t, (p) => (typeof p[1] === 'number' ? `npivFields.${p[1]}.value` : 'npivFields'), sink);
    }
    case 'other':
      return undefined;
  }
}

function targetKindOf(kind: KindId): StructuredTarget['kind'] {
  return kind === 'file' || kind === 'block' || kind === 'cdrom' ? 'path' : kind === 'other' ? 'opaque' : kind;
}

export function buildDisk(v: FormValues, ctx: RuleContext): Built {
  const sink: Sink = { errors: [], warnings: [] };
  const main = MAIN_FIELD[v.kind];

  // the target, through the core codecs
  let target: string | undefined;
  let script: string | undefined;
  let backendtype: Disk['backendtype'] = v.backendtype === '' ? undefined : v.backendtype;
  if (v.kind === 'other') {
    if (v.rawTarget === '') sink.errors.push({ path: 'rawTarget', message: 'enter the target' });
    target = v.rawTarget;
    script = opt(v.script);
  } else {
    const t = targetOf(v, sink);
    if (t === undefined) return sink;
    if (t !== 'none') {
      const e = encodeTarget(t);
      target = e.target;
      script = e.script;
      if (e.backendtype) backendtype = e.backendtype;
    }
  }

  if (v.vdev === '') sink.errors.push({ path: 'vdev', message: 'enter a virtual device name, e.g. xvda' });
  let coloPort: number | undefined;
  if (v.coloPort !== '') coloPort = portNumber(v.coloPort, 'coloPort', sink);
  if (sink.errors.length) return sink;

  const cdrom = v.kind === 'cdrom';
  const input = {
    ...(target !== undefined && { target }),
    format: v.format,
    vdev: v.vdev,
    access: cdrom ? 'ro' : v.access,
    devtype: cdrom ? 'cdrom' : 'disk',
    ...(backendtype !== undefined && { backendtype }),
    ...(script !== undefined && { script }),
    ...(opt(v.backend) !== undefined && { backend: v.backend }),
    directIoSafe: v.directIoSafe,
    ...(v.discard !== '' && { discard: v.discard === 'discard' }),
    ...(v.specification !== '' && { specification: v.specification }),
    ...(v.colo !== '' && { colo: v.colo === 'colo' }),
    ...(opt(v.coloHost) !== undefined && { coloHost: v.coloHost }),
    ...(coloPort !== undefined && { coloPort }),
    ...(opt(v.coloExport) !== undefined && { coloExport: v.coloExport }),
    ...(opt(v.activeDisk) !== undefined && { activeDisk: v.activeDisk }),
    ...(opt(v.hiddenDisk) !== undefined && { hiddenDisk: v.hiddenDisk }),
  };
  const parsed = checkTarget(DiskSchema, input, (p) => (p[0] === 'target' ? main : p[0] === 'directIoSafe' ? 'directIoSafe' : String(p[0])), sink);
  if (!parsed) return sink;
  const disk = canonicalDisk(parsed);

  // xl must read the spec back as this very disk
  const spec = formatDiskSpec(disk);
  const back = parseDiskSpec(spec);
  if (!back.ok) {
    sink.errors.push({ path: main, message: `xl refuses the result: ${xlErrorMessage(back.errors[0]!, spec)}` });
    return sink;
  }
  if (!sameDisk(back.disk, disk)) {
    sink.errors.push({ path: main, message: 'xl would read this disk back differently: check for blanks or prefixes xl strips' });
    return sink;
  }

  for (const issue of checkDisk(disk, { guest: ctx.guest, others: ctx.others })) {
    // the host notes below the form say what a script needs
    if (issue.code === 'XL-SCRIPT' && issue.severity === 'info') continue;
    (issue.severity === 'error' ? sink.errors : sink.warnings).push({ path: fieldOf(issue, v.kind), message: issue.message });
  }
  kindWarnings(v, disk, sink);
  return { disk, spec, errors: sink.errors, warnings: sink.warnings };
}

/** The form field a core check is about. */
function fieldOf(issue: DiskIssue, kind: KindId): string {
  const f: DiskField = issue.field;
  switch (f) {
    case 'target':
      return MAIN_FIELD[kind];
    case 'devtype':
      return 'kind';
    case 'script':
      return kind === 'other' ? 'script' : MAIN_FIELD[kind];
    default:
      return f;
  }
}

/** What the form knows beyond the disk: advice about the fields as the user filled them in. */
function kindWarnings(v: FormValues, d: Disk, sink: Sink): void {
  if (v.kind === 'rbd') {
    if (v.cephId.startsWith('client.')) sink.warnings.push({ path: 'cephId', message: 'write the user without the client. prefix (qemu adds it): ' + v.cephId.slice(7) });
    if (v.snapshot !== '' && d.access === 'rw') sink.warnings.push({ path: 'snapshot', message: 'an RBD snapshot is read-only: set access to ro' });
    if (v.key !== '') sink.warnings.push({ path: 'key', message: 'the key is written into the xl config in clear text; libvirt keeps it in a secret instead (see the libvirt preview)' });
  }
  if (v.kind === 'iscsi' && v.portal === '') sink.warnings.push({ path: 'portal', message: 'today’s block-iscsi needs portal=; a bare IQN is the old xend form' });
}

/** The react-hook-form resolver's schema: the flat form, checked by buildDisk. */
export function formSchema(ctx: () => RuleContext) {
  return z
    .object({
      kind: z.enum(KIND_IDS),
      format: z.enum(FORMATS),
    })
    .loose()
    .superRefine((values, zctx) => {
      const built = buildDisk(values as unknown as FormValues, ctx());
      for (const e of built.errors) zctx.addIssue({ code: 'custom', path: e.path.split('.').map((p) => (/^[0-9]+$/.test(p) ? Number(p) : p)), message: e.message });
    });
}
