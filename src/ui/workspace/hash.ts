import type { GuestType } from '../../core/xl/vdev';

/**
 * A workspace handed over in the address: `#text=<config, URI-encoded>&guest=hvm|pv|pvh`. Read
 * once at start (benchmarks and links use it); the share links of the import view will replace it
 * with a compressed, versioned form.
 */
export function workspaceFromHash(hash: string): { text?: string; guest?: GuestType } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const text = p.get('text') ?? undefined;
  const g = p.get('guest');
  const guest = g === 'hvm' || g === 'pv' || g === 'pvh' ? g : undefined;
  return { ...(text !== undefined && { text }), ...(guest && { guest }) };
}
