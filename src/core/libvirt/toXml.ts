/**
 * xl → libvirt: one disk model to one `<disk>` element, as libvirt 9.0's xl converter builds it
 * (xenParseXLDisk plus libvirt's post-parse defaults), except where that converter loses
 * information or writes XML its own schema rejects; each such place gets a diagnostic saying
 * what libvirt would have done. See docs/libvirt-differences.md.
 *
 * Element and attribute order are libvirt's: `<disk type device>` › driver (name type … discard),
 * source, backenddomain, target (dev bus), readonly, address (type controller bus target unit).
 */
import type { Disk } from '../model/disk';
import type { RbdTarget } from '../model/target';
import { scriptBaseName } from '../model/target';
import { decodeTarget, type TargetDecode } from '../xl/targets';
import { type LvDiagnostic, diag } from './diagnostics';
import { type GuestType, TARGET_DEV_SCHEMA, busFor, driveAddress } from './guest';
import { nbdToSource } from './nbd';
import { type RbdSecretRef, rbdToSource } from './rbd';
import { scriptFormDev, scriptFormName } from './scriptForm';
import { el, hasDroppedControl, printXml, type XEl } from './xmlTree';

export type ToXmlOptions = {
  /** The guest type decides the bus (default hvm, as for a bare spec). */
  guest?: GuestType;
  /** How an RBD `<auth>` names its secret (default usage `client.ID secret`). */
  secret?: RbdSecretRef;
  /**
   * Print the element as `xml` (default true). False for a caller that wants the diagnostics
   * only (the linter): printing is a good part of the cost on a large config.
   */
  xml?: boolean;
  /**
   * Build the element (default true). False for a caller that wants the diagnostics only (the
   * linter): the element tree was most of what linting a large config allocated. No `xml` then.
   */
  element?: boolean;
  /** decodeTarget, or a remembering one shared with the caller (targetDecoder). */
  decodeTarget?: (d: { target?: string }) => TargetDecode;
};

export type DiskToXml = {
  /** Undefined when the disk cannot be written (an error diagnostic says why). */
  element?: XEl;
  /** The canonical text of the element (a fragment at column 0, ending in a newline). */
  xml?: string;
  diagnostics: LvDiagnostic[];
  /** For an RBD disk with id=: the Ceph user and (if the spec had one) key, for rbdSecret(). */
  ceph?: { username: string; key?: string };
};

/** libvirt's schema for `<source file>` / `<source dir>`: an absolute (or Windows drive) path. */
const ABSOLUTE = /^(\/|[A-Za-z]:\\).+$/;
/** libvirt's schema for `<source dev>`: an absolute path or a device-name-like word. */
const DEV = /^((\/|[A-Za-z]:\\).+|[a-zA-Z0-9_.\-\\:/]+)$/;

const DRIVER_NAME = { phy: 'phy', tap: 'tap', qdisk: 'qemu' } as const;

/** Keys of the model that have no libvirt counterpart, with their xl spelling. */
function droppedKeys(d: Disk): { key: string; text: string; severity: 'warning' | 'info' }[] {
  const out: { key: string; text: string; severity: 'warning' | 'info' }[] = [];
  if (d.directIoSafe) out.push({ key: 'direct-io-safe', text: 'direct-io-safe', severity: 'warning' });
  if (d.specification !== undefined) out.push({ key: 'specification', text: `specification=${d.specification}`, severity: d.specification === 'xen' ? 'info' : 'warning' });
  if (d.colo !== undefined) out.push({ key: 'colo', text: d.colo ? 'colo' : 'no-colo', severity: 'warning' });
  if (d.coloHost !== undefined) out.push({ key: 'colo-host', text: `colo-host=${d.coloHost}`, severity: 'warning' });
  if (d.coloPort) out.push({ key: 'colo-port', text: `colo-port=${d.coloPort}`, severity: 'warning' });
  if (d.coloExport !== undefined) out.push({ key: 'colo-export', text: `colo-export=${d.coloExport}`, severity: 'warning' });
  if (d.activeDisk !== undefined) out.push({ key: 'active-disk', text: `active-disk=${d.activeDisk}`, severity: 'warning' });
  if (d.hiddenDisk !== undefined) out.push({ key: 'hidden-disk', text: `hidden-disk=${d.hiddenDisk}`, severity: 'warning' });
  if (d.trusted !== undefined) out.push({ key: 'trusted', text: d.trusted ? 'trusted' : 'untrusted', severity: 'warning' });
  if (d.grantUsage !== undefined) out.push({ key: 'grant_usage', text: `grant_usage=${d.grantUsage ? 1 : 0}`, severity: 'warning' });
  return out;
}

