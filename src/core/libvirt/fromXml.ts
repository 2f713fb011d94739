/**
 * libvirt → xl: one `<disk>` element to one disk model, as libvirt 9.0's converter
 * (xenFormatXLDisk) reads it, without its faults: `vhd` stays vhd (not `xvhd`), `<shareable/>`
 * never becomes `access=!`, an unknown driver name gives no `backendtype=` at all (not an empty
 * one), RBD keeps its user, snapshot and config file, NBD and SUSE's block-script form are
 * understood, discard and backenddomain come back. Everything xl cannot hold is reported, by
 * name; nothing is dropped silently. See docs/libvirt-differences.md.
 */
import { type BackendType, type Disk, DiskSchema, type Format } from '../model/disk';
import { canonicalDisk } from '../xl/formatSpec';
import { type LvDiagnostic, type Severity, diag, hasError } from './diagnostics';
import { type GuestType, busFor, driveAddress } from './guest';
import { nbdFromSource } from './nbd';
import { type RbdXlOptions, rbdFromSource } from './rbd';
import { Reader } from './reader';
import { parseScriptFormDev } from './scriptForm';
import type { Pos, XAttr, XEl } from './xmlTree';

export type FromXmlOptions = {
  /** The guest type, when known (a whole `<domain>`): used to tell whether the bus survives. */
  guest?: GuestType;
  /** A Ceph key to write as key= in RBD targets with `<auth>` (only when given on purpose). */
  rbdKey?: string;
};

export type DiskFromXml = {
  /** Undefined when the disk cannot be written for xl (an error says why) or is skipped. */
  disk?: Disk;
  diagnostics: LvDiagnostic[];
  /** A floppy: libvirt's converter skips those too. */
  skipped?: 'floppy';
};

const FORMATS: Record<string, Format> = { raw: 'raw', qcow: 'qcow', qcow2: 'qcow2', qed: 'qed', vhd: 'vhd', aio: 'raw' };
const BACKENDS: Record<string, BackendType> = { qemu: 'qdisk', file: 'qdisk', tap: 'tap', phy: 'phy' };

/** Unread items that are runtime-only or QEMU tuning: reported as info rather than warning. */
const QUIET = new Set([
  'alias',
  'backingStore',
  'mirror',
  'source/@index',
  'driver/@cache',
  'driver/@io',
  'driver/@ioeventfd',
  'driver/@event_idx',
  'driver/@copy_on_read',
  'driver/@iothread',
  'driver/@queues',
  'driver/@queue_size',
  'driver/@detect_zeroes',
  'driver/@error_policy',
  'driver/@rerror_policy',
  'target/@tray',
  'target/@removable',
  'target/@rotation_rate',
]);

function where(n: { at?: Pos } | undefined): { at?: Pos } {
  return n?.at ? { at: n.at } : {};
}

function describe(path: string, node: XEl | XAttr): string {
  if ('children' in node) return `<${path}>`;
  return `${path}='${node.value}'`;
}

