/** Runs the project's libxlutil harness (build/oracle/xloracle, built by scripts/build-oracle.sh). */
import { execFileSync } from 'node:child_process';
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
