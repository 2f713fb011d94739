/** A titled block of generated text with Copy and Download buttons. */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Button, CodeBlock, CodeBlockCode, Title } from '@patternfly/react-core';
import { CheckIcon, CopyIcon, DownloadIcon } from '@patternfly/react-icons';
import { copyText, downloadText } from '../download';
import { firstLines } from '../preview';

/** Longer texts show their first lines; copy and download carry all of it. */
const MAX_LINES = 200;

export type CodePanelProps = {
  title: ReactNode;
  /** What the copy and download buttons say they act on, for screen readers ("this disk, minimal"). */
  what: string;
  /** The text shown (a key may be masked in it). */
  text: string;
  /** The text copied and downloaded (default: text). */
  realText?: string;
  download?: { filename: string; type: string };
  testId: string;
  children?: ReactNode;
  headingLevel?: 'h3' | 'h4';
};

export function CodePanel({ title, what, text, realText, download, testId, children, headingLevel = 'h4' }: CodePanelProps) {
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  const payload = realText ?? text;
  // what is shown may be cut (and masked) already: count the lines left out of what is copied
  // (remembered: the payload of a large domain is megabytes, and this panel re-renders as the page does)
  const shown = useMemo(() => ({ text: firstLines(text, MAX_LINES).text, more: firstLines(payload, MAX_LINES).more }), [text, payload]);
  const actions = (
    <div className="xd-code-actions">
      <Button variant="link" size="sm" icon={copied ? <CheckIcon /> : <CopyIcon />} onClick={() => void copyText(payload).then(setCopied)} data-testid={`${testId}-copy`}>
        {copied ? 'Copied' : 'Copy'}
        <span className="pf-v6-screen-reader"> {what}</span>
      </Button>
      {download && (
        <Button variant="link" size="sm" icon={<DownloadIcon />} onClick={() => downloadText(payload, download.filename, download.type)} data-testid={`${testId}-download`}>
          Download
          <span className="pf-v6-screen-reader">
            {' '}
            {what} as {download.filename}
          </span>
        </Button>
      )}
    </div>
  );
  return (
    <section aria-labelledby={titleId} className="xd-code">
      <div className="xd-code-head">
        <Title headingLevel={headingLevel} size="md" id={titleId}>
          {title}
        </Title>
        {actions}
      </div>
      <CodeBlock>
        <CodeBlockCode data-testid={testId} tabIndex={0} codeClassName="xd-code-text">
          {shown.text}
        </CodeBlockCode>
      </CodeBlock>
      {shown.more > 0 && (
        <p className="xd-subtle" data-testid={`${testId}-more`}>
          … {shown.more} more line{shown.more === 1 ? '' : 's'}: copy or download to get all of it.
        </p>
      )}
      {children}
    </section>
  );
}
