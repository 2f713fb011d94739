/** Runs libvirt's schema check (virt-xml-validate, Debian's libvirt-clients) on a text. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function virtXmlValidate(text: string, kind: 'domain' | 'secret'): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xldisk-e2e-'));
  try {
    const file = join(dir, `${kind}.xml`);
    writeFileSync(file, text);
    const r = spawnSync('virt-xml-validate', [file, kind], { encoding: 'utf8' });
    if (r.error) return { ok: false, output: `virt-xml-validate could not run: ${r.error.message}` };
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}\n---\n${text}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
