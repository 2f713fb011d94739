/**
 * Ceph (RBD) authentication the libvirt way: the disk only names a secret object
 * (`<auth username='ID'><secret type='ceph' usage='…'/></auth>`); the key itself lives in that
 * secret, defined once per host with `virsh secret-define` and `virsh secret-set-value`.
 * The key never appears in domain XML, and in the commands only when asked (revealKey).
 */
import { el, printXml, textEl } from './xmlTree';

/** The usage name written when none is given: `client.ID secret` (libvirt's documented example style). */
export const DEFAULT_SECRET_USAGE = 'client.{id} secret';

/** The usage name for a Ceph user: `{id}` in the template is replaced by the user name. */
export function secretUsageFor(id: string, template: string = DEFAULT_SECRET_USAGE): string {
  return template.split('{id}').join(id);
}

/** libvirt's schema for a secret usage name: any text without `/` or a newline. */
export function validSecretUsage(usage: string): boolean {
  return usage !== '' && !/[/\n]/.test(usage);
}

export const UUID_RE = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export type RbdSecretOptions = {
  /** The Ceph user (without `client.`). */
  username: string;
  /** The usage name; default `client.ID secret`. `{id}` is replaced by the user. */
  usage?: string;
  /** The secret's UUID; default a new random one. */
  uuid?: string;
  /** The Ceph key (base64). Without it, the commands carry a placeholder. */
  key?: string;
  /** Print the key in the commands; otherwise it is masked. */
  revealKey?: boolean;
};

export type RbdSecretSetup = {
  uuid: string;
  usage: string;
  /** The `<secret>` document for `virsh secret-define`. */
  xml: string;
  /** Suggested file names for the XML and the key. */
  xmlFile: string;
  keyFile: string;
  /** Shell commands, in order: define the secret, write the key file, set the value, remove the file. */
  commands: string[];
  /** Whether the real key appears in `commands`. */
  keyShown: boolean;
};

export const MASKED_KEY = '********';
export const KEY_PLACEHOLDER = '<base64 key of client.{id}>';

/** A word for a POSIX shell, single-quoted when it needs quoting. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A random (version 4) UUID. randomUUID exists only in secure contexts; getRandomValues everywhere. */
export function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The secret XML and the virsh commands that store an RBD key for libvirt. */
export function rbdSecret(o: RbdSecretOptions): RbdSecretSetup {
  const usage = secretUsageFor(o.username, o.usage ?? DEFAULT_SECRET_USAGE);
  const uuid = o.uuid ?? randomUuid();
  const doc = el('secret', { ephemeral: 'no', private: 'yes' }, [
    textEl('uuid', uuid),
    textEl('description', `Ceph key of client.${o.username}`),
    el('usage', { type: 'ceph' }, [textEl('name', usage)]),
  ]);
  const base = `ceph-client.${o.username.replace(/[^A-Za-z0-9_.+-]/g, '_')}`;
  const xmlFile = `${base}.secret.xml`;
  const keyFile = `${base}.key`;
  const keyShown = o.key !== undefined && o.revealKey === true;
  const keyText = o.key === undefined ? KEY_PLACEHOLDER.replace('{id}', o.username) : keyShown ? o.key : MASKED_KEY;
  const commands = [
    `virsh secret-define --file ${shellQuote(xmlFile)}`,
    `(umask 077; printf '%s' ${shellQuote(keyText)} > ${shellQuote(keyFile)})`,
    `virsh secret-set-value --secret ${uuid} --file ${shellQuote(keyFile)}`,
    `rm ${shellQuote(keyFile)}`,
  ];
  return { uuid, usage, xml: printXml(doc), xmlFile, keyFile, commands, keyShown };
}
