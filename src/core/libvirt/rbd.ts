/**
 * RBD disks: an xl `rbd:` target ⇄ `<source protocol='rbd' name='POOL/IMAGE'>` with its
 * `<host>`s, `<snapshot>`, `<config>` and `<auth>`.
 *
 * xl → libvirt follows libvirt's converter (one `<host>` per monitor, port only when given,
 * brackets of IPv6 addresses removed) and does better where it is wrong: `id=` becomes an
 * `<auth>` whose secret names a usage libvirt can resolve; `key=` is never written.
 *
 * libvirt → xl writes what libvirt's live libxl driver hands to qdisk, in its order
 * (`rbd:POOL/IMAGE[@SNAP][:id=ID]:auth_supported=…[:mon_host=…][:conf=…]`), but keeps snapshot,
 * config file and user, and escapes IPv6 monitors so that xl's config reader accepts them.
 * The monitor list is written by the target codec (src/core/xl/targets).
 */
import type { MonHost, RbdOption, RbdTarget } from '../model/target';
import { MonHostSchema } from '../model/target';
import { encodeTarget } from '../xl/targets';
import { type LvDiagnostic, diag } from './diagnostics';
import type { Reader } from './reader';
import { DEFAULT_SECRET_USAGE, UUID_RE, secretUsageFor, validSecretUsage } from './secret';
import { el, type XEl } from './xmlTree';

export type RbdSecretRef = {
  /** Usage name template (`{id}` → the Ceph user); default `client.{id} secret`. */
  usage?: string;
  /** Name the secret by UUID instead of usage. */
  uuid?: string;
};

