/**
 * Xen's verdict on texts the linter fixed: each config read by libxlutil's config reader
 * (`xloracle config`, one run per file, in a shell loop per core) and the disk specs xl then
 * uses parsed by libxlutil's disk parser (all of them in one `xloracle batch -x` run).
 */
import { cpus } from 'node:os';
import { oracleConfigMany, oracleParseMany, type OracleDisk } from './oracle';

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

/** Reads every text with `xloracle config`. */
async function readConfigs(texts: readonly string[], parallel: number): Promise<(ConfigOut | 'aborted')[]> {
  return (await oracleConfigMany(texts, parallel)).map((r) => (r.status === 134 ? 'aborted' : (JSON.parse(r.stdout) as ConfigOut)));
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
