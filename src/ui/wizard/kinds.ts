/**
 * The disk kinds the wizards author, and the flat form values every wizard shares. A form value
 * is what the user typed (strings, with '' for "not set"); build.ts turns it into the core disk
 * model through the core schemas and codecs.
 */
import type { Disk, Format } from '../../core/model/disk';
import type { StructuredTarget } from '../../core/model/target';
import { decodeTarget } from '../../core/xl/targets';
import { nextFreeVdev, type GuestType } from '../../core/xl/vdev';

export { KIND_IDS, KINDS, type KindId, type KindInfo } from './kindInfo';
import type { KindId } from './kindInfo';

export type Monitor = { host: string; port: string };
export type Stanza = { type: 'md' | 'lvm'; device: string; config: string };

export type FormValues = {
  kind: KindId;
  // common
  vdev: string;
  access: 'rw' | 'ro';
  format: Format;
  backendtype: '' | 'phy' | 'qdisk' | 'tap' | 'standalone';
  discard: '' | 'discard' | 'no-discard';
  directIoSafe: boolean;
  backend: string;
  specification: '' | 'xen' | 'virtio';
  colo: '' | 'colo' | 'no-colo';
  coloHost: string;
  coloPort: string;
  coloExport: string;
  activeDisk: string;
  hiddenDisk: string;
  // file, block, cdrom (iso / host drive)
  path: string;
  cdromMedia: 'iso' | 'host' | 'empty';
  // rbd
  pool: string;
  namespace: string;
  image: string;
  snapshot: string;
  monitors: Monitor[];
  cephId: string;
  key: string;
  authSupported: string;
  conf: string;
  keyring: string;
  // nbd
  nbdTransport: 'tcp' | 'unix';
  nbdHost: string;
  nbdPort: string;
  nbdSocket: string;
  exportName: string;
  // iscsi
  iqn: string;
  portal: string;
  multipath: '' | 'y' | 'n';
  // dmmd
  stanzas: Stanza[];
  // drbd
  resource: string;
  drbdScript: 'block-drbd' | 'block-drbd-probe';
  // npiv
  npivFields: { value: string }[];
  npivPrefixed: boolean;
  // other
  rawTarget: string;
  script: string;
  /**
   * The structured target the disk was opened with, carried unchanged so that what the form
   * does not show (an RBD option it has no field for, the written spelling) survives an edit.
   */
  carried?: StructuredTarget;
};

/** The default values of a new disk of a kind; the vdev is the next free one for the guest. */
export function defaultValues(kind: KindId, guest: GuestType, usedVdevs: readonly string[]): FormValues {
  const cdrom = kind === 'cdrom';
  return {
    kind,
    vdev: nextFreeVdev(usedVdevs, guest, cdrom ? 'cdrom' : 'disk'),
    access: cdrom ? 'ro' : 'rw',
    format: 'raw',
    backendtype: kind === 'block' ? 'phy' : kind === 'rbd' || kind === 'nbd' ? 'qdisk' : '',
    discard: '',
    directIoSafe: false,
    backend: '',
    specification: '',
    colo: '',
    coloHost: '',
    coloPort: '',
    coloExport: '',
    activeDisk: '',
    hiddenDisk: '',
    path: kind === 'cdrom' ? '' : '',
    cdromMedia: 'iso',
    pool: '',
    namespace: '',
    image: '',
    snapshot: '',
    monitors: [{ host: '', port: '6789' }],
    cephId: '',
    key: '',
    authSupported: '',
    conf: '',
    keyring: '',
    nbdTransport: 'tcp',
    nbdHost: '',
    nbdPort: '10809',
    nbdSocket: '',
    exportName: '',
    iqn: '',
    portal: '',
    multipath: '',
    stanzas: [
      { type: 'md', device: '', config: '' },
      { type: 'lvm', device: '', config: '' },
    ],
    resource: '',
    drbdScript: 'block-drbd',
    npivFields: [{ value: '' }, { value: '' }, { value: '' }],
    npivPrefixed: false,
    rawTarget: '',
    script: '',
  };
}

