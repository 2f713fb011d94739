/**
 * The text of the workspace: what it was detected as, the import editor (CodeMirror, loaded on
 * demand), "apply all safe fixes", and every problem listed outside the editor too.
 */
import { Suspense, lazy, memo, type RefObject } from 'react';
import { Button, Label, Skeleton, Title } from '@patternfly/react-core';
import { MagicIcon } from '@patternfly/react-icons';
import type { Edit } from '../../core/text/edits';
import type { EditorHandle } from '../editor/TextEditor';
import { describeInput, type Analysis } from './analysis';
import { ProblemList, countsText } from './ProblemList';

export const loadEditor = () => import('../editor/TextEditor');
const TextEditor = lazy(loadEditor);

const SYNTAX_LABEL = { empty: 'empty', specs: 'xl disk specs', 'xl-config': 'xl config', 'libvirt-xml': 'libvirt XML' } as const;

export type DocumentPanelProps = {
  /** The store's text (the editor shows it); the analysis may be of an older one while a worker reads. */
  text: string;
  analysis: Analysis;
  /** What the problem list shows (the analysis, a render behind on large documents). */
  listed: Analysis;
  pending: boolean;
  large: boolean;
  /** Ceph keys shown (else masked on screen). */
  reveal: boolean;
  /** Where the text came from (a file name, an example), if not typed. */
  source?: string;
  safeFixes: number;
  fixing: boolean;
  onEdits: (edits: Edit[], group: string | undefined, large: boolean) => void;
  onUndo: () => void;
  onRedo: () => void;
  onFix: (edits: readonly Edit[], forText: string) => void;
  onFixAll: () => void;
  editor: RefObject<EditorHandle | null>;
};

export const DocumentPanel = memo(function DocumentPanel(props: DocumentPanelProps) {
  const { text, analysis, pending, source, safeFixes, fixing, editor } = props;
  const onGoto = (from: number, to: number) => editor.current?.select(from, to);
  const current = analysis.text === text;
  return (
    <section aria-labelledby="doc-title" className="xd-document">
      <div className="xd-document-head">
        <Title headingLevel="h2" size="lg" id="doc-title">
          Text
        </Title>
        <Label isCompact color="blue" data-testid="detected-syntax">
          {SYNTAX_LABEL[analysis.syntax]}
        </Label>
        <span className="xd-subtle" id="doc-detected" data-testid="detected">
          {source && <>{source}: </>}
          {current ? describeInput(analysis) : 'Reading…'}
        </span>
        <span className="xd-document-actions">
          <Button variant="primary" size="sm" icon={<MagicIcon />} isDisabled={safeFixes === 0 || !current || fixing} isLoading={fixing} onClick={props.onFixAll} data-testid="fix-all">
            Apply all safe fixes{safeFixes > 0 && ` (${safeFixes})`}
          </Button>
        </span>
      </div>
      <p className="pf-v6-screen-reader" aria-live="polite" aria-atomic="true">
        {pending ? '' : `${SYNTAX_LABEL[analysis.syntax]}, ${analysis.disks.length} disk${analysis.disks.length === 1 ? '' : 's'}, ${countsText(analysis.counts)}`}
      </p>
      <div className="xd-document-body">
        <div className="xd-cm-wrap">
          <Suspense fallback={<Skeleton height="100%" screenreaderText="Loading the editor" />}>
            <TextEditor
              text={text}
              syntax={analysis.syntax}
              large={props.large}
              maskKeys={!props.reveal}
              {...(analysis.diagnostics && { diagnostics: analysis.diagnostics, diagnosticsText: analysis.text })}
              onEdits={props.onEdits}
              onUndo={props.onUndo}
              onRedo={props.onRedo}
              onFix={props.onFix}
              handle={editor}
              labelledBy="doc-title"
              describedBy="doc-detected"
            />
          </Suspense>
        </div>
        <ProblemList diagnostics={props.listed.diagnostics} forText={props.listed.text} counts={props.listed.counts} onGoto={onGoto} onFix={props.onFix} />
      </div>
    </section>
  );
});
