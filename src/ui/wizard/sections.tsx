/** The kind-specific parts of the wizards: the target of each disk kind, field by field. */
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button, FormGroup, Radio } from '@patternfly/react-core';
import { EyeIcon, EyeSlashIcon, PlusCircleIcon, TrashIcon, ArrowUpIcon } from '@patternfly/react-icons';
import { FORMATS } from '../../core/model/disk';
import { npivFieldNames } from '../../core/xl/targets';
import { Default, FieldMessages, SelectField, TextField, fieldId, type Option } from './fields';
import { HOST_CDROM, type FormValues } from './kinds';
import { formatFromExtension } from '../../core/lint';

const FORMAT_OPTIONS: Option[] = FORMATS.filter((f) => f !== 'empty').map((f) => ({ value: f, label: f }));

export function FormatField({ kind }: { kind: FormValues['kind'] }) {
  const { getFieldState, formState } = useFormContext<FormValues>();
  const [path, format] = useWatch<FormValues, ['path', 'format']>({ name: ['path', 'format'] });
  const guess = kind === 'file' ? formatFromExtension(path) : undefined;
  const guessed = guess !== undefined && guess === format && !getFieldState('format', formState).isDirty;
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
  return (
    <SelectField
      name="format"
      label="Format"
      options={FORMAT_OPTIONS}
      help={
        guessed && ext ? (
          <>
            <strong>{format}</strong>, guessed from the <code>.{ext}</code> extension (xl never looks inside the file; check it with <code>qemu-img info</code>).
          </>
        ) : (
          <Default value="raw">xl assumes raw when no format is given; it never probes the image.</Default>
        )
      }
    />
  );
}

export function FileSection() {
  const { setValue, getFieldState, getValues } = useFormContext<FormValues>();
  // The format follows the file name's extension until the user picks one.
  const guess = (path: string) => {
    const f = formatFromExtension(path);
    if (f && !getFieldState('format').isDirty && getValues('format') !== f) setValue('format', f);
  };
  return (
    <>
      <TextField name="path" label="Image file (target)" placeholder="/var/lib/xen/images/guest.qcow2" isRequired help="Absolute path of the image on the host that serves the disk." onChanged={guess} />
      <FormatField kind="file" />
    </>
  );
}

export function BlockSection() {
  return (
    <>
      <TextField name="path" label="Block device (target)" placeholder="/dev/vg/guest-volume" isRequired help="A whole disk, partition or logical volume on the host, e.g. /dev/vg/guest-volume or /dev/disk/by-id/…" />
      <FormatField kind="block" />
    </>
  );
}

export function CdromSection() {
  const { setValue, getValues } = useFormContext<FormValues>();
  const media = useWatch<FormValues, 'cdromMedia'>({ name: 'cdromMedia' });
  const choose = (m: FormValues['cdromMedia']) => {
    const path = getValues('path');
    setValue('cdromMedia', m, { shouldDirty: true });
    if (m === 'host' && !path.startsWith('/dev/')) setValue('path', HOST_CDROM, { shouldDirty: true });
    if (m === 'iso' && path === HOST_CDROM) setValue('path', '', { shouldDirty: true });
  };
  return (
    <>
      <FormGroup role="radiogroup" isInline fieldId={fieldId('cdromMedia')} label="Medium">
        <Radio id="cdrom-iso" name="cdromMedia" label="ISO image" isChecked={media === 'iso'} onChange={() => choose('iso')} />
        <Radio id="cdrom-host" name="cdromMedia" label="Host drive" isChecked={media === 'host'} onChange={() => choose('host')} />
        <Radio id="cdrom-empty" name="cdromMedia" label="Empty drive" isChecked={media === 'empty'} onChange={() => choose('empty')} />
      </FormGroup>
      {media === 'iso' && <TextField name="path" label="ISO image (target)" placeholder="/root/image.iso" isRequired help="Absolute path of the ISO file on the host." />}
      {media === 'host' && <TextField name="path" label="Host drive (target)" placeholder={HOST_CDROM} isRequired help={`The host's optical drive, usually ${HOST_CDROM}.`} />}
      {media === 'empty' && (
        <FieldMessages name="cdromMedia" help="An empty drive: no target, format empty. Insert a medium later with xl cd-insert." />
      )}
      {media !== 'empty' && <FormatField kind="cdrom" />}
    </>
  );
}

function MonitorRows() {
  const { fields, append, remove } = useFieldArray<FormValues, 'monitors'>({ name: 'monitors' });
  return (
    <FormGroup role="group" label="Monitors" fieldId="monitors" className="xd-rows">
      {fields.map((f, i) => (
        <div key={f.id} className="xd-row">
          <div className="xd-row-grow">
            <TextField name={`monitors.${i}.host`} label={`Monitor ${i + 1} host`} placeholder="192.0.2.10, 2001:db8::10 or mon1.example.org" />
          </div>
          <div className="xd-row-port">
            <TextField name={`monitors.${i}.port`} label={`Monitor ${i + 1} port`} placeholder="6789" inputMode="numeric" />
          </div>
          <Button variant="plain" aria-label={`Remove monitor ${i + 1}`} onClick={() => remove(i)} icon={<TrashIcon />} className="xd-row-action" />
        </div>
      ))}
      <Button variant="link" icon={<PlusCircleIcon />} onClick={() => append({ host: '', port: '6789' })}>
        Add monitor
      </Button>
      <FieldMessages name="monitors" help={<Default value="none">qemu then takes the monitors from ceph.conf. Port 6789 is Ceph’s msgr v1 port; IPv6 addresses are written without brackets here.</Default>} />
    </FormGroup>
  );
}