/** The host's optical drive, the usual name on Linux. */
export const HOST_CDROM = '/dev/sr0';

/** Which wizard opens an existing disk, and with what values. */
export function valuesFromDisk(disk: Disk, guest: GuestType): FormValues {
  const decoded = decodeTarget(disk);
  const t: StructuredTarget = decoded.ok ? decoded.target : { kind: 'opaque', text: disk.target ?? '', ...(disk.script !== undefined && { script: disk.script }) };
  const kind: KindId =
    disk.devtype === 'cdrom'
      ? 'cdrom'
      : t.kind === 'path'
        ? disk.backendtype === 'phy'
          ? 'block'
          : 'file'
        : t.kind === 'empty' || t.kind === 'opaque' || (t.kind === 'nbd' && t.via === 'script')
          ? 'other'
          : t.kind;
  const v = defaultValues(kind, guest, []);
  const str = (s: string | undefined) => s ?? '';
  Object.assign(v, {
    vdev: disk.vdev,
    access: disk.access,
    format: disk.format,
    backendtype: disk.backendtype ?? '',
    discard: disk.discard === undefined ? '' : disk.discard ? 'discard' : 'no-discard',
    directIoSafe: disk.directIoSafe,
    backend: str(disk.backend),
    specification: disk.specification ?? '',
    colo: disk.colo === undefined ? '' : disk.colo ? 'colo' : 'no-colo',
    coloHost: str(disk.coloHost),
    coloPort: disk.coloPort ? String(disk.coloPort) : '',
    coloExport: str(disk.coloExport),
    activeDisk: str(disk.activeDisk),
    hiddenDisk: str(disk.hiddenDisk),
    carried: t,
  } satisfies Partial<FormValues>);
  if (kind === 'other') {
    v.rawTarget = str(disk.target);
    v.script = str(disk.script);
    return v;
  }
  switch (t.kind) {
    case 'path':
      v.path = t.path;
      if (kind === 'cdrom') v.cdromMedia = t.path.startsWith('/dev/') ? 'host' : 'iso';
      break;
    case 'empty':
      v.cdromMedia = 'empty';
      if (kind === 'cdrom') v.format = 'raw';
      break;
    case 'rbd': {
      v.pool = t.pool;
      v.namespace = str(t.namespace);
      v.image = t.image;
      v.snapshot = str(t.snapshot);
      v.monitors = [];
      for (const o of t.options) {
        if (o.kind === 'id') v.cephId = o.value;
        else if (o.kind === 'key') v.key = o.value;
        else if (o.kind === 'conf') v.conf = o.value;
        else if (o.kind === 'keyring') v.keyring = o.value;
        else if (o.kind === 'auth_supported') v.authSupported = o.methods.join(';');
        else if (o.kind === 'mon_host') v.monitors = o.hosts.map((h) => ({ host: h.host, port: h.port === undefined ? '' : String(h.port) }));
      }
      break;
    }
    case 'nbd':
      if (t.server.transport === 'tcp') {
        v.nbdTransport = 'tcp';
        v.nbdHost = t.server.host;
        v.nbdPort = String(t.server.port);
      } else {
        v.nbdTransport = 'unix';
        v.nbdSocket = t.server.path;
      }
      if (t.via === 'qdisk') v.exportName = str(t.exportName);
      break;
    case 'iscsi':
      v.iqn = t.iqn;
      v.portal = str(t.portal);
      v.multipath = t.multipath ?? '';
      break;
    case 'dmmd':
      v.stanzas = t.stanzas.map((s) => ({ type: s.type, device: s.device, config: str(s.config) }));
      break;
    case 'drbd':
      v.resource = t.resource;
      v.drbdScript = t.script.endsWith('block-drbd-probe') ? 'block-drbd-probe' : 'block-drbd';
      break;
    case 'npiv':
      v.npivFields = t.fields.map((value) => ({ value }));
      v.npivPrefixed = t.prefixed;
      break;
    case 'opaque':
      break;
  }
  return v;
}
