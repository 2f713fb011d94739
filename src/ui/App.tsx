import { useId, useMemo, useState } from 'react';
import {
  CodeBlock,
  CodeBlockCode,
  Content,
  Form,
  FormGroup,
  Page,
  PageSection,
  TextArea,
  Title,
} from '@patternfly/react-core';
import { previewSpec } from './preview';

export const APP_TITLE = 'xldisk — Xen disk configurator';

export function App() {
  const [text, setText] = useState('');
  const preview = useMemo(() => previewSpec(text), [text]);
  const inputId = useId();
  const previewTitleId = useId();

  return (
    <Page>
      <PageSection>
        <Title headingLevel="h1">{APP_TITLE}</Title>
        <Content component="p">
          Type an xl disk specification, for example{' '}
          <code>format=raw, vdev=xvda, access=rw, target=/dev/vg/guest</code>.
        </Content>
      </PageSection>
      <PageSection>
        <Form onSubmit={(event) => event.preventDefault()}>
          <FormGroup label="Disk specification" fieldId={inputId}>
            <TextArea
              id={inputId}
              value={text}
              onChange={(_event, value) => setText(value)}
              resizeOrientation="vertical"
              rows={4}
              spellCheck={false}
              autoComplete="off"
            />
          </FormGroup>
        </Form>
      </PageSection>
      <PageSection aria-labelledby={previewTitleId}>
        <Title headingLevel="h2" id={previewTitleId}>
          Preview
        </Title>
        <CodeBlock>
          <CodeBlockCode>
            <output aria-live="polite" data-testid="preview-output">
              {preview}
            </output>
          </CodeBlockCode>
        </CodeBlock>
      </PageSection>
    </Page>
  );
}
