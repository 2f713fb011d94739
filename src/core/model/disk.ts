/**
 * The disk model: what one xl disk spec means, as libxlutil (Xen 4.17) leaves it after
 * `xlu_disk_parse` and its final defaults (format raw when unset, cdroms read-only, …).
 *
 * The model holds *effective* values, so two specs xl treats alike give equal models:
 * `/x,,xvda` and `format=raw,vdev=xvda,access=rw,target=/x` are the same disk. Optional keys
 * are the ones libxl itself leaves "unset" (backendtype: libxl picks; discard: default; …).
 * Types are inferred from the schemas; no type is written beside them.
 */
import { z } from 'zod';

/** Image formats xl's parser accepts (`format=`, the format slot, the `raw:`… prefixes). */
export const FORMATS = ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'] as const;
export const FormatSchema = z.enum(FORMATS);
export type Format = z.infer<typeof FormatSchema>;

/** `backendtype=`: phy (blkback), qdisk (qemu), tap (blktap3, works again from 4.19), standalone (4.17+). */
export const BACKENDTYPES = ['phy', 'qdisk', 'tap', 'standalone'] as const;
export const BackendTypeSchema = z.enum(BACKENDTYPES);
export type BackendType = z.infer<typeof BackendTypeSchema>;

/** `specification=` (4.17+): the guest-facing protocol. Unset means xen. */
export const SPECIFICATIONS = ['xen', 'virtio'] as const;
export const SpecificationSchema = z.enum(SPECIFICATIONS);

export const AccessSchema = z.enum(['rw', 'ro']);
export type Access = z.infer<typeof AccessSchema>;

export const DevtypeSchema = z.enum(['disk', 'cdrom']);
export type Devtype = z.infer<typeof DevtypeSchema>;

/**
 * Strings the disk-spec syntax can carry in a key=value field other than `target=`: anything but a
 * comma, which ends the field.
 */
const fieldValue = z.string().regex(/^[^,]*$/, 'a comma cannot be written in this field');

export const DiskSchema = z
  .object({
    /** `target=` / `pdev_path`. Absent: no target (only valid for a cdrom). `''`: an explicitly empty one. */
    target: z.string().regex(/^[^\n]*$/, 'a newline cannot be written in a target').optional(),
    format: FormatSchema,
    /** Not validated by xl's parser (libxl checks it later); see vdev.ts for the names libxl accepts. */
    vdev: fieldValue,
    access: AccessSchema,
    devtype: DevtypeSchema,
    backendtype: BackendTypeSchema.optional(),
    /** Hotplug script; without a `/` it is looked up in /etc/xen/scripts. */
    script: fieldValue.optional(),
    /** `backend=`: the driver domain (name or id) that serves the disk. */
    backend: fieldValue.optional(),
    directIoSafe: z.boolean().default(false),
    /** `discard` (true) / `no-discard` (false); absent: libxl's default. */
    discard: z.boolean().optional(),
    specification: SpecificationSchema.optional(),
    /** COLO settings; documented by Xen as unstable. */
    colo: z.boolean().optional(),
    coloHost: fieldValue.optional(),
    coloPort: z.number().int().optional(),
    coloExport: fieldValue.optional(),
    activeDisk: fieldValue.optional(),
    hiddenDisk: fieldValue.optional(),
    /**
     * `trusted` / `untrusted` and `grant_usage=0|1` exist only from Xen 4.19. Xen 4.17 (our
     * reference) ships a scanner without them, so our parser never sets these; the formatter
     * writes them only when asked to target 4.19+.
     */
    trusted: z.boolean().optional(),
    grantUsage: z.boolean().optional(),
  })
  .strict();

export type Disk = z.infer<typeof DiskSchema>;
export type DiskInput = z.input<typeof DiskSchema>;

/** The libxl_device_disk fields the parser fills, in libxl's IDL order (its JSON key order). */
export type LibxlDisk = {
  backend_domname?: string;
  pdev_path?: string;
  vdev?: string;
  backend?: 'phy' | 'tap' | 'qdisk' | 'standalone';
  format?: Format;
  script?: string;
  removable?: 1;
  readwrite?: 1;
  is_cdrom?: 1;
  direct_io_safe?: true;
  discard_enable?: 'True' | 'False';
  specification?: 'xen' | 'virtio';
  colo_enable?: 'True' | 'False';
  colo_host?: string;
  colo_port?: number;
  colo_export?: string;
  active_disk?: string;
  hidden_disk?: string;
};
