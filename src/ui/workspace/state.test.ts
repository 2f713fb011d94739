import { describe, expect, it } from 'vitest';
import { initialWorkspace, workspaceReducer, type WorkspaceAction, type WorkspaceState } from './state';
import { readDoc } from './docAdapter';
import { parseDiskSpec } from '../../core/xl/diskSpec';

const disk = (spec: string) => {
  const p = parseDiskSpec(spec);
  if (!p.ok) throw new Error(spec);
  return p.disk;
};

const run = (s: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, s);

describe('workspace reducer', () => {
  it('inserts a new disk on its first commit, then rewrites only its item', () => {
    let s = run(initialWorkspace(), { type: 'new', kind: 'cdrom' });
    const session = s.editing.mode === 'new' ? s.editing.session : -1;
    s = run(s, { type: 'commit', session, disk: disk('vdev=hdc,devtype=cdrom,target=/') });
    expect(s.text).toBe("disk = [ 'vdev=hdc,devtype=cdrom,target=/' ]\n");
    expect(s.editing).toEqual({ mode: 'disk', index: 0, session });
    // two commits before a render: both apply to the current text
    s = run(s, { type: 'commit', session, disk: disk('vdev=hdc,devtype=cdrom,target=/r') }, { type: 'commit', session, disk: disk('vdev=hdc,devtype=cdrom,target=/ro') });
    expect(s.text).toBe("disk = [ 'vdev=hdc,devtype=cdrom,target=/ro' ]\n");
    // the same disk, written another way, leaves the text alone
    expect(run(s, { type: 'commit', session, disk: disk('/ro,,hdc,cdrom') })).toBe(s);
    // a stale session commits nothing
    expect(run(s, { type: 'commit', session: session + 7, disk: disk('vdev=xvda,target=/x') })).toBe(s);
  });

  it('keeps the rest of the text byte for byte', () => {
    let s = initialWorkspace("# my domain\nname = 'vm'\ndisk = [ '/a,,xvda' ] # disks\nmemory = 512\n");
    s = run(s, { type: 'new', kind: 'file' });
    const session = s.editing.mode === 'new' ? s.editing.session : -1;
    s = run(s, { type: 'commit', session, disk: disk('vdev=xvdb,target=/b') });
    expect(s.text).toBe("# my domain\nname = 'vm'\ndisk = [ '/a,,xvda', 'vdev=xvdb,target=/b' ] # disks\nmemory = 512\n");
    expect(readDoc(s.text, 'hvm').disks.map((d) => d.spec)).toEqual(['/a,,xvda', 'vdev=xvdb,target=/b']);
  });

  it('removes and moves disks, following the open wizard; undo and redo', () => {
    const text = "disk = [\n    '/a,,xvda',\n    '/b,,xvdb',\n    '/c,,xvdc',\n]\n";
    let s = run(initialWorkspace(text), { type: 'open', index: 2 });
    s = run(s, { type: 'moveDisk', index: 2, to: 1 });
    expect(readDoc(s.text, 'hvm').disks.map((d) => d.spec)).toEqual(['/a,,xvda', '/c,,xvdc', '/b,,xvdb']);
    expect(s.editing).toMatchObject({ mode: 'disk', index: 1 });
    s = run(s, { type: 'removeDisk', index: 0 });
    expect(s.editing).toMatchObject({ mode: 'disk', index: 0 });
    s = run(s, { type: 'removeDisk', index: 0 });
    expect(s.editing).toEqual({ mode: 'none' });
    expect(readDoc(s.text, 'hvm').disks.map((d) => d.spec)).toEqual(['/b,,xvdb']);
    s = run(s, { type: 'undo' }, { type: 'undo' }, { type: 'undo' });
    expect(s.text).toBe(text);
    s = run(s, { type: 'redo' });
    expect(readDoc(s.text, 'hvm').disks.map((d) => d.spec)).toEqual(['/a,,xvda', '/c,,xvdc', '/b,,xvdb']);
  });
});
