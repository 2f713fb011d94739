/**
 * The domain's disks, as the text holds them, with a status each (from core lint): add, edit,
 * duplicate, remove, reorder. vdev clashes and aliases (hda = xvda = sda) are shown on the row
 * with their fix. Long lists show a page at a time.
 */
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, EmptyState, EmptyStateBody, Title } from '@patternfly/react-core';
import { ArrowDownIcon, ArrowUpIcon, CloneIcon, PencilAltIcon, PlusCircleIcon, TrashIcon, WrenchIcon } from '@patternfly/react-icons';
import type { Diagnostic } from '../../core/lint';
import type { Disk } from '../../core/model/disk';
import type { Edit } from '../../core/text/edits';
import { formatDiskSpec } from '../../core/xl/formatSpec';
import { diskProblems, diskState, type Analysis, type DiskInfo, type DiskState } from './analysis';
import { LiteButton } from './LiteButton';
import { useGrowing } from './useGrowing';

export type DiskListProps = {
  analysis: Analysis;
  selected?: number;
  /**
   * Whether the list shows the current text (a worker may still be reading it). Clicks on a
   * stale list are ignored rather than buttons disabled: toggling `disabled` on hundreds of
   * buttons makes the browser restyle the whole page (PatternFly's :has() selectors).
   */
  current: boolean;
  onOpen: (index: number) => void;
  onAdd: () => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
  onMove: (index: number, to: number) => void;
  onFix: (edits: readonly Edit[], forText: string) => void;
  /** The kind of a disk, once the module that knows it has loaded. */
  describe?: (spec: string, disk: Disk) => string;
  /** The spec as shown: the RBD key masked unless the user asked to see it. */
  show?: (spec: string, disk: Disk) => string;
};

const PAGE = 25;
/** New rows rendered per frame (./useGrowing.ts). */
const ROWS_PER_FRAME = 4;

/** The vdev rules shown on the row, with their fix. */
const SLOT_CODES = new Set(['XL-DUPLICATE-VDEV', 'XL-VDEV-ALIAS', 'XML-DUPLICATE-TARGET']);

const STATUS = {
  xl: { color: 'red', text: 'unreadable' },
  error: { color: 'red', text: 'error' },
  warning: { color: 'orange', text: 'warning' },
  ok: { color: 'green', text: 'ok' },
} as const;

type RowProps = {
  info: DiskInfo;
  state: DiskState;
  count: number;
  text: string;
  name: string;
  kind: string;
  slotProblems: Diagnostic[];
  problemCount: number;
  isSelected: boolean;
  forText: string;
  onOpen: (index: number) => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
  onMove: (index: number, to: number) => void;
  onFix: (edits: readonly Edit[], forText: string) => void;
};

/**
 * PatternFly's compact label, as markup: its component measures itself after each render (for
 * a tooltip on cut text), which costs a layout per row on long lists.
 */
function StatusLabel({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span className={`pf-v6-c-label pf-m-compact pf-m-${color}`}>
      <span className="pf-v6-c-label__content">
        <span className="pf-v6-c-label__text">{children}</span>
      </span>
    </span>
  );
}

const DiskRow = memo(function DiskRow({ info, state, count, text, name, kind, slotProblems, problemCount, isSelected, forText, onOpen, onDuplicate, onRemove, onMove, onFix }: RowProps) {
  const index = info.index;
  const status = STATUS[state];
  const what = `disk ${index + 1} (${name})`;
  return (
    <li className={`xd-disk${isSelected ? ' xd-disk-selected' : ''}`} aria-current={isSelected ? 'true' : undefined} data-state={state}>
      <div className="xd-disk-main">
        <span className="xd-disk-name">
          <strong>{name}</strong>
          {kind && ` · ${kind}`}{' '}
          <StatusLabel color={status.color}>
            {status.text}
            {problemCount > 0 && state !== 'ok' && ` · ${problemCount} problem${problemCount === 1 ? '' : 's'}`}
          </StatusLabel>
        </span>
        <code className="xd-disk-spec">{text}</code>
        {slotProblems.map((d, i) => (
          <div key={i} className="xd-disk-problem">
            <span className="xd-disk-problem-text">{d.message}</span>
            {d.fixes[0] && (
              <LiteButton variant="link" isInline icon={<WrenchIcon />} onClick={() => onFix(d.fixes[0]!.edits, forText)}>
                {d.fixes[0].title}
                <span className="pf-v6-screen-reader"> ({what})</span>
              </LiteButton>
            )}
          </div>
        ))}
      </div>
      <div className="xd-disk-actions">
        <LiteButton variant="secondary" icon={<PencilAltIcon />} onClick={() => onOpen(index)} isDisabled={!info.disk}>
          Edit<span className="pf-v6-screen-reader"> {what}</span>
        </LiteButton>
        <LiteButton variant="plain" aria-label={`Duplicate ${what}`} isDisabled={!info.disk} onClick={() => onDuplicate(index)} icon={<CloneIcon />} />
        <LiteButton variant="plain" aria-label={`Move ${what} up`} isDisabled={index === 0} onClick={() => onMove(index, index - 1)} icon={<ArrowUpIcon />} />
        <LiteButton variant="plain" aria-label={`Move ${what} down`} isDisabled={index === count - 1} onClick={() => onMove(index, index + 1)} icon={<ArrowDownIcon />} />
        <LiteButton variant="plain" aria-label={`Remove ${what}`} onClick={() => onRemove(index)} icon={<TrashIcon />} />
      </div>
    </li>
  );
});

