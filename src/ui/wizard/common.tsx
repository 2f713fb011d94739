/** The fields every disk kind has, with xl's defaults and the reasons for them. */
import { useFormContext, useWatch } from 'react-hook-form';
import { Button, ExpandableSection } from '@patternfly/react-core';
import { useState } from 'react';
import { nextFreeVdev, type GuestType } from '../../core/xl/vdev';
import { CheckboxField, Default, SelectField, TextField, type Option } from './fields';
import type { FormValues } from './kinds';

const ACCESS: Option[] = [
  { value: 'rw', label: 'rw — read-write' },
  { value: 'ro', label: 'ro — read-only' },
];

const BACKENDTYPE: Option[] = [
  { value: '', label: 'unset — libxl picks' },
  { value: 'phy', label: 'phy — kernel blkback' },
  { value: 'qdisk', label: 'qdisk — qemu' },
  { value: 'tap', label: 'tap — blktap3 (Xen 4.19+)' },
  { value: 'standalone', label: 'standalone — virtio backend (Xen 4.17+)' },
];

const DISCARD: Option[] = [
  { value: '', label: 'unset — discard' },
  { value: 'discard', label: 'discard' },
  { value: 'no-discard', label: 'no-discard' },
];

const SPECIFICATION: Option[] = [
  { value: '', label: 'unset — xen' },
  { value: 'xen', label: 'xen' },
  { value: 'virtio', label: 'virtio (Xen 4.17+)' },
];

const COLO: Option[] = [
  { value: '', label: 'unset — no-colo' },
  { value: 'colo', label: 'colo' },
  { value: 'no-colo', label: 'no-colo' },
];

function vdevReason(guest: GuestType, cdrom: boolean): string {
  if (guest !== 'hvm') return `${guest.toUpperCase()} guests have no emulated disks: xvda onwards.`;
  if (cdrom) return 'installers look for the cdrom at hdc; then the other IDE names, then xvde onwards.';
  return 'HVM guests boot from hda–hdd without PV drivers; then xvde onwards.';
}

export function VdevField({ guest, used }: { guest: GuestType; used: readonly string[] }) {
  const { setValue } = useFormContext<FormValues>();
  const [kind, vdev] = useWatch<FormValues, ['kind', 'vdev']>({ name: ['kind', 'vdev'] });
  const cdrom = kind === 'cdrom';
  const suggestion = nextFreeVdev(used, guest, cdrom ? 'cdrom' : 'disk');
  return (
    <TextField
      name="vdev"
      label="Virtual device (vdev)"
      isRequired
      help={
        <>
          No default: xl requires it. Next free for this {guest.toUpperCase()} guest: <strong>{suggestion}</strong> — {vdevReason(guest, cdrom)}
          {vdev !== suggestion && (
            <>
              {' '}
              <Button variant="link" isInline onClick={() => setValue('vdev', suggestion, { shouldDirty: true })}>
                Use {suggestion}
              </Button>
            </>
          )}
        </>
      }
    />
  );
}

export function CommonFields({ guest, used }: { guest: GuestType; used: readonly string[] }) {
  const kind = useWatch<FormValues, 'kind'>({ name: 'kind' });
  const cdrom = kind === 'cdrom';
  const qemuOnly = kind === 'rbd' || kind === 'nbd';
  const [advanced, setAdvanced] = useState(false);
  return (
    <>
      <VdevField guest={guest} used={used} />
      <SelectField
        name="access"
        label="Access"
        options={ACCESS}
        isDisabled={cdrom}
        help={cdrom ? 'A cdrom is always read-only: xl forces ro.' : <Default value="rw">xl makes every disk writable unless told; a cdrom is always read-only.</Default>}
      />
      <SelectField
        name="backendtype"
        label="Backend type (backendtype)"
        options={BACKENDTYPE}
        isDisabled={qemuOnly}
        help={
          qemuOnly ? (
            `qdisk is required: qemu reads ${kind}: targets itself.`
          ) : kind === 'block' ? (
            <Default value="unset">libxl would pick phy for a block device anyway; phy (blkback) is the fastest path and serves raw data only.</Default>
          ) : (
            <Default value="unset">libxl tries phy first (raw data on a block device, or a file through a loop device), then qdisk for image formats.</Default>
          )
        }
      />
      <SelectField
        name="discard"
        label="Discard"
        options={DISCARD}
        help={<Default value="unset">libxl treats it as discard: the guest may trim, and the backend passes it on when the storage supports it.</Default>}
      />
      <CheckboxField
        name="directIoSafe"
        label="Direct I/O is safe (direct-io-safe)"
        help={<Default value="off">qemu avoids O_DIRECT, which is unsafe with some network storage under grant mapping; turn it on only for storage known to be safe.</Default>}
      />
      <TextField name="backend" label="Backend domain (backend)" placeholder="Domain-0" help={<Default value="Domain-0">the toolstack domain serves the disk; name a driver domain (by name or id) to serve it from there.</Default>} />
      <ExpandableSection toggleText="Advanced: specification and COLO" isExpanded={advanced} onToggle={(_e, x) => setAdvanced(x)}>
        <SelectField
          name="specification"
          label="Specification"
          options={SPECIFICATION}
          help={<Default value="xen">the guest sees a Xen PV disk; virtio needs backendtype=standalone.</Default>}
        />
        <SelectField name="colo" label="COLO replication (colo)" options={COLO} help={<Default value="no-colo">COLO is documented by Xen as unstable; it needs qdisk.</Default>} />
        <TextField name="coloHost" label="COLO host (colo-host)" help="The secondary host’s NBD server." />
        <TextField name="coloPort" label="COLO port (colo-port)" inputMode="numeric" />
        <TextField name="coloExport" label="COLO export (colo-export)" />
        <TextField name="activeDisk" label="Active disk (active-disk)" />
        <TextField name="hiddenDisk" label="Hidden disk (hidden-disk)" />
      </ExpandableSection>
    </>
  );
}
