/**
 * The examples gallery: configs in public/examples (the seed's disks and common real-world
 * configs, good and broken), listed by examples/index.json and loaded through react-query. All
 * of them are fetched once the page is idle, so the gallery works offline too.
 */
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Button, Label, Modal, ModalBody, ModalHeader, Spinner } from '@patternfly/react-core';

export type Example = { file: string; title: string; about: string; status: 'good' | 'broken' };

const url = (path: string) => `${import.meta.env.BASE_URL}examples/${path}`;

async function get(path: string): Promise<Response> {
  const r = await fetch(url(path));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r;
}

export const examplesQuery = queryOptions({
  queryKey: ['examples'],
  queryFn: async () => ((await (await get('index.json')).json()) as { examples: Example[] }).examples,
  staleTime: Infinity,
  gcTime: Infinity,
});

export const exampleQuery = (file: string) =>
  queryOptions({ queryKey: ['example', file], queryFn: async () => (await get(file)).text(), staleTime: Infinity, gcTime: Infinity });

/** Fetches the list and every example (idle time), so that opening one needs no network. */
export async function prefetchExamples(qc: QueryClient): Promise<void> {
  const list = await qc.fetchQuery(examplesQuery);
  await Promise.all(list.map((e) => qc.prefetchQuery(exampleQuery(e.file))));
}

export function ExamplesModal({ onClose, onOpen }: { onClose: () => void; onOpen: (text: string, example: Example) => void }) {
  const qc = useQueryClient();
  const list = useQuery(examplesQuery);
  const open = (e: Example) => void qc.fetchQuery(exampleQuery(e.file)).then((text) => onOpen(text, e));
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="examples-title">
      <ModalHeader title="Examples" labelId="examples-title" description="Open one to see what xl makes of it; the broken ones show the linter's fixes. Undo brings your text back." />
      <ModalBody>
        {list.isPending && <Spinner size="lg" aria-label="Loading the examples" />}
        {list.isError && <p>The examples could not be loaded: {String(list.error)}</p>}
        {list.data && (
          <ul className="xd-examples" aria-label="Examples">
            {list.data.map((e) => (
              <li key={e.file} className="xd-example">
                <div>
                  <Button variant="link" isInline onClick={() => open(e)} className="xd-example-title">
                    {e.title}
                  </Button>{' '}
                  <Label isCompact color={e.status === 'good' ? 'green' : 'orange'}>
                    {e.status === 'good' ? 'works' : 'broken'}
                  </Label>
                </div>
                <span className="xd-subtle">
                  {e.about} <code>{e.file}</code>
                </span>
              </li>
            ))}
          </ul>
        )}
      </ModalBody>
    </Modal>
  );
}
