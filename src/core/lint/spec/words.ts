/** The vocabulary of xl's disk specs, and the words people write instead (xl-disk-syntax §4, §5). */

export const KNOWN_KEYS = [
  'target',
  'format',
  'vdev',
  'access',
  'devtype',
  'backendtype',
  'backend',
  'specification',
  'script',
  'colo-host',
  'colo-port',
  'colo-export',
  'active-disk',
  'hidden-disk',
] as const;

export { FLAGS } from '../../xl/diskScanner';

/** Xen 4.19's additions, which Xen 4.17's scanner reads as positional words. */
export const XEN419_WORDS = ['trusted', 'untrusted', 'grant_usage'] as const;

export const VALUES: Record<string, readonly string[]> = {
  format: ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'],
  access: ['r', 'ro', 'w', 'rw'],
  backendtype: ['phy', 'qdisk', 'tap', 'standalone'],
  specification: ['xen', 'virtio'],
  devtype: ['cdrom', 'disk'],
};

/** Words from other tools with a sure xl meaning. */
export const VALUE_ALIASES: Record<string, Record<string, string>> = {
  format: { xvhd: 'vhd', vpc: 'vhd', img: 'raw', iso: 'raw', aio: 'raw', qcow3: 'qcow2' },
  access: {
    'read-only': 'ro',
    readonly: 'ro',
    read_only: 'ro',
    rdonly: 'ro',
    read: 'ro',
    wr: 'rw',
    write: 'rw',
    'read-write': 'rw',
    readwrite: 'rw',
    'r/w': 'rw',
  },
  backendtype: { qemu: 'qdisk', phys: 'phy', blkback: 'phy', blktap: 'tap', tap2: 'tap', tapdisk: 'tap' },
  specification: {},
  devtype: { cd: 'cdrom', 'cd-rom': 'cdrom', dvd: 'cdrom', hd: 'disk', harddisk: 'disk' },
};

/** What the explanation says each key accepts. */
export const ACCEPTS: Record<string, string> = {
  format: 'format is raw (the default), qcow, qcow2, vhd or qed (empty: a cdrom without a medium)',
  access: 'access is r or ro (read-only), w or rw (read-write, the default)',
  backendtype: 'backendtype is phy, qdisk, tap or standalone',
  specification: 'specification is xen or virtio',
  devtype: 'devtype is cdrom or disk',
  colo_port: 'colo-port is a port number above 0',
};

/**
 * Keys of libvirt, virt-install, xm or qemu that people write into xl specs, with what to do:
 * `key`: rename the key; `map`: replace the field by fixed xl text per value; `drop`: no xl
 * equivalent.
 */
export type Foreign = { key?: string; map?: Record<string, string>; drop?: string };

export const FOREIGN_KEYS: Record<string, Foreign> = {
  type: { map: { cdrom: 'devtype=cdrom', disk: 'devtype=disk' } },
  device: { map: { cdrom: 'devtype=cdrom', disk: 'devtype=disk' } },
  media: { map: { cdrom: 'devtype=cdrom', disk: 'devtype=disk' } },
  mode: { map: { r: 'access=ro', ro: 'access=ro', w: 'access=rw', rw: 'access=rw', readonly: 'access=ro' } },
  readonly: { map: { on: 'access=ro', yes: 'access=ro', true: 'access=ro', '1': 'access=ro', off: 'access=rw', no: 'access=rw', false: 'access=rw', '0': 'access=rw' } },
  ro: { map: { on: 'access=ro', yes: 'access=ro', true: 'access=ro', '1': 'access=ro' } },
  perms: { map: { ro: 'access=ro', rw: 'access=rw' } },
  discard: { map: { unmap: 'discard', on: 'discard', '1': 'discard', true: 'discard', yes: 'discard', ignore: 'no-discard', off: 'no-discard', '0': 'no-discard', false: 'no-discard', no: 'no-discard' } },
  dev: { key: 'vdev' },
  path: { key: 'target' },
  file: { key: 'target' },
  source: { key: 'target' },
  src: { key: 'target' },
  bus: { drop: 'xl has no bus: the vdev name decides (xvd: PV, hd: IDE, sd: SCSI)' },
  cache: { drop: 'xl has no cache mode' },
  driver: { drop: 'the driver is backendtype= in xl (phy, qdisk, tap, standalone)' },
  io: { drop: 'xl has no io mode' },
  serial: { drop: 'xl has no disk serial' },
  boot: { drop: 'xl sets the boot order with boot= for the whole domain' },
  size: { drop: 'xl does not create images; make it with qemu-img or lvcreate' },
  sparse: { drop: 'xl does not create images' },
  shareable: { drop: 'xl has no shared-writable mode' },
  target_bus: { drop: 'xl has no bus' },
};

/** Bare words of other tools, with their xl spelling. */
export const FOREIGN_WORDS: Record<string, string> = {
  readonly: 'access=ro',
  'read-only': 'access=ro',
  ro: 'access=ro',
  rw: 'access=rw',
  shareable: '',
};