function KeyField() {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      name="key"
      label="Key (key)"
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      placeholder="AQD…== (base64)"
      after={
        <Button variant="control" aria-label={shown ? 'Hide key' : 'Show key'} aria-pressed={shown} onClick={() => setShown((s) => !s)} icon={shown ? <EyeSlashIcon /> : <EyeIcon />} />
      }
      help={<Default value="none">without a key, qemu reads it from the keyring or ceph.conf. The key is masked in the previews until you ask.</Default>}
    />
  );
}

const AUTH_OPTIONS: Option[] = [
  { value: '', label: 'unset — Ceph’s default' },
  { value: 'cephx;none', label: 'cephx;none — cephx, else none' },
  { value: 'cephx', label: 'cephx' },
  { value: 'none', label: 'none' },
];

export function RbdSection() {
  return (
    <>
      <TextField name="pool" label="Pool" placeholder="libvirt-pool" isRequired />
      <TextField name="image" label="Image" placeholder="new-libvirt-image" isRequired />
      <TextField name="snapshot" label="Snapshot" help={<Default value="none">the image itself. A snapshot is read-only.</Default>} />
      <TextField name="namespace" label="Namespace" help={<Default value="none">the pool’s default namespace (RADOS namespaces need qemu 4.0+).</Default>} />
      <MonitorRows />
      <TextField name="cephId" label="Ceph user (id)" placeholder="libvirt" help={<Default value="admin">qemu connects as client.admin. Write the user without the client. prefix.</Default>} />
      <KeyField />
      <SelectField name="authSupported" label="Authentication (auth_supported)" options={AUTH_OPTIONS} help={<Default value="unset">Ceph uses cephx when the cluster requires it.</Default>} />
      <TextField name="keyring" label="Keyring (keyring)" placeholder="/etc/ceph/ceph.client.libvirt.keyring" help={<Default value="none">the keyring named in ceph.conf.</Default>} />
      <TextField name="conf" label="Ceph configuration (conf)" placeholder="/etc/ceph/ceph.conf" help={<Default value="/etc/ceph/ceph.conf">qemu reads the cluster’s default configuration file; /dev/null reads none.</Default>} />
    </>
  );
}

export function NbdSection() {
  const { setValue } = useFormContext<FormValues>();
  const transport = useWatch<FormValues, 'nbdTransport'>({ name: 'nbdTransport' });
  return (
    <>
      <FormGroup role="radiogroup" isInline fieldId={fieldId('nbdTransport')} label="Connection">
        <Radio id="nbd-tcp" name="nbdTransport" label="TCP (host and port)" isChecked={transport === 'tcp'} onChange={() => setValue('nbdTransport', 'tcp', { shouldDirty: true })} />
        <Radio id="nbd-unix" name="nbdTransport" label="Unix socket" isChecked={transport === 'unix'} onChange={() => setValue('nbdTransport', 'unix', { shouldDirty: true })} />
      </FormGroup>
      {transport === 'tcp' ? (
        <>
          <TextField name="nbdHost" label="Host" placeholder="151.155.144.82" isRequired help="A name, an IPv4 address, or an IPv6 address (without brackets)." />
          <TextField name="nbdPort" label="Port" inputMode="numeric" isRequired help={<Default value="10809">the NBD port registered with IANA; qemu-nbd and nbd-server listen there.</Default>} />
        </>
      ) : (
        <TextField name="nbdSocket" label="Socket (unix)" placeholder="/run/nbd/disk0.sock" isRequired />
      )}
      <TextField name="exportName" label="Export name (exportname)" help={<Default value="none">the server’s default export.</Default>} />
    </>
  );
}

const MULTIPATH_OPTIONS: Option[] = [
  { value: '', label: 'unset — n' },
  { value: 'y', label: 'y — use multipath' },
  { value: 'n', label: 'n' },
];

export function IscsiSection() {
  return (
    <>
      <TextField name="iqn" label="Target IQN (iqn)" placeholder="iqn.2001-05.com.example:storage.disk1" isRequired />
      <TextField name="portal" label="Portal (portal)" placeholder="192.0.2.20:3260" help={<Default value="port 3260">the portal is IP[:PORT]; block-iscsi logs in with iscsiadm and attaches LUN 0.</Default>} />
      <SelectField name="multipath" label="Multipath (multipath)" options={MULTIPATH_OPTIONS} help={<Default value="n">block-iscsi uses the single session it logged in.</Default>} />
    </>
  );
}