type Source = { type: 'file' | 'block' | 'network'; driverName?: string; source?: XEl; ceph?: DiskToXml['ceph'] };

/** The disk type, driver name and source of a disk that is not a cdrom. */
function diskSource(d: Disk, o: ToXmlOptions, ds: LvDiagnostic[]): Source | undefined {
  const target = d.target ?? '';
  const script = d.script === '' ? undefined : d.script;
  const bt = d.backendtype;
  const plainDriver = bt === 'standalone' ? undefined : DRIVER_NAME[bt ?? 'qdisk'];
  if (bt === 'standalone') {
    ds.push(
      diag('LV-BACKENDTYPE-STANDALONE', 'warning', 'backendtype=standalone has no libvirt driver name; the <driver> gets none (libvirt would let libxl choose the backend). libvirt\'s converter refuses the whole config: "disk backend not supported: standalone".', { subject: 'backendtype' }),
    );
  }
  const fileOrBlock = (path: string): Source => {
    if (path === '') ds.push(diag('LV-NO-SOURCE', 'warning', "The disk's target is empty, so it gets no <source>; libvirt's converter writes an empty source path."));
    if (bt === 'phy') {
      if (path !== '' && !DEV.test(path)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `'${path}' is not a <source dev> libvirt's schema accepts (an absolute path or [a-zA-Z0-9_.-\\:/]).`, { subject: 'target' }));
      return { type: 'block', driverName: 'phy', source: path === '' ? undefined : el('source', { dev: path }) };
    }
    if (path !== '' && !ABSOLUTE.test(path)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `'${path}' is not an absolute path, which libvirt's schema requires of <source file>.`, { subject: 'target' }));
    return { type: 'file', ...(plainDriver !== undefined && { driverName: plainDriver }), source: path === '' ? undefined : el('source', { file: path }) };
  };

  // block scripts: SUSE's <source dev='SCRIPT:PARAMS'/>
  if (script !== undefined) {
    const name = scriptFormName(script);
    if (name !== undefined) {
      const dev = scriptFormDev(name, target);
      ds.push(
        diag(
          'LV-SCRIPT-FORM',
          'warning',
          `script=${script} is written in SUSE's convention <disk type='block'><source dev='${dev}'/>: SUSE's libvirt runs block-${name} for it, upstream libvirt does not know it (its schema rejects most such names and its libxl driver would treat the text as a device path). libvirt's converter drops the script and writes the bare target.`,
          { subject: 'script' },
        ),
      );
      if (scriptBaseName(script) !== script) {
        ds.push(diag('LV-SCRIPT-FORM', 'info', `The script's directory is not kept: the form names the script block-${name} only.`, { subject: 'script' }));
      }
      const driverName = bt === undefined || bt === 'standalone' ? 'phy' : DRIVER_NAME[bt];
      return { type: 'block', driverName, source: el('source', { dev }) };
    }
    ds.push(
      diag('LV-SCRIPT-DROPPED', 'warning', `script=${script} has no libvirt counterpart and is dropped (as libvirt's converter does); the target '${target}' is written as a plain path.`, { subject: 'script' }),
    );
  }

  const decoded = (o.decodeTarget ?? decodeTarget)({ target });
  if (script === undefined && target.startsWith('rbd:')) {
    if (!decoded.ok || decoded.target.kind !== 'rbd') {
      ds.push(diag('LV-RBD-MALFORMED', 'error', `The rbd: target cannot be read: ${decoded.ok ? 'not an RBD target' : decoded.error.message}. libvirt's converter refuses the whole config, or writes a name it cannot read back.`, { subject: 'target' }));
      return undefined;
    }
    if (bt === 'phy' || bt === 'tap') {
      ds.push(
        diag(
          'LV-RBD-BACKENDTYPE',
          'warning',
          `backendtype=${bt} cannot serve an rbd: target (only qdisk reads it); the disk is written as a network disk with driver qemu. libvirt's converter writes ${bt === 'phy' ? "type='block' with <source dev='POOL/IMAGE'/>" : "type='file' with driver tap"}, which cannot work.`,
          { subject: 'backendtype' },
        ),
      );
    }
    const r = rbdToSource(decoded.target as RbdTarget, o.secret);
    ds.push(...r.diagnostics);
    return { type: 'network', driverName: 'qemu', source: r.source, ...(r.username !== undefined && { ceph: { username: r.username, ...(r.key !== undefined && { key: r.key }) } }) };
  }
  if (script === undefined && decoded.ok && decoded.target.kind === 'nbd' && decoded.target.via === 'qdisk') {
    const r = nbdToSource(decoded.target);
    ds.push(...r.diagnostics);
    if (bt === 'phy' || bt === 'tap') {
      ds.push(diag('LV-RBD-BACKENDTYPE', 'warning', `backendtype=${bt} cannot serve an nbd: target (only qdisk reads it); the disk is written with driver qemu.`, { subject: 'backendtype' }));
    }
    return { type: 'network', driverName: 'qemu', source: r.source };
  }
  return fileOrBlock(target);
}

