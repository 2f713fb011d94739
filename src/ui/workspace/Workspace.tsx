/**
 * The domain workspace: the text (import editor, detection, problems and fixes), the disk list,
 * the disk wizard and the live previews. The document text is the single truth; the editor,
 * the wizards, the fix buttons and the disk list all change it by text edits (./state.ts),
 * which also gives one undo history, the autosave and share links.
 */
import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState, type DragEvent } from 'react';
import { QueryClient, QueryClientProvider, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, AlertActionCloseButton, Button, Content, Skeleton, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { BookOpenIcon, FolderOpenIcon, RedoIcon, ShareAltIcon, UndoIcon } from '@patternfly/react-icons';
import { isFileBacked } from '../../core/lint';
import type { Disk } from '../../core/model/disk';
import { applyEdits, diffText, type Edit } from '../../core/text/edits';
import { nextFreeVdev, type GuestType } from '../../core/xl/vdev';
import { KINDS, type KindId } from '../wizard/kindInfo';
import { downloadText } from '../download';
import type { EditorHandle } from '../editor/TextEditor';
import { describeDisk, maskSpec } from '../preview/describe';
import { Previews } from '../preview/Previews';
import { vdevOf, type Analysis } from './analysis';
import { DiskList } from './DiskList';
import { DocumentPanel, loadEditor } from './DocumentPanel';
import { ExamplesModal, prefetchExamples, type Example } from './Examples';
import { ExportMenu } from './ExportMenu';
import { KindChooser } from './KindChooser';
import { loadFromDb, loadSaved, save } from './persist';
import { readFragment } from './share';
import { ShareModal } from './ShareModal';
import { initialWorkspace, workspaceReducer, type WorkspaceState } from './state';
import { isLarge, useAnalysis } from './useAnalysis';
import { job } from './useJob';
import { startEarly, startWorkers } from './workerClient';

/** The wizard (react-hook-form, the resolver, every kind's fields) loads on demand. */
const loadWizard = () => import('../wizard/DiskWizard');
const DiskWizard = lazy(() => loadWizard().then((m) => ({ default: m.DiskWizard })));

const GUESTS: { id: GuestType; label: string; title: string }[] = [
  { id: 'hvm', label: 'HVM', title: 'Fully virtualised: emulated IDE/SCSI disks plus PV drivers' },
  { id: 'pv', label: 'PV', title: 'Paravirtualised: xvd disks only' },
  { id: 'pvh', label: 'PVH', title: 'PVH: xvd disks only' },
];

/** Files larger than this are not opened (xl configs are kilobytes). */
const MAX_FILE = 32 * 1024 * 1024;

/** Disks served from a file through a loop device: core lint's rule (XL-LOOP-BUDGET counts the same). */
function fileBackedCount(a: Analysis): number {
  if (a.fileBacked !== undefined) return a.fileBacked;
  return a.disks.filter((d) => d.disk && isFileBacked(d.disk)).length;
}

const keepSpec = (spec: string) => spec;

/** Everything the page may need later is fetched once it is idle, so it keeps working offline. */
async function warmUp(qc: QueryClient): Promise<void> {
  // the workers compile their parsers and linter on a sample meanwhile (data-warm: for the benchmarks)
  void startWorkers().then(
    (times) => {
      document.documentElement.dataset.warm = `reader ${times.reader.map(Math.round).join('/')} ms, writer ${times.writer.map(Math.round).join('/')} ms`;
    },
    () => {},
  );
  const fonts = ['400 1em "Red Hat Text"', 'italic 400 1em "Red Hat Text"', '700 1em "Red Hat Display"', 'italic 700 1em "Red Hat Display"', '400 1em "Red Hat Mono"', 'italic 400 1em "Red Hat Mono"', '1em "pf-v6-pficon"'];
  await Promise.allSettled([loadWizard(), loadEditor(), prefetchExamples(qc), ...(document.fonts ? fonts.map((f) => document.fonts.load(f)) : [])]);
  document.documentElement.dataset.ready = 'offline';
}

export type WorkspaceProps = {
  /** The address's fragment: a share link replaces the saved workspace (undo brings that back). */
  hash?: string;
  initialText?: string;
  initialGuest?: GuestType;
};

// Every query and mutation here is local work (files, workers, the examples fetched at start):
// 'always' keeps react-query from pausing them while the browser says it is offline.
const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false, networkMode: 'always' }, mutations: { networkMode: 'always' } },
});