export function DmmdSection() {
  const { fields, append, remove, move } = useFieldArray<FormValues, 'stanzas'>({ name: 'stanzas' });
  const stanzas = useWatch<FormValues, 'stanzas'>({ name: 'stanzas' });
  return (
    <FormGroup role="group" label="Stanzas" fieldId="stanzas" className="xd-rows">
      {fields.map((f, i) => (
        <div key={f.id} className="xd-row xd-row-wrap">
          <div className="xd-row-type">
            <SelectField
              name={`stanzas.${i}.type`}
              label={`Stanza ${i + 1} type`}
              options={[
                { value: 'md', label: 'md — MD array' },
                { value: 'lvm', label: 'lvm — LVM volume' },
              ]}
            />
          </div>
          <div className="xd-row-grow">
            <TextField name={`stanzas.${i}.device`} label={`Stanza ${i + 1} device`} placeholder={stanzas?.[i]?.type === 'lvm' ? '/dev/vgxen/lv-vm01' : '/dev/md0'} />
          </div>
          {stanzas?.[i]?.type === 'md' && (
            <div className="xd-row-grow">
              <TextField name={`stanzas.${i}.config`} label={`Stanza ${i + 1} mdadm config`} placeholder="/etc/mdadm.conf" />
            </div>
          )}
          <div className="xd-row-actions">
            <Button variant="plain" aria-label={`Move stanza ${i + 1} up`} isDisabled={i === 0} onClick={() => move(i, i - 1)} icon={<ArrowUpIcon />} />
            <Button variant="plain" aria-label={`Remove stanza ${i + 1}`} isDisabled={fields.length === 1} onClick={() => remove(i)} icon={<TrashIcon />} />
          </div>
        </div>
      ))}
      <div>
        <Button variant="link" icon={<PlusCircleIcon />} onClick={() => append({ type: 'md', device: '', config: '' })}>
          Add MD stanza
        </Button>
        <Button variant="link" icon={<PlusCircleIcon />} onClick={() => append({ type: 'lvm', device: '', config: '' })}>
          Add LVM stanza
        </Button>
      </div>
      <FieldMessages name="stanzas" help="block-dmmd handles the stanzas in order and gives the guest the last device: assemble the array first, then activate the volume on it. SUSE’s Xen package ships block-dmmd." />
    </FormGroup>
  );
}

export function DrbdSection() {
  return (
    <>
      <TextField name="resource" label="Resource" placeholder="drbd-resource0" isRequired help="The DRBD resource name from drbd.conf; the script makes it primary and hands its device to the guest." />
      <SelectField
        name="drbdScript"
        label="Script (script)"
        options={[
          { value: 'block-drbd', label: 'block-drbd — DRBD’s script (drbd-utils)' },
          { value: 'block-drbd-probe', label: 'block-drbd-probe — Xen’s probing script' },
        ]}
        help={<Default value="block-drbd">the script xl’s drbd: prefix selects.</Default>}
      />
    </>
  );
}

export function NpivSection() {
  const { fields, append, remove } = useFieldArray<FormValues, 'npivFields'>({ name: 'npivFields' });
  const names = npivFieldNames(fields.length);
  return (
    <>
      <FormGroup role="group" label="NPIV parameters" fieldId="npivFields" className="xd-rows">
        {fields.map((f, i) => (
          <TextField key={f.id} name={`npivFields.${i}.value`} label={`NPIV ${names[i]}`} placeholder={['0x2100001b32a9da4e', '0x50060e8010001cd1', '1'][i] ?? ''} />
        ))}
        <div>
          <Button variant="link" icon={<PlusCircleIcon />} onClick={() => append({ value: '' })}>
            Add parameter
          </Button>
          <Button variant="link" icon={<TrashIcon />} isDisabled={fields.length <= 1} onClick={() => remove(fields.length - 1)}>
            Remove last parameter
          </Button>
        </div>
        <FieldMessages name="npivFields" help="Joined with “-” in order: the virtual port’s WWPN, the storage target’s WWPN and the LUN. SUSE’s Xen package ships block-npiv." />
      </FormGroup>
      <NpivPrefix />
    </>
  );
}

function NpivPrefix() {
  const { setValue } = useFormContext<FormValues>();
  const prefixed = useWatch<FormValues, 'npivPrefixed'>({ name: 'npivPrefixed' });
  return (
    <FormGroup role="radiogroup" fieldId={fieldId('npivPrefixed')} label="Target prefix">
      <Radio id="npiv-plain" name="npivPrefixed" label="Target without prefix" isChecked={!prefixed} onChange={() => setValue('npivPrefixed', false, { shouldDirty: true })} />
      <Radio id="npiv-prefixed" name="npivPrefixed" label="Target with the npiv: prefix (as SUSE’s libvirt writes it)" isChecked={prefixed} onChange={() => setValue('npivPrefixed', true, { shouldDirty: true })} />
    </FormGroup>
  );
}

export function OtherSection() {
  return (
    <>
      <TextField name="rawTarget" label="Target (target)" isRequired help="Written as given, after target= (which takes the rest of the spec, commas included)." />
      <TextField name="script" label="Script (script)" placeholder="block-enbd" help={<Default value="none">libxl’s own block script for phy; a name without / is looked up in /etc/xen/scripts.</Default>} />
    </>
  );
}
