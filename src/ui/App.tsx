import { Suspense, lazy, useState } from 'react';
import { Content, Page, PageSection, Skeleton, Title } from '@patternfly/react-core';
import { workspaceFromHash } from './workspace/hash';
import './app.css';

export const APP_TITLE = 'xldisk — Xen disk configurator';

/**
 * The workspace (the core's document, parsers and libvirt mapper, the disk list, the previews)
 * loads right after the first render, so the page shell paints from a small first script; the
 * wizards load on demand.
 */
const Workspace = lazy(() => import('./workspace/Workspace').then((m) => ({ default: m.Workspace })));

export function App({ hash = typeof location === 'undefined' ? '' : location.hash }: { hash?: string }) {
  const [start] = useState(() => workspaceFromHash(hash));
  return (
    <Page isContentFilled sidebar={null}>
      <PageSection className="xd-header">
        <Title headingLevel="h1">{APP_TITLE}</Title>
        <Content component="p">Author Xen disks by form and see them live as xl disk specs and libvirt XML.</Content>
      </PageSection>
      <PageSection isFilled>
        <Suspense fallback={<Skeleton height="30rem" screenreaderText="Loading the workspace" />}>
          <Workspace initialText={start.text} initialGuest={start.guest} />
        </Suspense>
      </PageSection>
    </Page>
  );
}
