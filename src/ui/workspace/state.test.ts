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

describe('history', () => {
  it('undoes and redoes by edits, whatever their order', () => {
    let s = initialWorkspace('abcdef');
    s = run(s, { type: 'edit', edits: [{ from: 4, to: 6, insert: 'XYZ' }, { from: 0, to: 1, insert: '' }] });
    expect(s.text).toBe('bcdXYZ');
    s = run(s, { type: 'undo' });
    expect(s.text).toBe('abcdef');
    s = run(s, { type: 'redo' });
    expect(s.text).toBe('bcdXYZ');
    expect(s.version).toBe(3);
  });

  it('merges the edits of one group into one step while they come close together', () => {
    let s = initialWorkspace('x');
    s = run(
      s,
      { type: 'edit', edits: [{ from: 1, to: 1, insert: 'a' }], group: 'editor', at: 0 },
      { type: 'edit', edits: [{ from: 2, to: 2, insert: 'b' }], group: 'editor', at: 300 },
      { type: 'edit', edits: [{ from: 0, to: 1, insert: '' }], group: 'editor', at: 600 },
    );
    expect(s.text).toBe('ab');
    expect(s.past).toHaveLength(1);
    // a pause, or another source, starts a new step
    s = run(s, { type: 'edit', edits: [{ from: 2, to: 2, insert: 'c' }], group: 'editor', at: 5000 }, { type: 'edit', edits: [{ from: 0, to: 0, insert: '>' }] });
    expect(s.past).toHaveLength(3);
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(s.text).toBe('ab');
    s = run(s, { type: 'undo' });
    expect(s.text).toBe('x');
  });

  it('a group that comes back to where it started is an empty step', () => {
    let s = initialWorkspace('x');
    s = run(s, { type: 'edit', edits: [{ from: 1, to: 1, insert: 'a' }], group: 'editor', at: 0 }, { type: 'edit', edits: [{ from: 1, to: 2, insert: '' }], group: 'editor', at: 100 });
    expect(s.text).toBe('x');
    s = run(s, { type: 'edit', edits: [{ from: 1, to: 1, insert: 'b' }], group: 'editor', at: 200 });
    expect(s.text).toBe('xb');
    expect(run(s, { type: 'undo' }).text).toBe('x');
  });

  it('replaces the whole text as one step', () => {
    let s = initialWorkspace("disk = [ '/a,,xvda' ]\n");
    s = run(s, { type: 'replace', text: '<disk/>' });
    expect(s.text).toBe('<disk/>');
    expect(run(s, { type: 'undo' }).text).toBe("disk = [ '/a,,xvda' ]\n");
  });
});

describe('a wizard on a span (large documents)', () => {
  it('rewrites only its span, follows edits elsewhere and stops at edits inside it', () => {
    const text = "name = 'vm'\ndisk = [ '/a,,xvda', \"/b,,xvdb\" ]\n";
    const from = text.indexOf('"/b');
    const span = { from, to: from + '"/b,,xvdb"'.length, syntax: 'xl-config' as const, disk: disk('/b,,xvdb') };
    let s = run(initialWorkspace(text), { type: 'open', index: 1, span });
    const session = s.editing.mode === 'disk' ? s.editing.session : -1;
    // the same disk written another way: nothing to do
    expect(run(s, { type: 'commit', session, disk: disk('vdev=xvdb,target=/b') })).toBe(s);
    s = run(s, { type: 'commit', session, disk: disk('/c,,xvdb') });
    expect(s.text).toBe("name = 'vm'\ndisk = [ '/a,,xvda', \"vdev=xvdb,target=/c\" ]\n");
    s = run(s, { type: 'edit', edits: [{ from: 0, to: 0, insert: '# top\n' }] });
    s = run(s, { type: 'commit', session, disk: disk('/d,,xvdb') });
    expect(s.text).toBe("# top\nname = 'vm'\ndisk = [ '/a,,xvda', \"vdev=xvdb,target=/d\" ]\n");
    const inside = s.text.indexOf('/d');
    s = run(s, { type: 'edit', edits: [{ from: inside, to: inside + 2, insert: '/e' }] });
    expect(s.editing).toEqual({ mode: 'none' });
  });
});
