/**
 * NBD disks: xl's qdisk `nbd:` target ⇄ libvirt's generic network form
 * (`<source protocol='nbd' name='EXPORT'><host name='H' port='P'/></source>`, or
 * `<host transport='unix' socket='/S'/>`). libvirt's xl converter knows neither direction (it
 * writes an invalid `<source file='nbd:…'/>`, and refuses protocol nbd), and its libxl driver
 * refuses network disks other than RBD; xl itself hands the `nbd:` filename to qdisk.
 */
import type { NbdTarget } from '../model/target';
import { NbdServerSchema } from '../model/target';
import { encodeTarget } from '../xl/targets';
import { type LvDiagnostic, diag } from './diagnostics';
import type { Reader } from './reader';
import { el, type XEl } from './xmlTree';

/** NBD's default TCP port. */
export const NBD_DEFAULT_PORT = 10809;

export function nbdToSource(t: Extract<NbdTarget, { via: 'qdisk' }>): { source: XEl; diagnostics: LvDiagnostic[] } {
  const host =
    t.server.transport === 'tcp' ? el('host', { name: t.server.host, port: t.server.port }) : el('host', { transport: 'unix', socket: t.server.path });
  const ds = [
    diag(
      'LV-NBD-NETWORK',
      'warning',
      "The nbd: target is written in libvirt's network form (<source protocol='nbd'>). libvirt's libxl driver accepts no network disk but RBD, so libvirt will not start this disk, while xl takes NBD through qdisk. libvirt's converter writes <source file='nbd:…'/>, which its schema rejects.",
    ),
  ];
  if (t.server.transport === 'unix' && !t.server.path.startsWith('/')) {
    ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The socket path '${t.server.path}' is not absolute, which libvirt's schema requires.`));
  }
  return { source: el('source', { protocol: 'nbd', name: t.exportName }, [host]), diagnostics: ds };
}

/** The xl target (`nbd:HOST:PORT[:exportname=E]` / `nbd:unix:/S[…]`) of an NBD `<source>`. */
export function nbdFromSource(r: Reader, source: XEl): { target?: string; diagnostics: LvDiagnostic[] } {
  const ds: LvDiagnostic[] = [];
  const at = source.at ? { at: source.at } : {};
  const name = r.attr(source, 'name');
  const hosts = r.children(source, 'host');
  if (hosts.length !== 1) {
    ds.push(diag('LV-NBD-XL', 'error', `An NBD source needs exactly one <host> (found ${hosts.length}).`, { subject: 'source/host', ...at }));
    return { diagnostics: ds };
  }
  const h = hosts[0]!;
  const transport = r.attr(h, 'transport') ?? 'tcp';
  const cand =
    transport === 'unix'
      ? { transport: 'unix', path: r.attr(h, 'socket') ?? '' }
      : { transport, host: r.attr(h, 'name') ?? '', port: Number(r.attr(h, 'port') ?? NBD_DEFAULT_PORT) };
  const server = NbdServerSchema.safeParse(cand);
  if (!server.success) {
    ds.push(diag('LV-NBD-XL', 'error', `This NBD server cannot be written as an xl nbd: target (${server.error.issues[0]?.message ?? 'invalid'}).`, { subject: 'source/host', ...(h.at && { at: h.at }) }));
    return { diagnostics: ds };
  }
  const t: NbdTarget = { kind: 'nbd', via: 'qdisk', server: server.data, ...(name !== undefined && name !== '' && { exportName: name }) };
  const target = encodeTarget(t).target;
  ds.push(
    diag(
      'LV-NBD-XL',
      'info',
      `The NBD disk becomes target=${target} with backendtype=qdisk (qemu reads NBD itself). libvirt's converter refuses it: "Unsupported network block protocol 'nbd'".`,
      at,
    ),
  );
  return { target, diagnostics: ds };
}
