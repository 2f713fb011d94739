import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { transferables } from './jobs';
import { packDiagnostics, unpackDiagnostics } from './packedDiagnostics';

const plain = (d: ReturnType<typeof lint>[number]) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, from: d.from, to: d.to, fixes: d.fixes });

describe('packed diagnostics (the worker → page form)', () => {
  const texts = [
    "builder = 'hvm'\ndisk = [ '/srv/a.img,,hda', '/srv/b.img,,xvda', 'vdev=xvdb,backendtype=phy,format=qcow2,target=/srv/c.qcow2' ‘x’ ]\n",
    "<devices><disk type='network' device='disk'><driver name='qemu' type='rbd'/><source protocol='rbd' name='p/i'/><target dev='xvda' bus='virtio'/></disk></devices>",
    '',
  ];
  it.each(texts)('unpack(pack(d)) is d, across structuredClone: %j', (text) => {
    const ds = lint(text, { guest: 'hvm' });
    const packed = structuredClone(packDiagnostics(ds));
    expect(unpackDiagnostics(packed).map(plain)).toEqual(ds.map(plain));
  });

  it('moves its number columns rather than copying them', () => {
    const packed = packDiagnostics(lint("disk = [ '/srv/a.img,,hda', '/srv/b.img,,hda' ]\n"));
    expect(transferables(packed)).toEqual([packed.numbers.buffer, packed.severity.buffer]);
  });
});
