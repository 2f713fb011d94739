/** The disk kinds the wizards author: names and one-line summaries (no code, loaded up front). */
export const KIND_IDS = ['file', 'block', 'cdrom', 'rbd', 'nbd', 'iscsi', 'dmmd', 'drbd', 'npiv', 'other'] as const;
export type KindId = (typeof KIND_IDS)[number];

export type KindInfo = { id: KindId; title: string; summary: string };

export const KINDS: Record<KindId, KindInfo> = {
  file: { id: 'file', title: 'Local image file', summary: 'A disk image on the host: raw, qcow2, vhd, qed.' },
  block: { id: 'block', title: 'Block device / LVM', summary: 'A host block device or logical volume, served by blkback (backendtype=phy).' },
  cdrom: { id: 'cdrom', title: 'CD-ROM', summary: 'An ISO image, the host’s drive, or an empty drive.' },
  rbd: { id: 'rbd', title: 'Ceph RBD', summary: 'A Ceph RADOS block device read by qemu (qdisk), with monitors and cephx.' },
  nbd: { id: 'nbd', title: 'NBD', summary: 'A network block device export read by qemu (qdisk), over TCP or a unix socket.' },
  iscsi: { id: 'iscsi', title: 'iSCSI (block-iscsi)', summary: 'An iSCSI LUN logged in by the block-iscsi hotplug script.' },
  dmmd: { id: 'dmmd', title: 'MD / LVM stack (block-dmmd)', summary: 'SUSE’s block-dmmd: assemble MD arrays and activate volumes, then attach the last device.' },
  drbd: { id: 'drbd', title: 'DRBD (block-drbd)', summary: 'A DRBD resource made primary by block-drbd or block-drbd-probe.' },
  npiv: { id: 'npiv', title: 'Fibre Channel NPIV (block-npiv)', summary: 'SUSE’s block-npiv: a virtual FC port and a LUN behind it.' },
  other: { id: 'other', title: 'Other target', summary: 'Any target and hotplug script, written as given.' },
};

