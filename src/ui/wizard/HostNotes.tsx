/**
 * Host notes from the seed document, shown where they matter: the loop-device budget beside a
 * file-backed disk, the resize advice beside file and block disks.
 */
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { LOOP_DEVICES } from '../../core/lint';
import type { FormValues, KindId } from './kinds';

export function LoopNote({ fileBacked }: { fileBacked: number }) {
  const [open, setOpen] = useState(false);
  const [format, backendtype] = useWatch<FormValues, ['format', 'backendtype']>({ name: ['format', 'backendtype'] });
  const loop = format === 'raw' && (backendtype === '' || backendtype === 'phy');
  const over = fileBacked > LOOP_DEVICES;
  return (
    <Alert
      isInline
      isPlain={!over}
      variant={over ? 'warning' : 'info'}
      title={`Loop devices: this domain uses ${fileBacked} for file-backed disks; the host has ${LOOP_DEVICES} by default`}
      isExpandable
      onToggle={() => setOpen(!open)}
      toggleAriaLabel="Details on loop devices"
      component="h3"
      className="xd-note"
    >
      <p>
        {loop
          ? 'This disk takes a loop device: a raw file served by blkback (phy). '
          : `This disk takes no loop device: libxl hands ${format === 'raw' ? 'it' : `a ${format} image`} to qemu (qdisk). `}
        Each raw file-backed disk served by blkback takes one loop device on the host, across all domains. Linux creates {LOOP_DEVICES} by default. For more, add{' '}
        <code>options loop max_loop=x</code> (x = the number you need) to <code>/etc/modprobe.conf.local</code>, then reload the module (<code>rmmod loop; modprobe loop</code>) while no loop device is in use.
      </p>
    </Alert>
  );
}

export function ResizeNote({ kind }: { kind: KindId }) {
  return (
    <Alert isInline isPlain variant="info" title="Resizing later" isExpandable toggleAriaLabel="Details on resizing" component="h3" className="xd-note">
      <List>
        <ListItem>Keep the disk on LVM, or use an image format that can grow (qcow2, or a sparse raw file).</ListItem>
        <ListItem>Do not partition the disk inside the guest: a file system on the whole disk grows in one step.</ListItem>
        <ListItem>
          Grow an XFS file system in the guest with <code>xfs_growfs</code> (ext4: <code>resize2fs</code>).
        </ListItem>
        <ListItem>
          {kind === 'block' ? 'This is a block device: ' : ''}LVM size changes (<code>lvextend</code>) reach the guest by themselves; no reattach is needed.
        </ListItem>
      </List>
    </Alert>
  );
}
