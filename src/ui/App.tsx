import { Component, Suspense, lazy, useState, type ReactNode } from 'react';
import { Button, Content, Page, PageSection, Skeleton, Title } from '@patternfly/react-core';
import './app.css';

export const APP_TITLE = 'xldisk — Xen disk configurator';

/**
 * The workspace (the core's document, parsers and libvirt mapper, the disk list, the previews)
 * loads right after the first render, so the page shell paints from a small first script; the
 * wizards load on demand.
 */
const Workspace = lazy(() => import('./workspace/Workspace').then((m) => ({ default: m.Workspace })));

/** A failure while rendering shows this instead of a blank page: the work is saved and comes back on reload. */
class Failure extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    // (PatternFly's Alert component would cost the first script a dozen kilobytes: its markup does not)
    return (
      <div className="pf-v6-c-alert pf-m-danger pf-m-inline" role="alert">
        <h2 className="pf-v6-c-alert__title">Something went wrong in the page</h2>
        <div className="pf-v6-c-alert__description">
          <p>Your text is saved in this browser: reloading the page brings it back. ({this.state.error.message})</p>
          <Button variant="primary" onClick={() => location.reload()}>
            Reload
          </Button>
        </div>
      </div>
    );
  }
}

export function App({ hash = typeof location === 'undefined' ? '' : location.hash }: { hash?: string }) {
  // A share link is read once: the address is cleared so that a reload finds the saved work.
  const [start] = useState(() => {
    if (hash && typeof history !== 'undefined' && typeof location !== 'undefined' && location.hash === hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
    return hash;
  });
  return (
    <Page isContentFilled sidebar={null}>
      <PageSection className="xd-header">
        <Title headingLevel="h1">{APP_TITLE}</Title>
        <Content component="p">Paste, open or write Xen disk specs, xl configs or libvirt XML: see what xl would say, fix it in one click, edit disks by form.</Content>
      </PageSection>
      <PageSection isFilled>
        <Failure>
          <Suspense fallback={<Skeleton height="30rem" screenreaderText="Loading the workspace" />}>
            <Workspace hash={start} />
          </Suspense>
        </Failure>
      </PageSection>
    </Page>
  );
}