/** libvirt's schema for a `<host name>`: a DNS name, an IPv4 or an IPv6 address. */
const HOST_NAME = /^([a-zA-Z0-9.-]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;
/** libvirt's schema for `<auth username>` and `<snapshot name>`. */
const GENERIC_NAME = /^[a-zA-Z0-9_+-]+$/;

export type RbdToXml = {
  source: XEl;
  diagnostics: LvDiagnostic[];
  /** The Ceph user and key, for the secret setup (rbdSecret). */
  username?: string;
  key?: string;
};

function isImplicitAuthSupported(o: Extract<RbdOption, { kind: 'auth_supported' }>, hasId: boolean): boolean {
  return hasId ? o.methods[0] === 'cephx' : o.methods.length === 1 && o.methods[0] === 'none';
}

/** The `<source>` of an RBD target. */
export function rbdToSource(t: RbdTarget, secret: RbdSecretRef = {}): RbdToXml {
  const ds: LvDiagnostic[] = [];
  const name = [t.pool, ...(t.namespace !== undefined ? [t.namespace] : []), t.image].join('/');
  const hosts: MonHost[] = [];
  let id: string | undefined;
  let key: string | undefined;
  let conf: string | undefined;
  const hasId = t.options.some((o) => o.kind === 'id');
  for (const o of t.options) {
    switch (o.kind) {
      case 'mon_host':
        hosts.push(...o.hosts);
        break;
      case 'id':
        if (id === undefined) id = o.value;
        else ds.push(diag('LV-RBD-OPTION-DROPPED', 'warning', `A second id=${o.value} is dropped (libvirt's converter refuses the whole config: duplicate id).`, { subject: 'id' }));
        break;
      case 'conf':
        conf = o.value;
        break;
      case 'key':
        key = o.value;
        ds.push(
          diag(
            'LV-RBD-KEY',
            'warning',
            'The Ceph key (key=) is not written into the domain XML: libvirt keeps keys in secret objects. Define the secret with the commands xldisk gives (virsh secret-define, virsh secret-set-value). libvirt\'s converter drops the key silently.',
            { subject: 'key' },
          ),
        );
        break;
      case 'auth_supported':
        if (!isImplicitAuthSupported(o, hasId)) {
          ds.push(
            diag('LV-RBD-OPTION-DROPPED', 'warning', `auth_supported=${o.methods.join(';')} has no <source> counterpart and is dropped (libvirt's libxl driver uses ${hasId ? 'cephx;none' : 'none'}); libvirt's converter drops it silently too.`, { subject: 'auth_supported' }),
          );
        }
        break;
      case 'keyring':
        ds.push(diag('LV-RBD-OPTION-DROPPED', 'warning', `keyring=${o.value} has no <source> counterpart and is dropped (as libvirt's converter does); put the key in a libvirt secret instead.`, { subject: 'keyring' }));
        break;
      case 'other':
        ds.push(diag('LV-RBD-OPTION-DROPPED', 'warning', `The RBD option ${o.name}=${o.value} has no <source> counterpart and is dropped (as libvirt's converter does).`, { subject: o.name }));
        break;
    }
  }
  const children: XEl[] = [];
  for (const h of hosts) {
    if (!HOST_NAME.test(h.host)) {
      ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The monitor host '${h.host}' is not a name libvirt's schema accepts (letters, digits, '.', '-' or an IP address).`, { subject: 'mon_host' }));
    }
    children.push(el('host', { name: h.host, port: h.port }));
  }
  if (t.snapshot !== undefined) {
    if (!GENERIC_NAME.test(t.snapshot)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The snapshot name '${t.snapshot}' is not one libvirt's schema accepts ([a-zA-Z0-9_+-]).`, { subject: 'snapshot' }));
    children.push(el('snapshot', { name: t.snapshot }));
  }
  if (conf !== undefined) {
    if (!conf.startsWith('/')) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The config file '${conf}' is not an absolute path, which libvirt's schema requires.`, { subject: 'conf' }));
    children.push(el('config', { file: conf }));
  }
  if (id !== undefined) {
    let ref: Record<string, string>;
    if (secret.uuid !== undefined) {
      ref = { type: 'ceph', uuid: secret.uuid };
      if (!UUID_RE.test(secret.uuid)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The secret uuid '${secret.uuid}' is not a UUID.`, { subject: 'id' }));
    } else {
      const usage = secretUsageFor(id, secret.usage ?? DEFAULT_SECRET_USAGE);
      if (!validSecretUsage(usage)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The secret usage '${usage}' is not valid (it must be non-empty, without '/' or a newline).`, { subject: 'id' }));
      ref = { type: 'ceph', usage };
    }
    if (!GENERIC_NAME.test(id)) ds.push(diag('LV-SOURCE-SCHEMA', 'warning', `The Ceph user '${id}' is not a username libvirt's schema accepts ([a-zA-Z0-9_+-], no dots; leave out 'client.').`, { subject: 'id' }));
    children.push(el('auth', { username: id }, [el('secret', ref)]));
    ds.push(
      diag(
        'LV-RBD-AUTH',
        'info',
        `id=${id} becomes <auth username='${id}'> with <secret type='ceph' ${secret.uuid !== undefined ? `uuid='${secret.uuid}'` : `usage='${ref.usage}'`}/>; that secret must exist in libvirt and hold the key. libvirt's converter writes a <secret type='ceph'/> with neither usage nor uuid, which its schema and its own XML parser reject.`,
        { subject: 'id' },
      ),
    );
  }
  return { source: el('source', { protocol: 'rbd', name }, children), diagnostics: ds, ...(id !== undefined && { username: id }), ...(key !== undefined && { key }) };
}

export type RbdFromXml = { target?: string; diagnostics: LvDiagnostic[] };

export type RbdXlOptions = {
  /** A Ceph key to write as key= (only when the user supplies it on purpose). */
  key?: string;
};

/**
 * The xl target of an RBD `<source>`. `auth` is the `<auth>` found inside the source or at disk
 * level.
 */
export function rbdFromSource(r: Reader, source: XEl, auth: XEl | undefined, opts: RbdXlOptions = {}): RbdFromXml {
  const ds: LvDiagnostic[] = [];
  const name = r.attr(source, 'name');
  const at = source.at;
  const slash = name?.indexOf('/') ?? -1;
  if (name === undefined || slash <= 0 || slash === name.length - 1) {
    ds.push(diag('LV-RBD-NAME', 'error', `An RBD source needs name='POOL/IMAGE' (got ${name === undefined ? 'no name' : `'${name}'`}); libvirt cannot split it into pool and image either.`, { subject: 'source/@name', ...(at && { at }) }));
    return { diagnostics: ds };
  }
  const pool = name.slice(0, slash);
  let image = name.slice(slash + 1);
  let namespace: string | undefined;
  const ns = image.indexOf('/');
  if (ns > 0 && ns < image.length - 1) {
    namespace = image.slice(0, ns);
    image = image.slice(ns + 1);
  }
  const options: RbdOption[] = [];
  let username = auth ? r.attr(auth, 'username') : undefined;
  if (username?.startsWith('client.')) {
    ds.push(
      diag('LV-RBD-USER', 'warning', `The Ceph user is written id=${username.slice(7)}: libvirt and qemu name the user without 'client.' (with it, Ceph would look for client.${username}).`, { subject: 'auth/@username', ...(auth?.at && { at: auth.at }) }),
    );
    username = username.slice(7);
  }
  if (auth) {
    const secret = r.child(auth, 'secret');
    if (secret) {
      r.attr(secret, 'type');
      const usage = r.attr(secret, 'usage');
      const uuid = r.attr(secret, 'uuid');
      ds.push(
        diag(
          'LV-RBD-KEPT',
          'info',
          `The Ceph user is kept as id=${username ?? '?'}; the key stays in libvirt's secret (${usage !== undefined ? `usage '${usage}'` : uuid !== undefined ? `uuid ${uuid}` : 'unnamed'}). xl then reads it from the Ceph keyring on the host (/etc/ceph/ceph.client.${username ?? 'ID'}.keyring) unless key= is added. libvirt's converter drops <auth> entirely.`,
          { subject: 'auth', ...(auth.at && { at: auth.at }) },
        ),
      );
    }
  }
  if (username !== undefined && username !== '') options.push({ kind: 'id', value: username });
  if (username !== undefined && opts.key !== undefined) options.push({ kind: 'key', value: opts.key });
  options.push({ kind: 'auth_supported', methods: username ? ['cephx', 'none'] : ['none'], separator: '\\;' });
  const hosts: MonHost[] = [];
  for (const h of r.children(source, 'host')) {
    const hostName = r.attr(h, 'name');
    const port = r.attr(h, 'port');
    const transport = r.attr(h, 'transport');
    const hat = h.at ? { at: h.at } : {};
    if (transport !== undefined && transport !== 'tcp') {
      ds.push(diag('LV-RBD-HOST', 'warning', `A monitor with transport '${transport}' cannot be written in mon_host; it is dropped.`, { subject: 'source/host', ...hat }));
      continue;
    }
    const portNum = port === undefined || port === '' || port === '0' ? undefined : Number(port);
    const cand = { host: hostName ?? '', ...(portNum !== undefined && { port: portNum }) };
    const ok = MonHostSchema.safeParse(cand);
    if (!ok.success) {
      ds.push(diag('LV-RBD-HOST', 'warning', `The monitor '${hostName ?? ''}${port !== undefined ? `:${port}` : ''}' cannot be written in mon_host (${ok.error.issues[0]?.message ?? 'invalid'}); it is dropped.`, { subject: 'source/host', ...hat }));
      continue;
    }
    hosts.push(ok.data);
    if (ok.data.host.includes(':')) {
      ds.push(
        diag('LV-RBD-IPV6', 'info', `The IPv6 monitor ${ok.data.host} is written [${ok.data.host.replace(/:/g, '\\:')}], with the backslashes doubled in a config file; libvirt's converter writes single backslashes there, which xl's config reader rejects.`, { subject: 'source/host', ...hat }),
      );
    }
  }
  if (hosts.length > 0) options.push({ kind: 'mon_host', hosts, separator: '\\;' });
  const snap = r.child(source, 'snapshot');
  const snapshot = snap ? r.attr(snap, 'name') : undefined;
  const config = r.child(source, 'config');
  const conf = config ? r.attr(config, 'file') : undefined;
  if (conf !== undefined && conf !== '') options.push({ kind: 'conf', value: conf });
  if ((snapshot !== undefined && snapshot !== '') || (conf !== undefined && conf !== '')) {
    ds.push(diag('LV-RBD-KEPT', 'info', `${[snapshot && 'The snapshot', conf && 'the config file'].filter(Boolean).join(' and ')} ${snapshot && conf ? 'are' : 'is'} kept in the rbd: target; libvirt's converter drops ${snapshot && conf ? 'them' : 'it'}.`, { subject: 'source' }));
  }
  const t: RbdTarget = {
    kind: 'rbd',
    pool,
    ...(namespace !== undefined && { namespace }),
    image,
    ...(snapshot !== undefined && snapshot !== '' && { snapshot }),
    options,
  };
  return { target: encodeTarget(t).target, diagnostics: ds };
}
