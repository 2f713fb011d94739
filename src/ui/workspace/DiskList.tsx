/** The domain's disks, as the text holds them, with a status each; add, edit, remove, reorder. */
import { memo } from 'react';
import { Button, EmptyState, EmptyStateBody, Label, Title } from '@patternfly/react-core';
import { ArrowUpIcon, PencilAltIcon, PlusCircleIcon, TrashIcon } from '@patternfly/react-icons';
import type { Disk } from '../../core/model/disk';
import { parseVdev } from '../../core/xl/vdev';
import { diskRules } from '../wizard/rules';
import type { Doc } from './docAdapter';

export type DiskListProps = {
  doc: Doc;
  selected?: number;
  onOpen: (index: number) => void;
  onAdd: () => void;
  /** The kind of a disk, once the module that knows it has loaded. */
  describe?: (spec: string, disk: Disk) => string;
  /** The spec as shown: the RBD key masked unless the user asked to see it. */
  show?: (spec: string, disk: Disk) => string;
  onRemove: (index: number) => void;
  onMove: (index: number, to: number) => void;
};

type RowProps = {
  index: number;
  spec: string;
  name: string;
  kind: string;
  status: 'xl' | 'error' | 'warning' | 'ok';
  canEdit: boolean;
  isSelected: boolean;
  onOpen: (index: number) => void;
  onRemove: (index: number) => void;
  onMove: (index: number, to: number) => void;
};

const STATUS = {
  xl: { color: 'red', text: 'xl error' },
  error: { color: 'red', text: 'libxl would refuse' },
  warning: { color: 'orange', text: 'warning' },
  ok: { color: 'green', text: 'ok' },
} as const;

const DiskRow = memo(function DiskRow({ index, spec, name, kind, status, canEdit, isSelected, onOpen, onRemove, onMove }: RowProps) {
  return (
    <li className={`xd-disk${isSelected ? ' xd-disk-selected' : ''}`} aria-current={isSelected ? 'true' : undefined}>
      <div className="xd-disk-main">
        <span className="xd-disk-name">
          <strong>{name}</strong>
          {kind && ` · ${kind}`}{' '}
          <Label color={STATUS[status].color} isCompact>
            {STATUS[status].text}
          </Label>
        </span>
        <code className="xd-disk-spec">{spec}</code>
      </div>
      <div className="xd-disk-actions">
        <Button variant="secondary" size="sm" icon={<PencilAltIcon />} onClick={() => onOpen(index)} isDisabled={!canEdit}>
          Edit<span className="pf-v6-screen-reader"> disk {index + 1} ({name})</span>
        </Button>
        <Button variant="plain" size="sm" aria-label={`Move disk ${index + 1} (${name}) up`} isDisabled={index === 0} onClick={() => onMove(index, index - 1)} icon={<ArrowUpIcon />} />
        <Button variant="plain" size="sm" aria-label={`Remove disk ${index + 1} (${name})`} onClick={() => onRemove(index)} icon={<TrashIcon />} />
      </div>
    </li>
  );
});

export const DiskList = memo(function DiskList({ doc, selected, onOpen, onAdd, onRemove, onMove, describe, show }: DiskListProps) {
  const count = doc.disks.length;
  // Disks grouped by slot, so the clash check looks only at disks that share one.
  const bySlot = new Map<number, { vdev: string; position: number }[]>();
  const slots = doc.disks.map((d) => {
    if (!d.disk) return undefined;
    const v = parseVdev(d.disk.vdev);
    if (!v.ok || v.disk < 0) return undefined;
    const list = bySlot.get(v.disk) ?? [];
    list.push({ vdev: d.disk.vdev, position: d.index + 1 });
    bySlot.set(v.disk, list);
    return v.disk;
  });
  return (
    <section aria-labelledby="disks-title" className="xd-disklist">
      <div className="xd-disklist-head">
        <Title headingLevel="h2" size="lg" id="disks-title">
          Disks ({count})
        </Title>
        <Button variant="primary" icon={<PlusCircleIcon />} onClick={onAdd}>
          Add disk
        </Button>
      </div>
      {count === 0 ? (
        <EmptyState headingLevel="h3" titleText="No disks yet" variant="sm">
          <EmptyStateBody>Add a disk: each kind has a wizard that shows xl’s defaults and both syntaxes as you type.</EmptyStateBody>
        </EmptyState>
      ) : (
        <ol className="xd-disks">
          {doc.disks.map((d, i) => {
            let status: RowProps['status'] = 'xl';
            if (d.disk) {
              const slot = slots[i];
              const others = slot === undefined ? [] : bySlot.get(slot)!.filter((o) => o.position !== d.index + 1);
              const r = diskRules(d.disk, { guest: doc.guest, others });
              status = r.errors.length ? 'error' : r.warnings.length ? 'warning' : 'ok';
            }
            const text = d.spec ?? doc.text.slice(d.from, d.to);
            const name = d.disk ? d.disk.vdev : `disk ${d.index + 1}`;
            const kind = d.disk ? (describe?.(text, d.disk) ?? '') : 'unreadable';
            return (
              <DiskRow
                key={d.index}
                index={d.index}
                spec={d.disk && show ? show(text, d.disk) : text}
                name={name}
                kind={kind}
                status={status}
                canEdit={d.disk !== undefined}
                isSelected={selected === d.index}
                onOpen={onOpen}
                onRemove={onRemove}
                onMove={onMove}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
});
