/** Runs the project's libxlutil harness (build/oracle/xloracle, built by scripts/build-oracle.sh). */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oraclePath } from './shared';

export type OracleDisk = Record<string, unknown> | { error: string; exit?: number };

const hex = (part: string) => (part === '' ? '.' : Buffer.from(part, 'utf8').toString('hex'));

/** Parses many disks (each a list of parts) in one run of the harness. */
export function oracleParseMany(specs: readonly (readonly string[])[]): OracleDisk[] {
  const input = specs.map((parts) => parts.map(hex).join(' ')).join('\n') + '\n';
  const out = execFileSync(oraclePath, ['batch', '-x'], { input, maxBuffer: 1 << 30 }).toString('utf8');
  const lines = out.split('\n').filter((l) => l !== '');
  if (lines.length !== specs.length) throw new Error(`oracle answered ${lines.length} lines for ${specs.length} specs`);
  return lines.map((l) => JSON.parse(l) as OracleDisk);
}

/** Reads a whole config with xl's reader; see conformance/oracle/xloracle.c for the JSON. */
export function oracleConfig(file: string): Record<string, unknown> {
  return JSON.parse(execFileSync(oraclePath, ['config', file]).toString('utf8')) as Record<string, unknown>;
}

/** What `xloracle config` printed for one file, and its exit status (134: libxlutil aborted). */
export type OracleConfigRun = { stdout: string; status: number };

/**
 * Reads every text with `xloracle config`, one process per file (libxlutil's config reader
 * cannot be reset within a process), in `parallel` shell loops at a time.
 */
export async function oracleConfigMany(texts: readonly string[], parallel = 2): Promise<OracleConfigRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xloracle-cfg-'));
  try {
    texts.forEach((t, i) => writeFileSync(join(dir, `${i}.cfg`), t));
    const script = 'for i in $(seq "$2" "$3"); do printf "\\036%s\\n" "$i"; "$1" config "$4/$i.cfg"; printf "\\036rc=%s\\n" "$?"; done 2>/dev/null';
    const chunk = Math.ceil(texts.length / parallel);
    const runs: Promise<string>[] = [];
    for (let from = 0; from < texts.length; from += chunk) {
      const to = Math.min(texts.length, from + chunk) - 1;
      runs.push(
        new Promise((resolve, reject) => {
          const p = spawn('bash', ['-c', script, 'loop', oraclePath, String(from), String(to), dir]);
          const out: Buffer[] = [];
          p.stdout.on('data', (b: Buffer) => out.push(b));
          p.on('error', reject);
          p.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
        }),
      );
    }
    const results: OracleConfigRun[] = new Array(texts.length);
    for (const out of await Promise.all(runs)) {
      const re = /\x1e(\d+)\n([\s\S]*?)\x1erc=(\d+)\n/g;
      for (let m = re.exec(out); m; m = re.exec(out)) results[Number(m[1])] = { stdout: m[2]!, status: Number(m[3]) };
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