export function Workspace(props: WorkspaceProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <WorkspaceView {...props} />
    </QueryClientProvider>
  );
}

function start({ hash = '', initialText = '', initialGuest = 'hvm' }: WorkspaceProps): WorkspaceState {
  const shared = readFragment(hash);
  const found = loadSaved();
  const saved = found && 'text' in found ? found : undefined;
  const base = initialWorkspace(saved?.text ?? initialText, found?.guest ?? initialGuest);
  if (shared?.text === undefined) return shared?.guest ? { ...base, guest: shared.guest } : base;
  return workspaceReducer(base, { type: 'replace', text: shared.text, ...(shared.guest && { guest: shared.guest }) });
}

function WorkspaceView(props: WorkspaceProps) {
  const [state, dispatch] = useReducer(workspaceReducer, props, start);
  const qc = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const [source, setSource] = useState<string | undefined>(() => (readFragment(props.hash ?? '').text !== undefined ? 'From a shared link' : undefined));
  const [dialog, setDialog] = useState<'share' | 'examples' | undefined>();
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<{ variant: 'danger' | 'warning' | 'info'; title: string } | undefined>();
  const [saveFailed, setSaveFailed] = useState(false);
  const editor = useRef<EditorHandle | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void warmUp(qc));
  }, [qc]);

  // a large saved workspace is in IndexedDB: it arrives a moment after start
  const [restoring, setRestoring] = useState(() => {
    const found = loadSaved();
    return !!found && 'inDb' in found && readFragment(props.hash ?? '').text === undefined;
  });
  const latest = useRef(state);
  latest.current = state;
  // the document text, for tests and the browser console: window.xldisk.text()
  useEffect(() => {
    Object.defineProperty(window, 'xldisk', { value: { text: () => latest.current.text, version: () => latest.current.version }, configurable: true });
  }, []);
  useEffect(() => {
    if (!restoring) return;
    void loadFromDb()
      .then((s) => {
        if (s && latest.current.version === 0) dispatch({ type: 'restore', ...s });
      })
      .finally(() => setRestoring(false));
  }, [restoring]);
  // autosave: shortly after each change, and when the page is hidden
  useEffect(() => {
    if (restoring) return;
    const t = window.setTimeout(() => void save({ text: state.text, guest: state.guest }).then((ok) => setSaveFailed(!ok)), 250);
    return () => window.clearTimeout(t);
  }, [state.text, state.guest, restoring]);
  useEffect(() => {
    const flush = () => void save({ text: latest.current.text, guest: latest.current.guest });
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const { analysis, pending, devicesXml, large } = useAnalysis(state.text, state.guest, state.version);
  // the long lists and the previews follow at a lower priority: React renders them in slices,
  // so a large document's results never hold the page up
  const shown = useDeferredValue(analysis);
  const shownXml = useDeferredValue(devicesXml);
  const current = analysis.text === state.text;
  const editing = state.editing;
  const fixedGuest = analysis.guestSource === 'config' || analysis.guestSource === 'xml';
  const selected = editing.mode === 'disk' ? editing.index : undefined;
  const session = editing.mode === 'disk' || editing.mode === 'new' ? editing.session : 0;
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const editingRef = useRef(state.editing);
  editingRef.current = state.editing;
  const largeRef = useRef(large);
  largeRef.current = large;

  const wizardOpen = editing.mode === 'disk' || editing.mode === 'new';
  const others = useMemo(
    () => (wizardOpen ? analysis.disks.flatMap((d) => (d.index === selected ? [] : [{ vdev: vdevOf(d) ?? '', position: d.index + 1 }])).filter((o) => o.vdev !== '') : []),
    [analysis, selected, wizardOpen],
  );
  // Stable across keystrokes unless the other disks' names change (keeps the wizard from re-rendering).
  const othersKey = others.map((o) => `${o.position}:${o.vdev}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableOthers = useMemo(() => others, [othersKey]);

  const failed = (what: string) => (e: unknown) => setNotice({ variant: 'danger', title: `${what}: ${e instanceof Error ? e.message : String(e)}` });

  // disk operations: in the reducer for a small text, in a worker for a large one
  const runOp = useCallback(
    (op: Parameters<typeof job<'op'>>[0]['op']) => {
      const text = latest.current.text;
      void job({ kind: 'op', text, guest: latest.current.guest, op }).then((r) => dispatch({ type: 'edit', edits: r.edits, base: text, then: { mode: 'none' } }), failed('The disk list could not be changed'));
    },
    [],
  );

  // a new disk in a large document: inserted by a worker; its wizard then rewrites its span
  const inserting = useRef<{ session: number; disk: Disk } | undefined>(undefined);
  const onCommit = useCallback((disk: Disk) => {
    const e = editingRef.current;
    if (e.mode === 'new' && largeRef.current) {
      const busy = inserting.current?.session === e.session;
      inserting.current = { session: e.session, disk };
      if (busy) return;
      const text = latest.current.text;
      void job({ kind: 'op', text, guest: latest.current.guest, op: { type: 'insertDisk', disk } }).then((r) => {
        const wanted = inserting.current;
        inserting.current = undefined;
        if (!r.at) return;
        const span = { from: r.at.from, to: r.at.to, syntax: analysisRef.current.syntax === 'empty' ? ('xl-config' as const) : analysisRef.current.syntax, disk };
        dispatch({ type: 'edit', edits: r.edits, base: text, then: { mode: 'disk', index: r.at.index, session: e.session, span } });
        if (wanted && wanted.disk !== disk) dispatch({ type: 'commit', session: e.session, disk: wanted.disk, at: Date.now() });
      }, failed('The disk could not be added'));
      return;
    }
    if (e.mode === 'new' || e.mode === 'disk') dispatch({ type: 'commit', session: e.session, disk, at: Date.now() });
  }, []);
  const onRemoveCurrent = useCallback(() => {
    const e = editingRef.current;
    if (e.mode !== 'disk') return dispatch({ type: 'close' });
    if (largeRef.current) runOp({ type: 'removeDisk', index: e.index });
    else dispatch({ type: 'removeDisk', index: e.index });
  }, [runOp]);
  const onClose = useCallback(() => dispatch({ type: 'close' }), []);
  const onOpen = useCallback((index: number) => {
    const a = analysisRef.current;
    const d = a.disks[index];
    if (!d?.disk) return;
    if (largeRef.current) {
      if (a.syntax === 'empty') return;
      dispatch({ type: 'open', index, span: { from: d.from, to: d.to, syntax: a.syntax, disk: d.disk } });
    } else dispatch({ type: 'open', index });
  }, []);
  const onAdd = useCallback(() => dispatch({ type: 'choose' }), []);
  const onChoose = useCallback((kind: KindId) => dispatch({ type: 'new', kind }), []);
  const onRemove = useCallback((index: number) => (largeRef.current ? runOp({ type: 'removeDisk', index }) : dispatch({ type: 'removeDisk', index })), [runOp]);
  const onMove = useCallback((index: number, to: number) => (largeRef.current ? runOp({ type: 'moveDisk', index, to }) : dispatch({ type: 'moveDisk', index, to })), [runOp]);
  const onDuplicate = useCallback(
    (index: number) => {
      const a = analysisRef.current;
      const d = a.disks[index]?.disk;
      if (!d) return;
      const used = a.disks.flatMap((x) => vdevOf(x) ?? []);
      const copy = { ...d, vdev: nextFreeVdev(used, a.guest, d.devtype) };
      if (largeRef.current) runOp({ type: 'duplicateDisk', index, disk: copy });
      else dispatch({ type: 'duplicateDisk', index, disk: copy });
    },
    [runOp],
  );
  const onFix = useCallback((edits: readonly Edit[], forText: string) => dispatch({ type: 'edit', edits, base: forText }), []);
  const onEdits = useCallback((edits: Edit[], group: string | undefined, large: boolean) => {
    // a large paste's analysis starts now, not once React has rendered it (typing is left to the
    // queries: keystrokes may come faster than renders, and latest.current would be behind)
    if (large) {
      const text = applyEdits(latest.current.text, edits);
      if (isLarge(text)) startEarly(text, latest.current.guest);
    }
    dispatch({ type: 'edit', edits, ...(group && { group, at: Date.now() }) });
  }, []);
  const onUndo = useCallback(() => dispatch({ type: 'undo' }), []);
  const onRedo = useCallback(() => dispatch({ type: 'redo' }), []);

  const fixAll = useMutation({
    mutationFn: (text: string) => job({ kind: 'fixAll', text, guest: latest.current.guest }).then((fixed) => ({ text, fixed })),
    onSuccess: ({ text, fixed }) => {
      const d = diffText(text, fixed);
      if (d) dispatch({ type: 'edit', edits: [d], base: text });
    },
    onError: failed('The fixes could not be applied'),
  });
  const onFixAll = useCallback(() => fixAll.mutate(latest.current.text), [fixAll]);
  const safeFixes = useMemo(() => analysis.safeFixes ?? (analysis.diagnostics ?? []).filter((d) => d.fixes.some((f) => f.safe)).length, [analysis]);

  const replace = useCallback((text: string, from: string) => {
    dispatch({ type: 'replace', text });
    setSource(from);
    setNotice(undefined);
  }, []);

  const readFile = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_FILE) throw new Error(`${file.name} is ${Math.round(file.size / 1048576)} MB: xl configs are far smaller`);
      return { name: file.name, text: await file.text() };
    },
    onSuccess: ({ name, text }) => replace(text, name),
    onError: failed('The file could not be opened'),
  });

  const convert = useMutation({
    mutationFn: ({ to, text }: { to: 'xl' | 'libvirt'; text: string; download: boolean }) => job({ kind: 'convert', text, guest: latest.current.guest, to }),
    onSuccess: (out, { to, text, download }) => {
      if (typeof out !== 'string') return setNotice({ variant: 'warning', title: out.error });
      if (download) downloadText(out, to === 'xl' ? 'domain.cfg' : 'domain.xml', to === 'xl' ? 'text/plain' : 'application/xml');
      else {
        dispatch({ type: 'replace', text: out, base: text });
        setSource(to === 'xl' ? 'Converted to an xl config' : 'Converted to libvirt XML');
      }
    },
    onError: failed('The conversion failed'),
  });

  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    setDragging(false);
    if (!file) return;
    // a file dropped anywhere (the editor included) opens it, rather than pasting it in
    e.preventDefault();
    e.stopPropagation();
    readFile.mutate(file);
  };
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  const fileBacked = useMemo(() => (wizardOpen ? fileBackedCount(analysis) : 0), [wizardOpen, analysis]);
  const onDownload = useCallback((to: 'xl' | 'libvirt') => convert.mutate({ to, text: latest.current.text, download: true }), [convert.mutate]); // eslint-disable-line react-hooks/exhaustive-deps
  const onConvert = useCallback((to: 'xl' | 'libvirt') => convert.mutate({ to, text: latest.current.text, download: false }), [convert.mutate]); // eslint-disable-line react-hooks/exhaustive-deps
  const openedDisk = useMemo(() => (editing.mode === 'disk' ? (editing.span?.disk ?? analysis.disks[editing.index]?.disk) : undefined), [session]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = editing.mode === 'disk' ? `Disk ${editing.index + 1}` : editing.mode === 'new' ? `New disk ${analysis.disks.length + 1}` : '';

  return (
    <div
      className={`xd-workspace${dragging ? ' xd-dragging' : ''}`}
      onDragOverCapture={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDropCapture={onDrop}
    >
      {dragging && (
        <div className="xd-dropzone" aria-hidden="true">
          Drop the file to open it
        </div>
      )}
      <Toolbar className="xd-toolbar" inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarGroup>
            <ToolbarItem>
              <span className="xd-toolbar-label" id="guest-label">
                Guest type
              </span>
            </ToolbarItem>
            <ToolbarItem>
              <ToggleGroup aria-labelledby="guest-label">
                {GUESTS.map((g) => (
                  <ToggleGroupItem
                    key={g.id}
                    text={g.label}
                    buttonId={`guest-${g.id}`}
                    isSelected={analysis.guest === g.id}
                    isDisabled={fixedGuest}
                    onChange={() => dispatch({ type: 'setGuest', guest: g.id })}
                    aria-describedby={`guest-${g.id}-desc`}
                  />
                ))}
              </ToggleGroup>
              {GUESTS.map((g) => (
                <span key={g.id} id={`guest-${g.id}-desc`} hidden>
                  {g.title}
                </span>
              ))}
            </ToolbarItem>
            {fixedGuest && (
              <ToolbarItem>
                <span className="xd-subtle">{analysis.guestSource === 'xml' ? 'Set by <os><type> in the XML.' : 'Set by the type / builder setting of the config.'}</span>
              </ToolbarItem>
            )}
          </ToolbarGroup>
          <ToolbarGroup>
            <ToolbarItem>
              <Button variant="plain" aria-label="Undo" icon={<UndoIcon />} isDisabled={state.past.length === 0} onClick={onUndo} />
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="plain" aria-label="Redo" icon={<RedoIcon />} isDisabled={state.future.length === 0} onClick={onRedo} />
            </ToolbarItem>
          </ToolbarGroup>
          <ToolbarGroup className="xd-toolbar-io">
            <ToolbarItem>
              <Button variant="secondary" icon={<FolderOpenIcon />} onClick={() => fileInput.current?.click()} isLoading={readFile.isPending}>
                Open file
              </Button>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept=".cfg,.conf,.xml,.txt,.xl,text/plain,application/xml,text/xml"
                aria-label="Open a file"
                data-testid="file-input"
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  if (f) readFile.mutate(f);
                  e.currentTarget.value = '';
                }}
              />
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" icon={<BookOpenIcon />} onClick={() => setDialog('examples')}>
                Examples
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="secondary" icon={<ShareAltIcon />} onClick={() => setDialog('share')} isDisabled={state.text === ''}>
                Share
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <ExportMenu
                syntax={analysis.syntax}
                disabled={convert.isPending}
                onDownload={onDownload}
                onConvert={onConvert}
              />
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
      {notice && (
        <Alert component="h2" variant={notice.variant} isInline title={notice.title} actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />} className="xd-notice" />
      )}
      {saveFailed && (
        <Alert component="h2" variant="warning" isInline isPlain title="This text is too large for the browser to keep: it will not survive a reload. Download it (Export) to keep it." className="xd-notice" />
      )}
      <DocumentPanel
        text={state.text}
        analysis={analysis}
        listed={shown}
        pending={pending}
        large={large}
        reveal={reveal}
        {...(source && { source })}
        safeFixes={safeFixes}
        fixing={fixAll.isPending}
        onEdits={onEdits}
        onUndo={onUndo}
        onRedo={onRedo}
        onFix={onFix}
        onFixAll={onFixAll}
        editor={editor}
      />
      <div className="xd-columns">
        <div className="xd-left">
          <DiskList
            analysis={shown}
            selected={selected}
            current={current && shown === analysis}
            onOpen={onOpen}
            onAdd={onAdd}
            onDuplicate={onDuplicate}
            onRemove={onRemove}
            onMove={onMove}
            onFix={onFix}
            describe={describeDisk}
            show={reveal ? keepSpec : maskSpec}
          />
          {editing.mode === 'choose' && <KindChooser onChoose={onChoose} onCancel={onClose} />}
          {(editing.mode === 'new' || (editing.mode === 'disk' && (editing.span || analysis.disks[editing.index]?.disk))) && (
            <div className="xd-editor" key={session}>
              <Suspense fallback={<Skeleton height="20rem" screenreaderText="Loading the wizard" />}>
                <DiskWizard
                  {...(editing.mode === 'new' ? { newKind: editing.kind } : { disk: openedDisk })}
                  title={title}
                  isNew={editing.mode === 'new'}
                  guest={analysis.guest}
                  others={stableOthers}
                  fileBacked={fileBacked}
                  onCommit={onCommit}
                  onRemove={onRemoveCurrent}
                  onClose={onClose}
                />
              </Suspense>
            </div>
          )}
          {editing.mode === 'none' && analysis.disks.length > 0 && (
            <Content component="p" className="xd-hint">
              Choose <strong>Edit</strong> on a disk to open its wizard, or add one: {Object.values(KINDS).slice(0, 5).map((k) => k.title).join(', ')} and more.
            </Content>
          )}
        </div>
        <div className="xd-right">
          <Previews analysis={shown} {...(shownXml !== undefined && { devicesXml: shownXml })} selected={selected} reveal={reveal} onReveal={setReveal} />
        </div>
      </div>
      {dialog === 'examples' && (
        <ExamplesModal
          onClose={() => setDialog(undefined)}
          onOpen={(text: string, e: Example) => {
            setDialog(undefined);
            replace(text, `Example “${e.title}”`);
          }}
        />
      )}
      {dialog === 'share' && <ShareModal text={state.text} guest={state.guest} version={state.version} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
