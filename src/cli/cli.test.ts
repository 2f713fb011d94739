import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './cli';

function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: () => stdin });
  return { code, out, err };
}

describe('xldisk parse', () => {
  it('parses parts as one disk and exits 1 when xl rejects it', () => {
    expect(run(['parse', '--libxl', '--', '/x', 'raw', 'xvdb', 'ro'])).toEqual({ code: 0, out: '{"pdev_path":"/x","vdev":"xvdb","format":"raw"}\n', err: '' });
    const bad = run(['parse', '--libxl', '--', 'format=xvhd,vdev=xvda,target=/x']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toEqual({ error: "command line: config parsing error in disk specification: unknown value for format: near `xvhd' in `format=xvhd,vdev=xvda,target=/x'" });
  });

  it('reads one spec per stdin line and always exits 0', () => {
    const r = run(['parse', '--libxl'], '/x,,xvda\nfoo\n');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { pdev_path: '/x', vdev: 'xvda', format: 'raw', readwrite: 1 },
      { error: "command line: config parsing error in disk specification: no vdev specified in `foo'" },
    ]);
  });

  it('prints the model with 1-based error columns', () => {
    const r = JSON.parse(run(['parse', '--', 'vdev=xvda,access=x,target=/y']).out);
    expect(r.errors[0]).toMatchObject({ message: 'unknown value for access', near: 'x', column: 18, endColumn: 19 });
  });
});

describe('xldisk format', () => {
  it('prints the canonical spec in each style and the positional form', () => {
    expect(run(['format', '--', '/root/image.iso,,hdc,cdrom']).out).toBe('vdev=hdc,devtype=cdrom,target=/root/image.iso\n');
    expect(run(['format', '--explicit', '--', '/root/image.iso,,hdc,cdrom']).out).toBe('format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso\n');
    expect(run(['format', '--positional', '--explicit', '--', 'format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/root/image.iso']).out).toBe('/root/image.iso,raw,hdc,ro,cdrom\n');
  });
  it('says when there is no positional form', () => {
    const r = run(['format', '--positional', '--', 'vdev=hdc,backendtype=qdisk,target=nbd:151.155.144.82:5555']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no positional form/);
  });
});

describe('xldisk config', () => {
  it('lists the disks xl uses, with positions, parses and xl’s messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xldisk-cli-'));
    const file = join(dir, 'g.cfg');
    writeFileSync(file, `name = "g"\ndisk = [ '/x,,xvda', ['ignored'], 'z' ]\n`);
    const r = run(['config', '--libxl', file]);
    const out = JSON.parse(r.out);
    expect(out.ok).toBe(true);
    expect(out.disk).toMatchObject({ status: 'ok', total: 3, xlUses: 1 });
    expect(out.disks).toEqual([{ index: 0, spec: '/x,,xvda', line: 2, column: 10, endLine: 2, endColumn: 20, libxl: { pdev_path: '/x', vdev: 'xvda', format: 'raw', readwrite: 1 } }]);
    expect(r.code).toBe(0);
  });

  it('exits 1 and shows xl’s message for a config xl refuses', () => {
    const r = run(['config', '-'], `disk = [ '/x,,xvda' ]\r\n`);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).messages[0]).toMatch(/^<stdin>:1: config parsing error near/);
  });
});

describe('xldisk', () => {
  it('prints help and rejects unknown commands', () => {
    expect(run(['--help']).out).toMatch(/Usage: xldisk COMMAND/);
    expect(run(['frob']).code).toBe(2);
    expect(run(['parse', '--frob']).code).toBe(2);
  });
});
