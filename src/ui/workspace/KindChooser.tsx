/** The wizard's first step: which kind of disk to add. */
import { Button, Title } from '@patternfly/react-core';
import { useEffect, useRef } from 'react';
import { KIND_IDS, KINDS, type KindId } from '../wizard/kindInfo';

export function KindChooser({ onChoose, onCancel }: { onChoose: (kind: KindId) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section aria-labelledby="chooser-title" className="xd-chooser">
      <Title headingLevel="h2" size="lg" id="chooser-title">
        Add a disk: choose its kind
      </Title>
      <ul className="xd-kinds">
        {KIND_IDS.map((k, i) => (
          <li key={k}>
            <Button variant="tertiary" ref={i === 0 ? first : undefined} onClick={() => onChoose(k)} className="xd-kind" aria-describedby={`kind-${k}-summary`}>
              <span className="xd-kind-title">{KINDS[k].title}</span>
            </Button>
            <span id={`kind-${k}-summary`} className="xd-kind-summary">
              {KINDS[k].summary}
            </span>
          </li>
        ))}
      </ul>
      <Button variant="link" onClick={onCancel}>
        Cancel
      </Button>
    </section>
  );
}
