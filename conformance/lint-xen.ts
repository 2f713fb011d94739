/**
 * Xen's verdict on texts the linter fixed: each config read by libxlutil's config reader
 * (`xloracle config`, one run per file, in a shell loop per core) and the disk specs xl then
 * uses parsed by libxlutil's disk parser (all of them in one `xloracle batch -x` run).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleParseMany, type OracleDisk } from './oracle';
import { oraclePath } from './shared';

export type XenVerdict = {
  /** xl would start the domain as far as libxlutil is concerned: the file reads and every disk parses. */
  accepted: boolean;
  cfgRc?: number;
  messages: string[];
  /** The disks xl uses, as libxl JSON (or {error}). */
  disks: OracleDisk[];
  /** libxlutil aborted (SIGABRT) reading the file. */
  aborted?: boolean;
};

type ConfigOut = { cfg_rc: number; disk_rc?: number; items?: { type: string; spec?: string }[]; xl_uses?: number; messages: string[] };

/** Reads every text with `xloracle config`, `parallel` shell loops at a time. */
async function readConfigs(texts: readonly string[], parallel: number): Promise<(ConfigOut | 'aborted')[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xldisk-lint-'));
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
    const results: (ConfigOut | 'aborted')[] = new Array(texts.length);
    for (const out of await Promise.all(runs)) {
      const re = /\x1e(\d+)\n([\s\S]*?)\x1erc=(\d+)\n/g;
      for (let m = re.exec(out); m; m = re.exec(out)) results[Number(m[1])] = m[3] === '134' ? 'aborted' : (JSON.parse(m[2]!) as ConfigOut);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Xen's verdict on each xl config. */
export async function xenVerdicts(texts: readonly string[], parallel = Math.max(1, Math.min(4, cpus().length))): Promise<XenVerdict[]> {
  const configs = await readConfigs(texts, parallel);
  const specs: string[][] = [];
  const owner: { config: number }[] = [];
  configs.forEach((c, i) => {
    if (c === 'aborted' || c.cfg_rc !== 0 || c.disk_rc !== 0) return;
    for (const item of (c.items ?? []).slice(0, c.xl_uses ?? 0)) {
      specs.push([item.spec ?? '']);
      owner.push({ config: i });
    }
  });
  const parsed = specs.length ? oracleParseMany(specs) : [];
  const disks: OracleDisk[][] = texts.map(() => []);
  parsed.forEach((d, k) => disks[owner[k]!.config]!.push(d));
  return configs.map((c, i) => {
    if (c === 'aborted') return { accepted: false, aborted: true, messages: [], disks: [] };
    const ok = c.cfg_rc === 0 && disks[i]!.every((d) => !('error' in d));
    return { accepted: ok, cfgRc: c.cfg_rc, messages: c.messages, disks: disks[i]! };
  });
}

/** Xen's verdict on bare spec lines (each line one disk, as `xl block-attach` would get it). */
export function xenSpecVerdict(text: string): XenVerdict {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const disks = lines.length ? oracleParseMany(lines.map((l) => [l])) : [];
  return { accepted: disks.every((d) => !('error' in d)), messages: [], disks };
}

/** What the issue asks of a fixed disk: the same target, vdev, format and access. */
export function essentials(d: OracleDisk): { target?: string; vdev?: string; format?: string; access: 'ro' | 'rw' } | { error: string } {
  if ('error' in d) return { error: String(d.error) };
  const r = d as Record<string, unknown>;
  return {
    ...(r.pdev_path !== undefined && { target: String(r.pdev_path) }),
    ...(r.vdev !== undefined && { vdev: String(r.vdev) }),
    ...(r.format !== undefined && { format: String(r.format) }),
    access: r.readwrite === 1 ? 'rw' : 'ro',
  };
}
