/**
 * NBD targets, in their two unrelated xl forms:
 *
 * - **qdisk** (`backendtype=qdisk,target=nbd:…`): qemu's legacy NBD filename, read the way qemu's
 *   nbd driver reads it: the first `:exportname=` anywhere starts the export name (which runs to
 *   the end); what precedes is `nbd:unix:SOCKET` or `nbd:HOST:PORT` / `nbd:[IPV6]:PORT`.
 *   (A filename with `://` is an NBD URL to qemu; decodeTarget leaves those opaque.)
 * - **script** (`script=block-nbd`, which xl's positional `nbd:` prefix selects): `HOST:PORT`.
 */
import type { NbdTarget } from '../../model/target';
import { type Decoded, bracketHost, fail, parseHostPort, rememberRaw, spell } from './shared';

const EXPORT = ':exportname=';

export function canonicalNbd(t: NbdTarget): string {
  const server = t.server.transport === 'unix' ? `unix:${t.server.path}` : `${bracketHost(t.server.host)}:${t.server.port}`;
  if (t.via === 'script') return server;
  return `nbd:${server}${t.exportName !== undefined ? `${EXPORT}${t.exportName}` : ''}`;
}

/** Decode a qdisk target string starting with `nbd:`. */
export function decodeNbd(s: string): Decoded<NbdTarget> {
  const usage = 'expected nbd:HOST:PORT, nbd:[IPV6]:PORT or nbd:unix:/SOCKET, optionally followed by :exportname=NAME';
  if (!s.startsWith('nbd:')) return fail(s, `not an NBD target: ${usage}`, 0, s.length);
  if (s.includes('://')) return fail(s, 'an NBD URL (nbd://…) is not the nbd: filename form', 0, s.length);
  const ex = s.indexOf(EXPORT, 3);
  let exportName: string | undefined;
  const specEnd = ex === -1 ? s.length : ex;
  if (ex !== -1) {
    if (ex === 3) return fail(s, `missing server before :exportname=: ${usage}`, 0, ex + EXPORT.length);
    exportName = s.slice(ex + EXPORT.length);
    if (exportName === '') return fail(s, 'empty export name', ex, s.length);
  }
  if (specEnd === 4) return fail(s, `missing server: ${usage}`, 0, 4);
  let t: NbdTarget;
  if (s.startsWith('unix:', 4)) {
    const path = s.slice(9, specEnd);
    if (path === '') return fail(s, 'missing socket path after nbd:unix:', 4, 9);
    t = { kind: 'nbd', via: 'qdisk', server: { transport: 'unix', path } };
  } else {
    const hp = parseHostPort(s, 4, specEnd);
    if (!hp.ok) return hp;
    t = { kind: 'nbd', via: 'qdisk', server: { transport: 'tcp', host: hp.host, port: hp.port } };
  }
  if (exportName !== undefined) t = { ...t, exportName };
  return { ok: true, target: rememberRaw(t, s, canonicalNbd) };
}

/** Decode a block-nbd target (`HOST:PORT`), keeping the script as written. */
export function decodeNbdScript(s: string, script = 'block-nbd'): Decoded<NbdTarget> {
  if (s.startsWith('nbd:')) {
    return fail(s, 'remove the nbd: prefix: with script=block-nbd the target is HOST:PORT', 0, 4);
  }
  const hp = parseHostPort(s, 0, s.length);
  if (!hp.ok) return hp;
  const t: NbdTarget = { kind: 'nbd', via: 'script', server: { transport: 'tcp', host: hp.host, port: hp.port }, script };
  return { ok: true, target: rememberRaw(t, s, canonicalNbd) };
}

export function encodeNbd(t: NbdTarget): string {
  return spell(t, canonicalNbd, (s) => (t.via === 'script' ? decodeNbdScript(s, t.script) : decodeNbd(s)));
}
