/**
 * One disk's wizard: a react-hook-form form whose resolver is the core model (build.ts). Each
 * change that gives a disk xl can read is committed at once as a text edit of the document; the
 * form keeps half-typed values only while they cannot be written.
 */
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ActionGroup, Button, Form, FormGroup, FormSelect, FormSelectOption, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import type { GuestType } from '../../core/xl/vdev';
import { buildDisk, formSchema } from './build';
import { CommonFields } from './common';
import { WarningsContext } from './fields';
import { LoopNote, ResizeNote } from './HostNotes';
import type { Disk } from '../../core/model/disk';
import { KIND_IDS, KINDS, defaultValues, valuesFromDisk, type FormValues, type KindId } from './kinds';
import type { Issue, RuleContext } from './build';
import { BlockSection, CdromSection, DmmdSection, DrbdSection, FileSection, IscsiSection, NbdSection, NpivSection, OtherSection, RbdSection } from './sections';

export type DiskWizardProps = {
  /** The disk to edit, or the kind of a new one. */
  disk?: Disk;
  newKind?: KindId;
  /** Heading, e.g. "Disk 2". */
  title: string;
  isNew: boolean;
  guest: GuestType;
  /** The vdevs of the domain's other disks, in order (index = position - 1, '' for unreadable ones). */
  others: readonly { vdev: string; position: number }[];
  /** How many file-backed disks the domain has (loop-device note). */
  fileBacked: number;
  onCommit: (disk: Disk) => void;
  onRemove: () => void;
  onClose: () => void;
};

const SECTIONS: Record<KindId, () => ReactNode> = {
  file: FileSection,
  block: BlockSection,
  cdrom: CdromSection,
  rbd: RbdSection,
  nbd: NbdSection,
  iscsi: IscsiSection,
  dmmd: DmmdSection,
  drbd: DrbdSection,
  npiv: NpivSection,
  other: OtherSection,
};

function DiskWizardImpl(props: DiskWizardProps) {
  const { title, isNew, guest, others, fileBacked } = props;
  // Read once: after that the form owns its values, and commits text.
  const [initial] = useState<FormValues>(() => (props.disk ? valuesFromDisk(props.disk, guest) : defaultValues(props.newKind ?? 'file', guest, others.map((o) => o.vdev))));
  // Values the callbacks need without re-subscribing: the latest props.
  const latest = useRef(props);
  latest.current = props;
  const ctx = useRef<RuleContext>({ guest, others });
  ctx.current = { guest, others };

  const schema = useMemo(() => formSchema(() => ctx.current), []);
  const form = useForm<FormValues>({ defaultValues: initial, resolver: zodResolver(schema) as never, mode: 'onSubmit', reValidateMode: 'onSubmit' });
  const [warnings, setWarnings] = useState<readonly Issue[]>([]);
  const [written, setWritten] = useState<boolean>(!isNew);
  const [kind, setKind] = useState<KindId>(initial.kind);

  // The resolver's verdict is asked for again only when buildDisk's errors change: a keystroke
  // that changes no error costs no re-render of the whole form.
  const lastErrors = useRef<readonly Issue[] | undefined>(undefined);
  const run = useRef(() => {});
  run.current = () => {
    const values = form.getValues();
    const built = buildDisk(values, ctx.current);
    setWarnings((w) => (sameIssues(w, built.warnings) ? w : built.warnings));
    setWritten(built.spec !== undefined);
    if (built.disk !== undefined) latest.current.onCommit(built.disk);
    if (!lastErrors.current || !sameIssues(lastErrors.current, built.errors)) {
      lastErrors.current = built.errors;
      void form.trigger();
    }
  };

  useEffect(() => {
    const sub = form.watch(() => run.current());
    run.current();
    return () => sub.unsubscribe();
  }, [form]);

  // A new guest type or a change to the other disks can change the verdict.
  const othersKey = others.map((o) => o.vdev).join(',');
  useEffect(() => run.current(), [guest, othersKey]);

  const changeKind = (k: KindId) => {
    const vdev = form.getValues('vdev');
    lastErrors.current = undefined;
    form.reset({ ...defaultValues(k, guest, others.map((o) => o.vdev)), vdev: k === 'cdrom' || form.getValues('kind') === 'cdrom' ? defaultValues(k, guest, others.map((o) => o.vdev)).vdev : vdev });
    setKind(k);
    run.current();
  };

  const Section = SECTIONS[kind];
  const used = others.map((o) => o.vdev);
  return (
    <FormProvider {...form}>
      <WarningsContext.Provider value={warnings}>
        <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="wizard-title" className="xd-wizard">
          <Title headingLevel="h2" id="wizard-title">
            {title}: {KINDS[kind].title}
          </Title>
          <FormGroup label="Disk kind" fieldId="field-kind">
            <FormSelect id="field-kind" value={kind} onChange={(_e, v) => changeKind(v as KindId)} aria-describedby="field-kind-help">
              {KIND_IDS.map((k) => (
                <FormSelectOption key={k} value={k} label={KINDS[k].title} />
              ))}
            </FormSelect>
            <HelperText id="field-kind-help">
              <HelperTextItem>{KINDS[kind].summary}</HelperTextItem>
            </HelperText>
          </FormGroup>
          <Section />
          {kind === 'file' && <LoopNote fileBacked={fileBacked} />}
          {(kind === 'file' || kind === 'block') && <ResizeNote kind={kind} />}
          <CommonFields guest={guest} used={used} />
          <HelperText aria-live="polite" className="xd-status">
            {written ? (
              <HelperTextItem variant="success">{isNew ? 'Added to the domain; the previews follow every change.' : 'Every change is written to the domain as you type.'}</HelperTextItem>
            ) : (
              <HelperTextItem variant="indeterminate">{isNew ? 'Not added yet: fill in the fields marked required.' : 'Not written: fix the fields marked in red; the previews show the last version xl can read.'}</HelperTextItem>
            )}
          </HelperText>
          <ActionGroup>
            <Button variant="primary" onClick={props.onClose}>
              Done
            </Button>
            <Button variant="secondary" isDanger onClick={props.onRemove}>
              {isNew && !written ? 'Cancel' : 'Remove disk'}
            </Button>
          </ActionGroup>
        </Form>
      </WarningsContext.Provider>
    </FormProvider>
  );
}

function sameIssues(a: readonly Issue[], b: readonly Issue[]): boolean {
  return a.length === b.length && a.every((x, i) => x.path === b[i]!.path && x.message === b[i]!.message);
}

export const DiskWizard = memo(DiskWizardImpl);
