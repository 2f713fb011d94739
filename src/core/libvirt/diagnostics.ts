/**
 * Diagnostics of the xl ⇄ libvirt mapper. Each has a stable code; the catalogue below is the
 * list docs/libvirt-differences.md documents (a test checks that every code is in it).
 *
 * - `error`: the disk could not be converted (it is left out of the output).
 * - `warning`: converted, but something with a meaning was dropped or changed, or the result
 *   will not be accepted somewhere (libvirt's schema, libvirt's libxl driver, xl).
 * - `info`: converted; xldisk did better than libvirt's converter, or dropped something
 *   without meaning for Xen.
 */
import type { Pos } from './xmlTree';

export type Severity = 'error' | 'warning' | 'info';

export type LvDiagnostic = {
  code: LvCode;
  severity: Severity;
  message: string;
  /** Which disk of the input (0-based), when the diagnostic is about one. */
  disk?: number;
  /** The xl key, RBD option or XML path (`driver/@cache`, `iotune`) the diagnostic names. */
  subject?: string;
  /** Where in the XML input (XML → xl only). */
  at?: Pos;
};

/** Every code, with what it is about (one line; the document gives the reasons). */
export const LV_CODES = {
  // xl → libvirt: where xldisk differs from libvirt's converter
  'LV-EMPTY-CDROM-SOURCE': 'an empty legacy cdrom gets no <source>, not libvirt\'s invalid <source file=\'\'/>',
  'LV-RBD-AUTH': 'RBD id= becomes <auth> with a secret usage (or uuid) libvirt can resolve',
  'LV-RBD-KEY': 'RBD key= is never written into domain XML; it belongs in a libvirt secret',
  'LV-RBD-OPTION-DROPPED': 'an RBD option with no <source> counterpart (keyring, auth_supported, …)',
  'LV-RBD-BACKENDTYPE': 'an rbd: target with backendtype phy/tap is written as a network disk with driver qemu',
  'LV-RBD-MALFORMED': 'an rbd: target that cannot be split into pool and image',
  'LV-NBD-NETWORK': 'an nbd: (qdisk) target becomes libvirt\'s network NBD form',
  'LV-SCRIPT-FORM': 'a block-script disk uses SUSE\'s <source dev=\'SCRIPT:PARAMS\'/> convention',
  'LV-SCRIPT-DROPPED': 'a script= libvirt has no form for is dropped',
  'LV-DISCARD': 'discard / no-discard become <driver discard=…>',
  'LV-BACKENDDOMAIN': 'backend= becomes <backenddomain name=…/>',
  'LV-XL-KEY-DROPPED': 'an xl key with no libvirt counterpart (direct-io-safe, colo*, specification, trusted, grant_usage)',
  'LV-BACKENDTYPE-STANDALONE': 'backendtype=standalone has no libvirt driver name',
  'LV-CDROM-BACKENDTYPE': 'libvirt ignores backendtype on a cdrom (driver qemu, type file)',
  'LV-CDROM-NETWORK': 'a cdrom with an rbd: target is written as a network cdrom',
  'LV-CDROM-FORMAT': 'libvirt ignores the format of a cdrom (type raw)',
  'LV-FORMAT-EMPTY': 'format=empty on a disk that is not a cdrom is written as raw',
  'LV-NO-DRIVE-INDEX': 'an ide/scsi vdev libvirt cannot turn into a drive address',
  'LV-TARGET-DEV-SCHEMA': 'a vdev libvirt\'s schema does not accept as <target dev>',
  'LV-SOURCE-SCHEMA': 'a source path or name libvirt\'s schema does not accept',
  'LV-CONTROL-CHARS': 'control characters libvirt drops from XML',
  'LV-CFG-BACKSLASH': 'a config string with backslashes, which libvirt reads without unescaping',
  'LV-XL-SPEC': 'the xl disk spec does not parse (xl\'s own message)',
  'LV-GUEST-TYPE': 'the guest type could not be told; a default was used',
  // libvirt → xl
  'LV-XML': 'the XML is not well-formed, or not a <disk>, <devices> or <domain>',
  'LV-XML-DROPPED': 'an element or attribute with no xl counterpart is dropped',
  'LV-FORMAT-VHD': 'driver type vhd becomes format=vhd, not libvirt\'s format=xvhd that xl rejects',
  'LV-FORMAT-UNSUPPORTED': 'a driver type xl does not know becomes format=raw',
  'LV-SHAREABLE': '<shareable/> has no xl counterpart (libvirt writes access=!, which xl rejects)',
  'LV-TRANSIENT': '<transient/> has no xl counterpart (libvirt refuses the disk)',
  'LV-DRIVER-NAME': 'a driver name xl has no backendtype for (libvirt writes an empty backendtype= xl rejects)',
  'LV-NETWORK-DRIVER': 'a network disk needs driver qemu (qdisk)',
  'LV-RBD-IPV6': 'IPv6 monitors are escaped so that xl\'s config reader accepts them',
  'LV-RBD-KEPT': 'RBD snapshot, config file and auth user are kept (libvirt drops them)',
  'LV-RBD-USER': "an <auth username='client.X'> is written id=X",
  'LV-RBD-NAME': 'an RBD source name that is not pool/image',
  'LV-RBD-HOST': 'an RBD <host> that cannot be written as a monitor',
  'LV-NBD-XL': 'a network NBD disk becomes an xl nbd: (qdisk) target (libvirt refuses it)',
  'LV-NETWORK-PROTOCOL': 'a network protocol xl cannot use',
  'LV-SOURCE-TYPE': 'a disk type xl cannot use (volume, nvme, vhostuser, vdpa, …)',
  'LV-NO-SOURCE': 'a disk (not a cdrom) without a source',
  'LV-NO-TARGET-DEV': 'a disk without <target dev>',
  'LV-FIELD-COMMA': 'a value xl\'s disk syntax cannot carry (a comma outside target=, a newline)',
  'LV-FLOPPY': 'floppies are skipped (libvirt skips them silently)',
  'LV-LUN': 'device lun is written as a disk',
  'LV-DIR-SOURCE': 'a type=\'dir\' disk is written as a path',
  'LV-BUS': 'the bus is not written; xl and libvirt derive it from the vdev and guest type',
  'LV-ADDRESS': 'an address that differs from the one libvirt derives from the vdev',
  'LV-SCRIPT-XL': 'SUSE\'s <source dev=\'SCRIPT:PARAMS\'/> goes back to script=block-SCRIPT',
} as const;

export type LvCode = keyof typeof LV_CODES;

export function diag(code: LvCode, severity: Severity, message: string, extra: Partial<Omit<LvDiagnostic, 'code' | 'severity' | 'message'>> = {}): LvDiagnostic {
  return { code, severity, message, ...extra };
}

/** Whether any diagnostic is an error. */
export function hasError(ds: readonly LvDiagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