/** The RBD target of a cdrom, when it has one that reads. */
function cdromRbd(d: Disk, o: ToXmlOptions): RbdTarget | undefined {
  if ((d.script !== undefined && d.script !== '') || !d.target?.startsWith('rbd:')) return undefined;
  const t = (o.decodeTarget ?? decodeTarget)({ target: d.target });
  return t.ok && t.target.kind === 'rbd' ? t.target : undefined;
}

/** The `<disk>` element for one xl disk. */
export function diskToLibvirt(d: Disk, o: ToXmlOptions = {}): DiskToXml {
  const guest = o.guest ?? 'hvm';
  const ds: LvDiagnostic[] = [];
  const cdrom = d.devtype === 'cdrom';

  for (const k of droppedKeys(d)) {
    ds.push(diag('LV-XL-KEY-DROPPED', k.severity, `${k.text} has no libvirt counterpart and is dropped (libvirt's converter drops it silently).`, { subject: k.key }));
  }
  if (/[\n\r]/.test(d.target ?? '')) {
    ds.push(diag('LV-SOURCE-SCHEMA', 'warning', "The target holds a line break: libvirt's schema rejects it, and xl's key=value form (target=) cannot carry it back.", { subject: 'target' }));
  }
  if (hasDroppedControl(d.target ?? '') || hasDroppedControl(d.vdev) || hasDroppedControl(d.backend ?? '')) {
    ds.push(diag('LV-CONTROL-CHARS', 'warning', 'Control characters in the disk are dropped: XML cannot carry them (libvirt drops them too).'));
  }

  let type: Source['type'];
  let driverName: string | undefined;
  let driverType: string;
  let source: XEl | undefined;
  let ceph: DiskToXml['ceph'];
  if (cdrom) {
    type = 'file';
    driverName = 'qemu';
    driverType = 'raw';
    if (d.backendtype !== undefined && d.backendtype !== 'qdisk') {
      ds.push(diag('LV-CDROM-BACKENDTYPE', 'info', `backendtype=${d.backendtype} is ignored on a cdrom: libvirt describes every cdrom as type='file' with driver qemu.`, { subject: 'backendtype' }));
    }
    if (d.target && d.format !== 'raw' && d.format !== 'empty') {
      ds.push(diag('LV-CDROM-FORMAT', 'warning', `format=${d.format} is ignored on a cdrom: libvirt describes every cdrom with driver type raw.`, { subject: 'format' }));
    }
    if (d.script !== undefined) {
      ds.push(diag('LV-SCRIPT-DROPPED', 'warning', `script=${d.script} is dropped: libvirt has no script for a cdrom (its converter drops every script).`, { subject: 'script' }));
    }
    if (d.target === '') {
      ds.push(
        diag('LV-EMPTY-CDROM-SOURCE', 'info', "The empty cdrom gets no <source> element. libvirt's converter writes <source file=''/> for this legacy form, which its schema rejects and its parser drops.", { subject: 'target' }),
      );
    } else if (cdromRbd(d, o)) {
      const r = rbdToSource(cdromRbd(d, o)!, o.secret);
      type = 'network';
      source = r.source;
      ds.push(...r.diagnostics);
      if (r.username !== undefined) ceph = { username: r.username, ...(r.key !== undefined && { key: r.key }) };
      ds.push(diag('LV-CDROM-NETWORK', 'info', "The cdrom's rbd: target is written as a network cdrom (type='network' device='cdrom'). libvirt's converter writes type='file' with the image name as a file path.", { subject: 'target' }));
    } else if (d.target !== undefined) {
      if (!ABSOLUTE.test(d.target)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `'${d.target}' is not an absolute path, which libvirt's schema requires of <source file>.`, { subject: 'target' }));
      source = el('source', { file: d.target });
    }
  } else {
    const s = diskSource(d, o, ds);
    if (!s) return { diagnostics: ds };
    ({ type, driverName, source } = s);
    ceph = s.ceph;
    if (d.format === 'empty') {
      ds.push(diag('LV-FORMAT-EMPTY', 'info', 'format=empty on a disk that is not a cdrom is written as type raw (libvirt does the same).', { subject: 'format' }));
    }
    driverType = d.format === 'empty' ? 'raw' : d.format;
  }

  const discard = d.discard === undefined ? undefined : d.discard ? 'unmap' : 'ignore';
  if (discard !== undefined) {
    ds.push(diag('LV-DISCARD', 'info', `${d.discard ? 'discard' : 'no-discard'} becomes <driver discard='${discard}'/>; libvirt's converter drops it.`, { subject: d.discard ? 'discard' : 'no-discard' }));
  }
  if (d.backend !== undefined) {
    ds.push(diag('LV-BACKENDDOMAIN', 'info', `backend=${d.backend} becomes <backenddomain name='${d.backend}'/>; libvirt's converter drops it.`, { subject: 'backend' }));
  }

  const bus = busFor(d.vdev, guest);
  if (!TARGET_DEV_SCHEMA.test(d.vdev)) {
    ds.push(diag('LV-TARGET-DEV-SCHEMA', 'warning', `vdev '${d.vdev}' is not a <target dev> libvirt's schema accepts ((ioemu:)?(fd|hd|sd|vd|xvd|ubd) followed by letters, digits or _).`, { subject: 'vdev' }));
  }
  const address = driveAddress(bus, d.vdev);
  if ((bus === 'ide' || bus === 'scsi') && !address) {
    ds.push(
      diag('LV-NO-DRIVE-INDEX', 'warning', `vdev '${d.vdev}' on the ${bus} bus has no drive index, so no <address> is written; libvirt refuses such a disk ("Unknown disk name '${d.vdev}' and no address specified").`, { subject: 'vdev' }),
    );
  }

  if (o.element === false) return { diagnostics: ds, ...(ceph && { ceph }) };
  const element = el('disk', { type, device: cdrom ? 'cdrom' : 'disk' }, [
    el('driver', { name: driverName, type: driverType, discard }),
    source,
    d.backend !== undefined && el('backenddomain', { name: d.backend }),
    el('target', { dev: d.vdev, bus }),
    (cdrom || d.access === 'ro') && el('readonly'),
    address && el('address', { type: 'drive', controller: address.controller, bus: address.bus, target: address.target, unit: address.unit }),
  ]);
  return { element, ...(o.xml !== false && { xml: printXml(element) }), diagnostics: ds, ...(ceph && { ceph }) };
}
