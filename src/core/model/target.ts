/**
 * Structured disk targets: what the raw `target=` string (libxl's `pdev_path`) means for the
 * backend or hotplug script that reads it.
 *
 * The disk model (disk.ts) keeps the target as the exact string xl hands on. This file describes
 * the same string broken into its parts, one shape per kind, so wizards and the libvirt mapper
 * can work on fields instead of escapes. The codecs in `src/core/xl/targets/` convert between the
 * two, byte-exactly: a string the codecs accept comes back unchanged.
 *
 * All strings here are at the *disk-spec* level: what `xlu_disk_parse` receives, after the config
 * file's own unescaping. An RBD monitor list is `a\:6789\;b\:6789` here; the config writer doubles
 * the backslashes when it writes a `.cfg` file.
 *
 * Types are inferred from the schemas; no type is written beside them.
 */
import { z } from 'zod';

/** No field of a target may hold a newline: a disk spec cannot carry one. */
const line = z.string().regex(/^[^\n]*$/, 'a newline cannot be written in a target');
const nonEmpty = line.min(1, 'must not be empty');

/** The last path component of a script name (`/etc/xen/scripts/block-dmmd` → `block-dmmd`). */
export function scriptBaseName(script: string): string {
  return script.slice(script.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------------------------------------
// Hotplug scripts and backends per kind

/**
 * The hotplug scripts each script-based kind is recognised by (by base name, so
 * `/etc/xen/scripts/block-iscsi` counts too). The first one is the default a wizard writes.
 *
 * - `block-iscsi`: upstream Xen (tools/hotplug/Linux).
 * - `block-drbd`: shipped by DRBD (LINBIT drbd-utils); xl's `drbd:` prefix selects it.
 * - `block-drbd-probe`: in upstream Xen, but as a COLO helper that checks a DRBD *device*; the
 *   seed document uses it as `script=` with a resource name, so it is accepted here too.
 * - `block-nbd`: xl's `nbd:` prefix selects it; upstream ships it only as an old example.
 * - `block-dmmd`, `block-npiv`: SUSE's Xen package only.
 */
export const TARGET_SCRIPTS = {
  iscsi: ['block-iscsi'],
  dmmd: ['block-dmmd'],
  drbd: ['block-drbd', 'block-drbd-probe'],
  npiv: ['block-npiv'],
  nbd: ['block-nbd'],
} as const;

/** The kinds a hotplug script selects (`nbd` only in its block-nbd form). */
export const ScriptTargetKindSchema = z.enum(['iscsi', 'dmmd', 'drbd', 'npiv', 'nbd']);
export type ScriptTargetKind = z.infer<typeof ScriptTargetKindSchema>;

/** The kind a `script=` value selects, or undefined for any other script. */
export function scriptTargetKind(script: string): ScriptTargetKind | undefined {
  const base = scriptBaseName(script);
  return ScriptTargetKindSchema.options.find((kind) => (TARGET_SCRIPTS[kind] as readonly string[]).includes(base));
}

/** The kinds qemu reads itself (nbd in its `nbd:` form): `backendtype=qdisk`, no script. */
export const QDISK_TARGET_KINDS = ['rbd', 'nbd'] as const;

function scriptFor(kind: ScriptTargetKind) {
  const names = TARGET_SCRIPTS[kind] as readonly string[];
  return z
    .string()
    .refine((s) => names.includes(scriptBaseName(s)), {
      message: `expected the ${names.join(' or ')} script`,
    })
    .default(names[0]!);
}

// ---------------------------------------------------------------------------------------------
// Plain kinds

/** A file or block device path (anything without a `scheme:` prefix). */
export const PathTargetSchema = z
  .object({
    kind: z.literal('path'),
    path: nonEmpty.refine((p) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(p), {
      message: 'a path cannot start with a scheme: prefix (that is an opaque target)',
    }),
  })
  .strict();

/** No medium: an empty cdrom drive, or a target left empty. Encodes as the empty string. */
export const EmptyTargetSchema = z.object({ kind: z.literal('empty') }).strict();

/** Anything the codecs do not structure: kept verbatim, with the script that goes with it. */
export const OpaqueTargetSchema = z
  .object({
    kind: z.literal('opaque'),
    text: line,
    /** As given; what script= may hold is the disk model's business. */
    script: z.string().min(1).optional(),
  })
  .strict();

/**
 * The exact text a structured target was decoded from, kept only when it differs from the
 * canonical spelling of the structure (a different option order, gratuitous escapes, a port with
 * leading zeros…). The encoder writes it back for as long as it still decodes to the same
 * structure; edit any field and the canonical spelling is used instead.
 */
const raw = line.optional();

// ---------------------------------------------------------------------------------------------
// RBD (qemu's `rbd:` filename, read by qdisk)

/**
 * How list items are separated inside an RBD option value. Ceph accepts `;`, `,` and blanks; the
 * backslash-escaped forms are what libvirt writes and the only ones libvirt's reader splits on.
 */
export const RBD_LIST_SEPARATORS = ['\\;', ';', '\\,', ',', '\\ ', ' '] as const;
export const RbdListSeparatorSchema = z.enum(RBD_LIST_SEPARATORS);

/** The separator written when none is given (libvirt's convention). */
export const DEFAULT_RBD_LIST_SEPARATOR = '\\;' as const;

/** A host that can stand in a list item: no blanks, list separators, brackets or backslashes. */
const listHost = nonEmpty.regex(/^[^\s;,[\]\\]+$/, 'a host cannot contain blanks, ; , [ ] or \\');

/** An IPv6 address (with an optional zone); written in brackets, stored without them. */
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?$/;

const port = z.number().int().min(1).max(65535);

/** One Ceph monitor. `host` holds a name, an IPv4 address, or an IPv6 address without brackets. */
export const MonHostSchema = z
  .object({
    host: listHost.refine((h) => !h.includes(':') || IPV6.test(h), {
      message: 'a host with ":" must be an IPv6 address',
    }),
    port: port.optional(),
  })
  .strict();

/** Option names the RBD shape types; any other name is an `other` option. */
export const RBD_TYPED_OPTIONS = ['id', 'key', 'keyring', 'conf', 'auth_supported', 'mon_host'] as const;

/** Option values are stored unescaped; the encoder escapes `\`, `:` and `@`. */
const optionValue = (what: string) => line.min(1, `${what} needs a value`);

export const RbdOptionSchema = z.discriminatedUnion('kind', [
  /** The Ceph user, without `client.` (qemu's `user`). */
  z.object({ kind: z.literal('id'), value: optionValue('id=') }).strict(),
  /** The Ceph secret itself (base64). Wizards should not embed it; it is kept to round-trip. */
  z.object({ kind: z.literal('key'), value: optionValue('key=') }).strict(),
  z.object({ kind: z.literal('keyring'), value: optionValue('keyring=') }).strict(),
  /** A ceph.conf to read (`/dev/null` for none). */
  z.object({ kind: z.literal('conf'), value: optionValue('conf=') }).strict(),
  /** Authentication methods in order, e.g. `['cephx', 'none']`. */
  z
    .object({
      kind: z.literal('auth_supported'),
      methods: z.array(listHost).min(1),
      /** Separator between the methods (for byte-exact output); irrelevant for one method. */
      separator: RbdListSeparatorSchema.default(DEFAULT_RBD_LIST_SEPARATOR),
    })
    .strict(),
  z
    .object({
      kind: z.literal('mon_host'),
      hosts: z.array(MonHostSchema).min(1),
      separator: RbdListSeparatorSchema.default(DEFAULT_RBD_LIST_SEPARATOR),
    })
    .strict(),
  /** Any other Ceph option, in place. */
  z
    .object({
      kind: z.literal('other'),
      name: nonEmpty.refine((n) => !(RBD_TYPED_OPTIONS as readonly string[]).includes(n), {
        message: 'this option has its own kind',
      }),
      value: line,
    })
    .strict(),
]);

/**
 * `rbd:POOL/[NAMESPACE/]IMAGE[@SNAPSHOT][:NAME=VALUE...]` (qemu's rbd driver). Pool, namespace,
 * image and snapshot are stored unescaped. Options keep their written order.
 */
export const RbdTargetSchema = z
  .object({
    kind: z.literal('rbd'),
    pool: nonEmpty,
    /** RADOS namespace (qemu 4.0+ reads `pool/ns/image`). */
    namespace: nonEmpty.optional(),
    image: nonEmpty,
    snapshot: nonEmpty.optional(),
    options: z.array(RbdOptionSchema).default([]),
    raw,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// NBD

export const NbdServerSchema = z.discriminatedUnion('transport', [
  z
    .object({
      transport: z.literal('tcp'),
      /** A name or IPv4 address, or an IPv6 address without brackets. */
      host: nonEmpty
        .regex(/^[^\s[\]]+$/, 'a host cannot contain blanks or brackets')
        .refine((h) => !h.includes(':') || IPV6.test(h), { message: 'a host with ":" must be an IPv6 address' }),
      port,
    })
    .strict(),
  z.object({ transport: z.literal('unix'), path: nonEmpty }).strict(),
]);

/**
 * Whether the server part can be written in an `nbd:` filename: qemu takes the first
 * `:exportname=` for the export, any `://` makes the whole filename a URL, and `nbd:unix:` is a
 * socket.
 */
function nbdServerWritable(server: { transport: 'tcp'; host: string } | { transport: 'unix'; path: string }): boolean {
  if (server.transport === 'tcp') return server.host !== 'unix' && !`nbd:${server.host}`.includes('://');
  return !server.path.includes(':exportname=') && !`nbd:unix:${server.path}`.includes('://');
}

export const NbdTargetSchema = z.discriminatedUnion('via', [
  /**
   * qemu's legacy filename, read by qdisk: `nbd:HOST:PORT[:exportname=E]`,
   * `nbd:[V6]:PORT[...]`, `nbd:unix:/SOCKET[:exportname=E]`.
   */
  z
    .object({
      kind: z.literal('nbd'),
      via: z.literal('qdisk'),
      server: NbdServerSchema,
      exportName: nonEmpty.optional(),
      raw,
    })
    .strict()
    .refine((t) => nbdServerWritable(t.server), {
      message: 'this server cannot be written in an nbd: filename',
      path: ['server'],
    })
    .refine((t) => t.exportName === undefined || !t.exportName.includes('://'), {
      message: 'an export name cannot contain "://" (qemu would read the filename as a URL)',
      path: ['exportName'],
    }),
  /** The block-nbd hotplug script (xl's positional `nbd:` prefix): `HOST:PORT`. */
  z
    .object({
      kind: z.literal('nbd'),
      via: z.literal('script'),
      server: NbdServerSchema.refine((s) => s.transport === 'tcp', {
        message: 'block-nbd takes HOST:PORT only',
      }),
      script: scriptFor('nbd'),
      raw,
    })
    .strict(),
]);

// ---------------------------------------------------------------------------------------------
// Hotplug-script kinds

/** Text block-iscsi can take in one parameter: it splits the target on commas and blanks. */
const iscsiWord = nonEmpty.regex(/^[^\s,]+$/, 'block-iscsi splits on commas and blanks');

/**
 * Upstream block-iscsi: `iqn=IQN,portal=IP[:PORT][,multipath=y|n]`, comma-separated, any order;
 * the script ignores other parameters (kept in `extra`). It always attaches LUN 0.
 * Without `portal`, the target is a bare IQN: the xend-era form the `iscsi:` prefix and Xen's own
 * parser tests use, which today's block-iscsi refuses.
 */
export const IscsiTargetSchema = z
  .object({
    kind: z.literal('iscsi'),
    iqn: iscsiWord.regex(/^[^=]*$/, 'an IQN cannot contain "="'),
    portal: iscsiWord.optional(),
    multipath: z.enum(['y', 'n']).optional(),
    extra: z
      .array(
        z
          .object({
            name: iscsiWord
              .regex(/^[^=]*$/, 'a parameter name cannot contain "="')
              .refine((n) => !['iqn', 'portal', 'multipath'].includes(n), { message: 'this parameter has its own field' }),
            value: line.regex(/^[^\s,]*$/, 'block-iscsi splits on commas and blanks'),
          })
          .strict(),
      )
      .default([]),
    script: scriptFor('iscsi'),
    raw,
  })
  .strict()
  .refine((t) => t.portal !== undefined || (t.multipath === undefined && t.extra.length === 0), {
    message: 'a bare IQN target has no other parameters; add portal=',
    path: ['portal'],
  })
  .refine((t) => t.portal !== undefined || !t.iqn.startsWith('iscsi:'), {
    message: 'the iscsi: prefix is not part of the target',
    path: ['iqn'],
  });

const dmmdPart = nonEmpty.regex(/^[^;()]+$/, 'cannot contain ; ( or )');

/**
 * SUSE block-dmmd: `TYPE;DEVICE[;TYPE;DEVICE...]`, TYPE `md` or `lvm`, processed in order (the last
 * device is the one given to the guest). An md device may name its mdadm config:
 * `md;/dev/md0(/etc/mdadm.conf)`.
 */
export const DmmdTargetSchema = z
  .object({
    kind: z.literal('dmmd'),
    /** The target was written with libvirt's `dmmd:` prefix in front. */
    prefixed: z.boolean().default(false),
    stanzas: z
      .array(z.object({ type: z.enum(['md', 'lvm']), device: dmmdPart, config: dmmdPart.optional() }).strict())
      .min(1),
    script: scriptFor('dmmd'),
  })
  .strict();

/** block-drbd / block-drbd-probe: the DRBD resource name. */
export const DrbdTargetSchema = z
  .object({
    kind: z.literal('drbd'),
    resource: nonEmpty
      .regex(/^\S+$/, 'a resource name cannot contain blanks')
      .refine((r) => !r.startsWith('drbd:'), { message: 'the drbd: prefix is not part of the target' }),
    script: scriptFor('drbd'),
  })
  .strict();

/**
 * SUSE block-npiv: `[npiv:]FIELD-FIELD-...`, fields kept verbatim. The seed document's example
 * (`npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1`) reads as vport WWPN, target WWPN, LUN; see
 * `npivFieldNames` in the codec for the labels.
 */
export const NpivTargetSchema = z
  .object({
    kind: z.literal('npiv'),
    prefixed: z.boolean().default(false),
    fields: z.array(line.regex(/^[^-]*$/, 'a field cannot contain "-"')).min(1),
    script: scriptFor('npiv'),
  })
  .strict()
  .refine((t) => t.fields.join('-') !== '', { message: 'an npiv target cannot be empty', path: ['fields'] })
  .refine((t) => t.prefixed || !t.fields[0]!.startsWith('npiv:'), {
    message: 'write the npiv: prefix with prefixed: true',
    path: ['fields'],
  });

// ---------------------------------------------------------------------------------------------

export const TARGET_KINDS = ['path', 'empty', 'rbd', 'nbd', 'iscsi', 'dmmd', 'drbd', 'npiv', 'opaque'] as const;
export const TargetKindSchema = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const StructuredTargetSchema = z.discriminatedUnion('kind', [
  PathTargetSchema,
  EmptyTargetSchema,
  RbdTargetSchema,
  NbdTargetSchema,
  IscsiTargetSchema,
  DmmdTargetSchema,
  DrbdTargetSchema,
  NpivTargetSchema,
  OpaqueTargetSchema,
]);

export type StructuredTarget = z.infer<typeof StructuredTargetSchema>;
export type StructuredTargetInput = z.input<typeof StructuredTargetSchema>;
export type RbdTarget = z.infer<typeof RbdTargetSchema>;
export type RbdOption = z.infer<typeof RbdOptionSchema>;
export type MonHost = z.infer<typeof MonHostSchema>;
export type RbdListSeparator = z.infer<typeof RbdListSeparatorSchema>;
export type NbdTarget = z.infer<typeof NbdTargetSchema>;
export type NbdServer = z.infer<typeof NbdServerSchema>;
export type IscsiTarget = z.infer<typeof IscsiTargetSchema>;
export type DmmdTarget = z.infer<typeof DmmdTargetSchema>;
export type DrbdTarget = z.infer<typeof DrbdTargetSchema>;
export type NpivTarget = z.infer<typeof NpivTargetSchema>;
export type PathTarget = z.infer<typeof PathTargetSchema>;
export type OpaqueTarget = z.infer<typeof OpaqueTargetSchema>;

/** `backendtype=` a kind requires: qemu reads rbd: and nbd: filenames itself. */
export function targetBackendtype(t: StructuredTarget): 'qdisk' | undefined {
  return t.kind === 'rbd' || (t.kind === 'nbd' && t.via === 'qdisk') ? 'qdisk' : undefined;
}
