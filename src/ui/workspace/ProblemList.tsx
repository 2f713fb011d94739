/**
 * Every problem core lint finds, outside the editor: a list reachable by keyboard and screen
 * reader, each entry with its place (a button that selects it in the editor), its message and
 * code, and a button per fix. Long lists show a page at a time.
 */
import { memo, useState } from 'react';
import { useGrowing } from './useGrowing';
import { Button, Icon, Title } from '@patternfly/react-core';
import { ExclamationCircleIcon, ExclamationTriangleIcon, InfoCircleIcon } from '@patternfly/react-icons';
import type { Diagnostic, Fix } from '../../core/lint';
import type { Edit } from '../../core/text/edits';
import type { Counts } from './analysis';

const PAGE = 25;
/** New entries rendered per frame (./useGrowing.ts). */
const ROWS_PER_FRAME = 4;

export type ProblemListProps = {
  diagnostics?: readonly Diagnostic[];
  /** The text the diagnostics are about (a fix applies only to it). */
  forText: string;
  counts: Counts;
  onGoto: (from: number, to: number) => void;
  onFix: (edits: readonly Edit[], forText: string) => void;
};

const SEVERITY = {
  error: { icon: <ExclamationCircleIcon />, status: 'danger', word: 'Error' },
  warning: { icon: <ExclamationTriangleIcon />, status: 'warning', word: 'Warning' },
  info: { icon: <InfoCircleIcon />, status: 'info', word: 'Note' },
} as const;

export function countsText(c: Counts): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (c.error + c.warning + c.info === 0) return 'no problems';
  return [c.error && part(c.error, 'error', 'errors'), c.warning && part(c.warning, 'warning', 'warnings'), c.info && part(c.info, 'note', 'notes')].filter(Boolean).join(', ');
}

const Problem = memo(function Problem({ d, forText, onGoto, onFix }: { d: Diagnostic; forText: string; onGoto: ProblemListProps['onGoto']; onFix: ProblemListProps['onFix'] }) {
  const s = SEVERITY[d.severity];
  const where = d.line === d.endLine || d.endColumn === 1 ? `Line ${d.line}, column ${d.column}` : `Lines ${d.line}–${d.endLine}`;
  return (
    <li className={`xd-problem xd-problem-${d.severity}`} data-code={d.code} data-line={d.line}>
      <Icon status={s.status} className="xd-problem-icon" isInline>
        {s.icon}
      </Icon>
      <div className="xd-problem-body">
        <div className="xd-problem-head">
          <span className="pf-v6-screen-reader">{s.word}: </span>
          <Button variant="link" isInline className="xd-problem-where" onClick={() => onGoto(d.from, d.to)}>
            {where}
          </Button>
          <code className="xd-diag-code">{d.code}</code>
        </div>
        <p className="xd-problem-message">{d.message}</p>
        {d.fixes.length > 0 && (
          <div className="xd-problem-fixes">
            {d.fixes.map((f: Fix, i) => (
              <Button key={i} variant={f.safe ? 'secondary' : 'tertiary'} size="sm" onClick={() => onFix(f.edits, forText)}>
                {f.safe ? 'Fix' : 'Change'}: {f.title}
                <span className="pf-v6-screen-reader"> (line {d.line})</span>
              </Button>
            ))}
          </div>
        )}
      </div>
    </li>
  );
});

export const ProblemList = memo(function ProblemList({ diagnostics, forText, counts, onGoto, onFix }: ProblemListProps) {
  const [shown, setShown] = useState(PAGE);
  const total = diagnostics?.length ?? 0;
  const rendered = useGrowing(Math.min(shown, total), ROWS_PER_FRAME);
  return (
    <section aria-labelledby="problems-title" className="xd-problems" data-testid="problems">
      <Title headingLevel="h3" size="md" id="problems-title">
        Problems{diagnostics ? ` (${countsText(counts)})` : ' (checking…)'}
      </Title>
      {diagnostics && total === 0 && <p className="xd-subtle">xl and libxl would take this text as it is.</p>}
      {total > 0 && (
        <ul className="xd-problem-list" aria-labelledby="problems-title">
          {diagnostics!.slice(0, rendered).map((d, i) => (
            <Problem key={`${i}:${d.code}:${d.from}`} d={d} forText={forText} onGoto={onGoto} onFix={onFix} />
          ))}
        </ul>
      )}
      {total > shown && (
        <Button variant="link" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more ({total - shown} not shown)
        </Button>
      )}
    </section>
  );
});