export const DiskList = memo(function DiskList({ analysis, selected, current, onAdd, describe, show, ...handlers }: DiskListProps) {
  const live = useRef(current);
  live.current = current;
  // stable across renders, so that rows re-render only when their disk does
  const guarded = useMemo(() => {
    const h = handlers;
    const when =
      <A extends unknown[]>(f: (...a: A) => void) =>
      (...a: A) => {
        if (live.current) f(...a);
      };
    return { onOpen: when(h.onOpen), onDuplicate: when(h.onDuplicate), onRemove: when(h.onRemove), onMove: when(h.onMove), onFix: when(h.onFix) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handlers.onOpen, handlers.onDuplicate, handlers.onRemove, handlers.onMove, handlers.onFix]);
  const { onOpen, onDuplicate, onRemove, onMove, onFix } = guarded;
  const count = analysis.disks.length;
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(count / PAGE));
  const p = Math.min(page, pages - 1);
  // the rest of the page once the lint is in: meanwhile every frame of new rows (a layout of the
  // whole page) would take the cores the workers need
  const rendered = useGrowing(Math.min(PAGE, count - p * PAGE), ROWS_PER_FRAME, p, analysis.diagnostics === undefined);
  const rows = analysis.disks.slice(p * PAGE, p * PAGE + rendered);
  const diags = analysis.diagnostics ?? [];
  const states = { error: 0, warning: 0, xl: 0 };
  for (const code of analysis.states.state) {
    if (code === 1) states.warning++;
    else if (code === 2) states.error++;
    else if (code === 3) states.xl++;
  }
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
      {count > 0 && (states.error || states.warning || states.xl) > 0 && (
        <p className="xd-subtle" data-testid="disk-summary">
          {[states.xl && `${states.xl} unreadable`, states.error && `${states.error} with errors`, states.warning && `${states.warning} with warnings`].filter(Boolean).join(', ')}
        </p>
      )}
      {/* above the rows: they grow a few per frame and settle their heights as they scroll into
          view, so a pager below them would move under the pointer */}
      {pages > 1 && (
        <nav className="xd-pager" aria-label="Disk list pages">
          <Button variant="secondary" size="sm" isDisabled={p === 0} onClick={() => setPage(p - 1)}>
            Previous {PAGE}
          </Button>
          <span className="xd-subtle" aria-live="polite">
            Disks {p * PAGE + 1}–{Math.min(count, (p + 1) * PAGE)} of {count}
          </span>
          <Button variant="secondary" size="sm" isDisabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            Next {PAGE}
          </Button>
        </nav>
      )}
      {count === 0 ? (
        analysis.configMessages.length > 0 ? (
          <EmptyState headingLevel="h3" titleText="xl cannot read the text yet" variant="sm">
            <EmptyStateBody>Its disks show here once the problems above are fixed (“Apply all safe fixes” takes the safe ones at once).</EmptyStateBody>
          </EmptyState>
        ) : (
          <EmptyState headingLevel="h3" titleText="No disks yet" variant="sm">
            <EmptyStateBody>Add a disk (each kind has a wizard that shows xl’s defaults and both syntaxes as you type), or paste, open or drop a config above.</EmptyStateBody>
          </EmptyState>
        )
      ) : (
        <ol className="xd-disks" start={p * PAGE + 1} aria-busy={!current}>
          {rows.map((info) => {
            // an XML disk shows as xl would write it (the element itself is in the editor)
            const text = info.spec ?? (info.disk ? `as xl: ${formatDiskSpec(info.disk)}` : (analysis.text.slice(info.from, info.to).split('\n')[0] ?? ''));
            const name = info.disk ? info.disk.vdev : `disk ${info.index + 1}`;
            const kind = info.disk ? (describe?.(text, info.disk) ?? '') : 'xl cannot read it';
            const problems = diskProblems(analysis, info.index).map((i) => diags[i]!);
            const slotProblems = problems.filter((d) => SLOT_CODES.has(d.code));
            return (
              <DiskRow
                key={info.index}
                info={info}
                count={count}
                text={info.disk && show ? show(text, info.disk) : text}
                name={name}
                kind={kind}
                slotProblems={slotProblems}
                state={diskState(analysis, info.index)}
                problemCount={problems.filter((d) => d.severity !== 'info').length}
                isSelected={selected === info.index}
                forText={analysis.text}
                onOpen={onOpen}
                onDuplicate={onDuplicate}
                onRemove={onRemove}
                onMove={onMove}
                onFix={onFix}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
});
