/**
 * The domain workspace: guest type, the disk list, the disk wizard and the live previews. The
 * document text is the single truth; every button and keystroke dispatches text edits.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Button, Content, Skeleton, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { RedoIcon, UndoIcon } from '@patternfly/react-icons';
import type { Disk } from '../../core/model/disk';
import type { GuestType } from '../../core/xl/vdev';
import { KINDS, type KindId } from '../wizard/kindInfo';
import { KindChooser } from './KindChooser';
import { describeDisk, maskSpec } from '../preview/describe';
import { Previews } from '../preview/Previews';
import { DiskList } from './DiskList';
import { readDoc, type Doc } from './docAdapter';
import { initialWorkspace, workspaceReducer } from './state';

/** The wizard (react-hook-form, the resolver, every kind's fields) loads on demand. */
const loadWizard = () => import('../wizard/DiskWizard');
const DiskWizard = lazy(() => loadWizard().then((m) => ({ default: m.DiskWizard })));

const GUESTS: { id: GuestType; label: string; title: string }[] = [
  { id: 'hvm', label: 'HVM', title: 'Fully virtualised: emulated IDE/SCSI disks plus PV drivers' },
  { id: 'pv', label: 'PV', title: 'Paravirtualised: xvd disks only' },
  { id: 'pvh', label: 'PVH', title: 'PVH: xvd disks only' },
];

/**
 * Disks served from a file through a loop device: a raw file (not under /dev) with no script,
 * left to libxl or given to phy (blkback). libxl hands other formats to qemu, which needs none.
 */
function fileBackedCount(doc: Doc): number {
  let n = 0;
  for (const d of doc.disks) {
    if (!d.disk) continue;
    const { target, script, backendtype, format } = d.disk;
    if (target && !target.startsWith('/dev/') && !/^[a-z0-9+.-]+:/i.test(target) && script === undefined && format === 'raw' && (backendtype === undefined || backendtype === 'phy')) n++;
  }
  return n;
}

const keepSpec = (spec: string) => spec;

function diskAt(doc: Doc, index: number) {
  const d = doc.disks[index];
  return d?.disk;
}

export function Workspace({ initialText = '', initialGuest = 'hvm' }: { initialText?: string; initialGuest?: GuestType }) {
  const [state, dispatch] = useReducer(workspaceReducer, undefined, () => initialWorkspace(initialText, initialGuest));
  const [reveal, setReveal] = useState(false);
  // Fetch the wizard once the page is idle, so that opening one is instant.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void loadWizard());
  }, []);
  const doc = useMemo(() => readDoc(state.text, state.guest), [state.text, state.guest]);
  const editingRef = useRef(state.editing);
  editingRef.current = state.editing;

  const editing = state.editing;
  // A guest type written in the text wins over the toggle.
  const fixedGuest = doc.guestSource === 'config' || doc.guestSource === 'xml';
  const selected = editing.mode === 'disk' ? editing.index : undefined;
  const session = editing.mode === 'disk' || editing.mode === 'new' ? editing.session : 0;

  const others = useMemo(
    () =>
      doc.disks
        .filter((d) => d.index !== selected && d.disk)
        .map((d) => ({ vdev: d.disk?.vdev ?? '', position: d.index + 1 })),
    [doc, selected],
  );
  // Stable across keystrokes unless the other disks' names change (keeps the wizard from re-rendering).
  const othersKey = others.map((o) => `${o.position}:${o.vdev}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableOthers = useMemo(() => others, [othersKey]);

  const onCommit = useCallback((disk: Disk) => {
    const e = editingRef.current;
    if (e.mode === 'new' || e.mode === 'disk') dispatch({ type: 'commit', session: e.session, disk });
  }, []);
  const onRemoveCurrent = useCallback(() => {
    const e = editingRef.current;
    if (e.mode === 'disk') dispatch({ type: 'removeDisk', index: e.index });
    else dispatch({ type: 'close' });
  }, []);
  const onClose = useCallback(() => dispatch({ type: 'close' }), []);
  const onOpen = useCallback((index: number) => dispatch({ type: 'open', index }), []);
  const onAdd = useCallback(() => dispatch({ type: 'choose' }), []);
  const onChoose = useCallback((kind: KindId) => dispatch({ type: 'new', kind }), []);
  const onRemove = useCallback((index: number) => dispatch({ type: 'removeDisk', index }), []);
  const onMove = useCallback((index: number, to: number) => dispatch({ type: 'moveDisk', index, to }), []);

  // The disk as it was when its wizard opened: the wizard owns its values after that.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const openedDisk = useMemo(() => (editing.mode === 'disk' ? diskAt(doc, editing.index) : undefined), [session]);

  const title = editing.mode === 'disk' ? `Disk ${editing.index + 1}` : editing.mode === 'new' ? `New disk ${doc.disks.length + 1}` : '';

  return (
    <div className="xd-workspace">
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
                    isSelected={doc.guest === g.id}
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
                <span className="xd-subtle">{doc.guestSource === 'xml' ? 'Set by <os><type> in the XML.' : 'Set by the type / builder setting of the config.'}</span>
              </ToolbarItem>
            )}
          </ToolbarGroup>
          <ToolbarGroup>
            <ToolbarItem>
              <Button variant="plain" aria-label="Undo" icon={<UndoIcon />} isDisabled={state.past.length === 0} onClick={() => dispatch({ type: 'undo' })} />
            </ToolbarItem>
            <ToolbarItem>
              <Button variant="plain" aria-label="Redo" icon={<RedoIcon />} isDisabled={state.future.length === 0} onClick={() => dispatch({ type: 'redo' })} />
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
      <div className="xd-columns">
        <div className="xd-left">
          <DiskList doc={doc} selected={selected} onOpen={onOpen} onAdd={onAdd} onRemove={onRemove} onMove={onMove} describe={describeDisk} show={reveal ? keepSpec : maskSpec} />
          {editing.mode === 'choose' && <KindChooser onChoose={onChoose} onCancel={onClose} />}
          {(editing.mode === 'new' || (editing.mode === 'disk' && doc.disks[editing.index]?.disk)) && (
            <div className="xd-editor" key={session}>
              <Suspense fallback={<Skeleton height="20rem" screenreaderText="Loading the wizard" />}>
              <DiskWizard
                {...(editing.mode === 'new' ? { newKind: editing.kind } : { disk: openedDisk })}
                title={title}
                isNew={editing.mode === 'new'}
                guest={doc.guest}
                others={stableOthers}
                fileBacked={fileBackedCount(doc)}
                onCommit={onCommit}
                onRemove={onRemoveCurrent}
                onClose={onClose}
              />
              </Suspense>
            </div>
          )}
          {editing.mode === 'none' && doc.disks.length > 0 && (
            <Content component="p" className="xd-hint">
              Choose <strong>Edit</strong> on a disk to open its wizard, or add one: {Object.values(KINDS).slice(0, 5).map((k) => k.title).join(', ')} and more.
            </Content>
          )}
        </div>
        <div className="xd-right">
          <Previews doc={doc} selected={selected} reveal={reveal} onReveal={setReveal} />
        </div>
      </div>
    </div>
  );
}
