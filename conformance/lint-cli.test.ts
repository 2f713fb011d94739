/** `xldisk lint`: output formats, --fix, exit codes (in-process, through the CLI's main). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/cli';

function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: () => stdin });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'xldisk-lint-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const broken = "name = 'guest'\r\ndisk = [ 'format=QCOW2,vdev=xvda,target=/srv/guest.qcow2',\r\n         'target=/srv/data.img' ]\r\n";

describe('xldisk lint', () => {
  it('prints FILE:LINE:COL: severity: message [code] and exits 1 while errors remain', () => {
    const file = join(dir, 'guest.cfg');
    writeFileSync(file, broken);
    const r = run(['lint', file]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}:1:15: error: config parsing error near \`\\r': lexical error — the file has Windows line endings (CRLF); xl reads only \\n and rejects every \\r [CFG-CRLF]`);
    expect(lines).toContain(
      `${file}:2:18: error: config parsing error in disk specification: unknown value for format: near \`QCOW2' in \`format=QCOW2,vdev=xvda,target=/srv/guest.qcow2' — xl's keywords and values are lowercase: write qcow2 [XL-CASE]`,
    );
    expect(lines.some((l) => l.startsWith(`${file}:3:11: error: config parsing error in disk specification: no vdev specified`) && l.endsWith('[XL-NO-VDEV]'))).toBe(true);
    for (const l of lines) expect(l).toMatch(/^.+:\d+:\d+: (error|warning|info): .+ \[[A-Z]+-[A-Z0-9-]+\]$/);
    expect(r.err).toBe('');
  });

  it('--json prints {"diagnostics": [...]} with 1-based lines and columns, ranges and fixes', () => {
    const r = run(['lint', '--json', '-'], broken);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    expect(Object.keys(j)).toEqual(['diagnostics']);
    const d = j.diagnostics.find((x) => x.code === 'XL-CASE')!;
    expect(d).toMatchObject({ severity: 'error', line: 2, column: 18, endLine: 2, endColumn: 23, from: 33, to: 38 });
    expect(d.fixes).toEqual([{ title: "write `qcow2'", safe: true, edits: [{ from: 33, to: 38, insert: 'qcow2' }] }]);
    expect(Object.keys(d)).toEqual(['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'from', 'to', 'fixes']);
  });

  it('--fix prints the fixed text, applies the one fix of an error, and reports what remains on stderr', () => {
    const r = run(['lint', '--fix', '-'], broken);
    expect(r.out).toBe("name = 'guest'\ndisk = [ 'format=qcow2,vdev=xvda,target=/srv/guest.qcow2',\n         'vdev=xvdb,target=/srv/data.img' ]\n");
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('--fix leaves warnings and errors without a single fix, and exits 1 for errors', () => {
    const text = "disk = [ '/srv/a.qcow2,,xvda', '/srv/b.img,,xvda,target=/srv/c.img' ]\n";
    const r = run(['lint', '--fix', '-'], text);
    expect(r.out).toBe(text);
    expect(r.err).toMatch(/^<stdin>:1:11: warning: .* \[XL-FORMAT-EXTENSION\]$/m);
    expect(r.err).toMatch(/^<stdin>:1:\d+: error: config parsing error in disk specification: target respecified: .* \[XL-RESPECIFIED\]$/m);
    expect(r.code).toBe(1);
  });

  it('--guest decides the vdev advice when the text does not say', () => {
    expect(run(['lint', '-'], '/srv/a.img,,hda\n').out).toBe('');
    expect(run(['lint', '--guest', 'pv', '-'], '/srv/a.img,,hda\n').out).toMatch(/\[XL-VDEV-EMULATED\]/);
    expect(run(['lint', '--guest', 'pv', '-'], "builder = 'hvm'\ndisk = [ '/srv/a.img,,hda' ]\n").out).toBe('');
  });

  it('exits 0 for a clean text, and 2 on bad usage', () => {
    expect(run(['lint', '-'], "disk = [ 'vdev=xvda,target=/srv/a.img' ]\n")).toEqual({ code: 0, out: '', err: '' });
    expect(run(['lint', '--guest', 'kvm', '-']).code).toBe(2);
    expect(run(['lint']).code).toBe(2);
    expect(run(['lint', '--frobnicate', '-']).code).toBe(2);
  });
});