export function diskFromLibvirt(e: XEl, o: FromXmlOptions = {}): DiskFromXml {
  const r = new Reader();
  r.mark(e);
  const ds: LvDiagnostic[] = [];
  const fail = (): DiskFromXml => ({ diagnostics: ds });

  const device = r.attr(e, 'device') ?? 'disk';
  const type = r.attr(e, 'type') ?? 'file';
  if (device === 'floppy') {
    ds.push(diag('LV-FLOPPY', 'warning', 'A floppy has no xl counterpart and is skipped (libvirt\'s converter skips it silently).', where(e)));
    return { diagnostics: ds, skipped: 'floppy' };
  }
  if (device !== 'disk' && device !== 'cdrom' && device !== 'lun') {
    ds.push(diag('LV-XML', 'error', `Unknown disk device '${device}'.`, { subject: '@device', ...where(e) }));
    return fail();
  }
  if (device === 'lun') ds.push(diag('LV-LUN', 'info', "device='lun' is written as an ordinary disk (xl has no SCSI passthrough of a LUN); libvirt does the same.", { subject: '@device', ...where(e) }));
  const cdrom = device === 'cdrom';

  const targetEl = r.child(e, 'target');
  const vdev = targetEl ? r.attr(targetEl, 'dev') : undefined;
  if (!targetEl || vdev === undefined || vdev === '') {
    ds.push(diag('LV-NO-TARGET-DEV', 'error', 'The disk has no <target dev=…/>, so it has no vdev.', { subject: 'target/@dev', ...where(targetEl ?? e) }));
    return fail();
  }
  const busAttr = targetEl ? r.attrNode(targetEl, 'bus') : undefined;

  const driver = r.child(e, 'driver');
  const driverName = driver ? r.attr(driver, 'name') : undefined;
  const driverType = driver ? r.attr(driver, 'type') : undefined;
  const discardAttr = driver ? r.attrNode(driver, 'discard') : undefined;

  const source = r.child(e, 'source');

  // source → target (and script)
  let target: string | undefined;
  let script: string | undefined;
  let network = false;
  switch (type) {
    case 'file':
    case 'block':
    case 'dir': {
      const key = type === 'file' ? 'file' : type === 'block' ? 'dev' : 'dir';
      const path = source ? r.attr(source, key) : undefined;
      target = path === '' ? undefined : path;
      if (type === 'dir') ds.push(diag('LV-DIR-SOURCE', 'warning', `A type='dir' disk is written as the path ${target ?? ''}; Xen cannot serve a directory as a disk.`, where(e)));
      if (type === 'block' && target !== undefined) {
        const sf = parseScriptFormDev(target);
        if (sf) {
          script = sf.script;
          target = sf.target;
          ds.push(
            diag('LV-SCRIPT-XL', 'info', `SUSE's <source dev='${path}'/> becomes script=${sf.script},target=${sf.target}. Upstream libvirt knows no such form: its converter would write target=${path ?? ''}, which xl takes for a device path.`, { subject: 'source/@dev', ...where(source) }),
          );
        }
      }
      break;
    }
    case 'network': {
      network = true;
      const protocol = source ? r.attr(source, 'protocol') : undefined;
      if (!source || protocol === undefined) {
        ds.push(diag('LV-NO-SOURCE', 'error', "A network disk needs <source protocol='…'>.", where(source ?? e)));
        return fail();
      }
      if (protocol === 'rbd') {
        const auth = r.child(source, 'auth') ?? r.child(e, 'auth');
        const rbd = rbdFromSource(r, source, auth, { ...(o.rbdKey !== undefined && { key: o.rbdKey }) } satisfies RbdXlOptions);
        ds.push(...rbd.diagnostics.map((d) => ({ ...d, ...(d.at ? {} : where(source)) })));
        if (rbd.target === undefined) return fail();
        target = rbd.target;
      } else if (protocol === 'nbd') {
        const nbd = nbdFromSource(r, source);
        ds.push(...nbd.diagnostics);
        if (nbd.target === undefined) return fail();
        target = nbd.target;
      } else {
        ds.push(
          diag('LV-NETWORK-PROTOCOL', 'error', `Network protocol '${protocol}' cannot be used by xl (qdisk reads rbd: and nbd: targets only); libvirt refuses it too ("Unsupported network block protocol").`, { subject: 'source/@protocol', ...where(source) }),
        );
        return fail();
      }
      break;
    }
    default:
      ds.push(
        diag('LV-SOURCE-TYPE', 'error', `A type='${type}' disk cannot be written for xl; resolve it to a file or block device path first. (libvirt 9.0 writes no target= for it, newer versions refuse it.)`, { subject: '@type', ...where(e) }),
      );
      return fail();
  }
  if (target === undefined && !cdrom) {
    ds.push(diag('LV-NO-SOURCE', 'error', 'A disk that is not a cdrom needs a source: xl requires a target.', where(source ?? e)));
    return fail();
  }

  // format
  let format: Format = 'raw';
  if (driverType !== undefined) {
    const f = FORMATS[driverType];
    if (f !== undefined && Object.hasOwn(FORMATS, driverType)) {
      format = f;
      if (driverType === 'vhd') {
        ds.push(diag('LV-FORMAT-VHD', 'info', "Driver type vhd becomes format=vhd. libvirt's converter writes format=xvhd, which xl rejects (\"unknown value for format\").", { subject: 'driver/@type', ...where(driver) }));
      }
    } else {
      ds.push(
        diag('LV-FORMAT-UNSUPPORTED', driverType === 'iso' ? 'info' : 'warning', `Driver type '${driverType}' is not a format xl knows; it is written as format=raw (libvirt does the same, silently).`, { subject: 'driver/@type', ...where(driver) }),
      );
    }
  }

  // backendtype
  let backendtype: BackendType | undefined;
  if (network) {
    backendtype = 'qdisk';
    if (driverName !== undefined && driverName !== 'qemu') {
      ds.push(diag('LV-NETWORK-DRIVER', 'warning', `A network disk is served by qdisk: driver name '${driverName}' becomes backendtype=qdisk (libvirt's libxl driver refuses network disks whose driver is not qemu).`, { subject: 'driver/@name', ...where(driver) }));
    }
  } else if (driverName !== undefined) {
    if (Object.hasOwn(BACKENDS, driverName)) backendtype = BACKENDS[driverName];
    else if (driverName === 'tap2') {
      backendtype = 'tap';
      ds.push(diag('LV-DRIVER-NAME', 'info', "Driver name tap2 becomes backendtype=tap, as libvirt's libxl driver treats it. libvirt's converter writes an empty backendtype=, which xl rejects.", { subject: 'driver/@name', ...where(driver) }));
    } else {
      ds.push(
        diag('LV-DRIVER-NAME', 'warning', `Driver name '${driverName}' has no xl backendtype; none is written, so libxl chooses. libvirt's converter writes an empty backendtype=, which xl rejects.`, { subject: 'driver/@name', ...where(driver) }),
      );
    }
  }

  // access
  const readonly = r.child(e, 'readonly');
  const shareable = r.child(e, 'shareable');
  const transient = r.child(e, 'transient');
  if (shareable) {
    ds.push(
      diag('LV-SHAREABLE', 'warning', "<shareable/> has no xl counterpart and is dropped: xl has no shared-writable mode. libvirt's converter writes access=!, which xl rejects (\"unknown value for access\").", { subject: 'shareable', ...where(shareable) }),
    );
  }
  if (transient) {
    ds.push(diag('LV-TRANSIENT', 'warning', '<transient/> has no xl counterpart: the guest\'s writes will persist. libvirt refuses transient disks for Xen.', { subject: 'transient', ...where(transient) }));
  }
  const access = cdrom || readonly ? 'ro' : 'rw';

  // discard, backend domain
  let discard: boolean | undefined;
  if (discardAttr) {
    if (discardAttr.value === 'unmap') discard = true;
    else if (discardAttr.value === 'ignore') discard = false;
    else ds.push(diag('LV-XML-DROPPED', 'warning', `driver/@discard='${discardAttr.value}' is not unmap or ignore; it is dropped.`, { subject: 'driver/@discard', ...where(discardAttr) }));
  }
  const bdEl = r.child(e, 'backenddomain');
  let backend = bdEl ? r.attr(bdEl, 'name') : undefined;
  if (backend !== undefined && (backend === '' || backend.includes(','))) {
    ds.push(diag('LV-FIELD-COMMA', 'warning', `The backend domain '${backend}' cannot be written as backend= (empty, or with a comma); it is dropped.`, { subject: 'backenddomain', ...where(bdEl) }));
    backend = undefined;
  }

  // bus and address: xl has neither; libvirt derives both from the vdev and the guest type
  const bus = busAttr?.value;
  if (bus !== undefined) {
    const back = o.guest ? busFor(vdev, o.guest) : undefined;
    const possible = back ? [back] : vdev.startsWith('xvd') ? ['xen'] : vdev.startsWith('sd') ? ['xen', 'scsi'] : ['xen', 'ide'];
    if (!possible.includes(bus)) {
      ds.push(
        diag('LV-BUS', 'info', `bus='${bus}' is not kept: xl has no bus, and libvirt derives it from the vdev and the guest type, so this disk comes back with bus='${possible.join("' or '")}'.`, { subject: 'target/@bus', ...where(busAttr) }),
      );
    }
  }
  const addressEl = r.child(e, 'address');
  if (addressEl) {
    r.mark(addressEl, true);
    const expect = driveAddress(o.guest ? busFor(vdev, o.guest) : (bus ?? ''), vdev);
    const got = Object.fromEntries(addressEl.attrs.map((a) => [a.name, a.value]));
    const same =
      expect !== undefined &&
      got.type === 'drive' &&
      Object.keys(got).length === 5 &&
      (['controller', 'bus', 'target', 'unit'] as const).every((k) => Number(got[k]) === expect[k] && /^[0-9]+$/.test(got[k] ?? ''));
    if (!same) {
      ds.push(
        diag('LV-ADDRESS', 'info', `The <address> is not kept: xl has none, and libvirt derives ${expect ? `controller ${expect.controller}, bus ${expect.bus}, unit ${expect.unit}` : 'none'} from the vdev.`, { subject: 'address', ...where(addressEl) }),
      );
    }
  }

  // everything else is dropped, by name
  for (const u of r.unread(e)) {
    const sev: Severity = QUIET.has(u.path) ? 'info' : 'warning';
    ds.push(diag('LV-XML-DROPPED', sev, `${describe(u.path, u.node)} has no xl counterpart and is dropped.`, { subject: u.path, ...where(u.node) }));
  }

  let disk: Disk = {
    ...(target !== undefined && { target }),
    format,
    vdev,
    access,
    devtype: cdrom ? 'cdrom' : 'disk',
    ...(backendtype !== undefined && { backendtype }),
    ...(script !== undefined && { script }),
    ...(backend !== undefined && { backend }),
    directIoSafe: false,
    ...(discard !== undefined && { discard }),
  };
  const valid = DiskSchema.safeParse(disk);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    ds.push(diag('LV-FIELD-COMMA', 'error', `The disk cannot be written in xl's syntax: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}.`, { subject: String(issue?.path[0] ?? ''), ...where(e) }));
    return fail();
  }
  disk = canonicalDisk(valid.data);
  if (hasError(ds)) return fail();
  return { disk, diagnostics: ds };
}
