/**
 * RBD targets: qemu's `rbd:` filename, which xl passes through to qdisk untouched.
 *
 * `rbd:POOL/[NAMESPACE/]IMAGE[@SNAPSHOT][:NAME=VALUE[:NAME=VALUE...]]`, read the way qemu's rbd
 * driver reads it (qemu_rbd_parse_filename): the pool ends at the first unescaped `/`; an
 * unescaped `@` anywhere after it starts the snapshot; `:` separates options; a backslash makes
 * the next character literal. Option values are lists for `mon_host` (monitors `HOST`,
 * `HOST\:PORT` or `[IPV6]\:PORT`, separated by `;`, `,` or a blank, escaped or not) and
 * `auth_supported`.
 *
 * Strings are at the disk-spec level (single backslashes); the config writer doubles them.
 */
import type { MonHost, RbdListSeparator, RbdOption, RbdTarget } from '../../model/target';
import { DEFAULT_RBD_LIST_SEPARATOR } from '../../model/target';
import {
  type Decoded,
  type Fail,
  IPV6,
  type Unit,
  escapeChars,
  fail,
  findUnescaped,
  parsePort,
  rememberRaw,
  spell,
  unescape,
  units,
} from './shared';

/** Characters the canonical spelling escapes, per position. */
const NAME_PART_ESC = '\\/@:';
const SNAPSHOT_ESC = '\\@:';
const OPTION_NAME_ESC = '\\=:@';
const OPTION_VALUE_ESC = '\\:@';

const SEPARATOR_CHARS = ';, ';

// ---------------------------------------------------------------------------------------------
// Lists inside an option value (mon_host, auth_supported)

type ListItem = { units: Unit[]; from: number; to: number };

function splitList(
  s: string,
  from: number,
  to: number,
  what: string,
): { ok: true; items: ListItem[]; separator: RbdListSeparator } | Fail {
  if (from === to) return fail(s, `${what} needs a value`, from, to);
  const items: ListItem[] = [];
  let separator: RbdListSeparator | undefined;
  let cur: Unit[] = [];
  let curFrom = from;
  for (const u of units(s, from, to)) {
    if (SEPARATOR_CHARS.includes(u.ch)) {
      if (cur.length === 0) return fail(s, `empty item in ${what}`, u.from, u.to);
      items.push({ units: cur, from: curFrom, to: u.from });
      separator ??= (u.esc ? `\\${u.ch}` : u.ch) as RbdListSeparator;
      cur = [];
      curFrom = u.to;
    } else {
      cur.push(u);
    }
  }
  if (cur.length === 0) return fail(s, `empty item at the end of ${what}`, to - 1, to);
  items.push({ units: cur, from: curFrom, to });
  return { ok: true, items, separator: separator ?? DEFAULT_RBD_LIST_SEPARATOR };
}

/** The characters of `us` (a loop: a config's monitor lists are read once per RBD disk). */
function text(us: Unit[]): string {
  let s = '';
  for (const u of us) s += u.ch;
  return s;
}

function parseMonHost(s: string, item: ListItem): { ok: true; host: MonHost } | Fail {
  const us = item.units;
  const bare = us.find((u) => u.ch === ':' && !u.esc);
  let hostUnits: Unit[];
  let rest: Unit[];
  if (us[0]!.ch === '[' && !us[0]!.esc) {
    const close = us.findIndex((u) => u.ch === ']' && !u.esc);
    if (bare && (close === -1 || bare.from < us[close]!.from)) {
      return fail(s, "unescaped ':' inside an IPv6 monitor address: write [2001\\:db8\\:\\:1]\\:6789", bare.from, bare.to);
    }
    if (bare) return fail(s, "unescaped ':' before a monitor port: write [IPV6]\\:PORT", bare.from, bare.to);
    if (close === -1) return fail(s, "unclosed '[' around an IPv6 monitor address", item.from, item.to);
    hostUnits = us.slice(1, close);
    const host = text(hostUnits);
    if (!IPV6.test(host)) {
      return fail(s, `'${host}' is not an IPv6 address`, item.from, us[close]!.to);
    }
    rest = us.slice(close + 1);
    if (rest.length > 0 && rest[0]!.ch !== ':') {
      return fail(s, "expected '\\:PORT' after the bracketed address", rest[0]!.from, item.to);
    }
  } else {
    if (bare) return fail(s, "unescaped ':' in a monitor address: write HOST\\:PORT", bare.from, bare.to);
    const colon = us.findIndex((u) => u.ch === ':');
    hostUnits = colon === -1 ? us : us.slice(0, colon);
    rest = colon === -1 ? [] : us.slice(colon);
    if (hostUnits.length === 0) return fail(s, 'missing monitor host before the port', item.from, us[0]!.to);
    if (rest.slice(1).some((u) => u.ch === ':')) {
      return fail(s, 'an IPv6 monitor address must be written in brackets: [2001\\:db8\\:\\:1]\\:6789', item.from, item.to);
    }
    const host = text(hostUnits);
    if (/[\s[\]\\]/.test(host)) {
      return fail(s, `bad monitor host '${host}'`, item.from, hostUnits[hostUnits.length - 1]!.to);
    }
  }
  const host = text(hostUnits);
  if (rest.length === 0) return { ok: true, host: { host } };
  // rest[0] is the port separator ':'
  const portUnits = rest.slice(1);
  const portFrom = rest[0]!.to;
  if (portUnits.length === 0) return fail(s, "missing port after '\\:'", rest[0]!.from, rest[0]!.to);
  const port = parsePort(s, text(portUnits), portFrom);
  if (!port.ok) return fail(s, port.error.message, portFrom, item.to);
  return { ok: true, host: { host, port: port.port } };
}

/** A character of a plain host name (no escape, bracket, blank or separator). */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95;
}

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isSeparatorCode = (c: number) => c === 59 || c === 44 || c === 32;

/**
 * The usual monitor lists (`a\:6789\;b\:6789`: plain names or IPv4 addresses, ports written
 * `\:PORT`) read without a character object per character: an RBD disk is decoded once per read
 * and config of thousands of them. Anything else (brackets, other escapes, errors) is left to
 * the general reader (undefined), which gives the same result for these.
 */
function plainMonHosts(s: string, from: number, to: number): { ok: true; hosts: MonHost[]; separator: RbdListSeparator } | undefined {
  const hosts: MonHost[] = [];
  let separator: RbdListSeparator | undefined;
  let i = from;
  for (;;) {
    const hostFrom = i;
    while (i < to && isHostChar(s.charCodeAt(i))) i++;
    if (i === hostFrom) return undefined;
    const host = s.slice(hostFrom, i);
    if (i + 1 < to && s.charCodeAt(i) === 92 && s.charCodeAt(i + 1) === 58) {
      const portFrom = i + 2;
      i = portFrom;
      while (i < to && isDigitCode(s.charCodeAt(i))) i++;
      const port = Number(s.slice(portFrom, i));
      if (i === portFrom || !(port >= 1 && port <= 65535)) return undefined;
      hosts.push({ host, port });
    } else hosts.push({ host });
    if (i === to) return { ok: true, hosts, separator: separator ?? DEFAULT_RBD_LIST_SEPARATOR };
    // a separator, escaped or not, with an item after it
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < to && isSeparatorCode(s.charCodeAt(i + 1))) {
      separator ??= s.slice(i, i + 2) as RbdListSeparator;
      i += 2;
    } else if (isSeparatorCode(c)) {
      separator ??= s[i] as RbdListSeparator;
      i += 1;
    } else return undefined;
  }
}

function monHostsIn(
  s: string,
  from: number,
  to: number,
): { ok: true; hosts: MonHost[]; separator: RbdListSeparator } | Fail {
  const plain = plainMonHosts(s, from, to);
  if (plain) return plain;
  const list = splitList(s, from, to, 'mon_host');
  if (!list.ok) return list;
  const hosts: MonHost[] = [];
  for (const item of list.items) {
    const h = parseMonHost(s, item);
    if (!h.ok) return h;
    hosts.push(h.host);
  }
  return { ok: true, hosts, separator: list.separator };
}

/**
 * Parse a `mon_host=` value at the disk-spec level, e.g. `a\:6789\;[2001\:db8\:\:1]\:6789`.
 * Error ranges are offsets in `value`.
 */
export function parseMonHosts(
  value: string,
): { ok: true; hosts: MonHost[]; separator: RbdListSeparator } | Fail {
  return monHostsIn(value, 0, value.length);
}

/** One monitor as written in a `mon_host=` value: `host`, `host\:port`, `[v6\:addr]\:port`. */
export function formatMonHost(m: MonHost): string {
  const host = escapeChars(m.host, OPTION_VALUE_ESC);
  const h = m.host.includes(':') ? `[${host}]` : host;
  return m.port === undefined ? h : `${h}\\:${m.port}`;
}

/** A `mon_host=` value (without the name), monitors joined by `separator` (default `\;`). */
export function formatMonHosts(hosts: readonly MonHost[], separator: RbdListSeparator = DEFAULT_RBD_LIST_SEPARATOR): string {
  return hosts.map(formatMonHost).join(separator);
}

// ---------------------------------------------------------------------------------------------
// Options

function decodeOption(s: string, name: string, optFrom: number, from: number, to: number): { ok: true; option: RbdOption } | Fail {
  switch (name) {
    case 'id':
    case 'key':
    case 'keyring':
    case 'conf': {
      const value = unescape(s.slice(from, to));
      if (value === '') return fail(s, `${name}= needs a value`, optFrom, to);
      return { ok: true, option: { kind: name, value } };
    }
    case 'auth_supported': {
      const list = splitList(s, from, to, 'auth_supported');
      if (!list.ok) return list;
      for (const item of list.items) {
        const m = text(item.units);
        if (/[\s[\]\\]/.test(m)) return fail(s, `bad authentication method '${m}'`, item.from, item.to);
      }
      return {
        ok: true,
        option: { kind: 'auth_supported', methods: list.items.map((i) => text(i.units)), separator: list.separator },
      };
    }
    case 'mon_host': {
      const hosts = monHostsIn(s, from, to);
      if (!hosts.ok) return hosts;
      return { ok: true, option: { kind: 'mon_host', hosts: hosts.hosts, separator: hosts.separator } };
    }
    default:
      return { ok: true, option: { kind: 'other', name, value: unescape(s.slice(from, to)) } };
  }
}

function encodeOption(o: RbdOption): string {
  switch (o.kind) {
    case 'auth_supported':
      return `auth_supported=${o.methods.map((m) => escapeChars(m, OPTION_VALUE_ESC)).join(o.separator)}`;
    case 'mon_host':
      return `mon_host=${formatMonHosts(o.hosts, o.separator)}`;
    case 'other':
      return `${escapeChars(o.name, OPTION_NAME_ESC)}=${escapeChars(o.value, OPTION_VALUE_ESC)}`;
    default:
      return `${o.kind}=${escapeChars(o.value, OPTION_VALUE_ESC)}`;
  }
}

/** Whether the unescaped `[` in `s[from, to)` is still open at its end. */
function openBracket(s: string, from: number, to: number): boolean {
  let open = false;
  for (const u of units(s, from, to)) {
    if (!u.esc && u.ch === '[') open = true;
    if (!u.esc && u.ch === ']') open = false;
  }
  return open;
}

// ---------------------------------------------------------------------------------------------

/** The canonical spelling of an RBD target (ignores `raw`). */
export function canonicalRbd(t: RbdTarget): string {
  let out = `rbd:${escapeChars(t.pool, NAME_PART_ESC)}/`;
  if (t.namespace !== undefined) out += `${escapeChars(t.namespace, NAME_PART_ESC)}/`;
  out += escapeChars(t.image, NAME_PART_ESC);
  if (t.snapshot !== undefined) out += `@${escapeChars(t.snapshot, SNAPSHOT_ESC)}`;
  for (const o of t.options) out += `:${encodeOption(o)}`;
  return out;
}

/** Decode a target string starting with `rbd:`. */
export function decodeRbd(s: string): Decoded<RbdTarget> {
  const usage = 'an RBD target is rbd:POOL/IMAGE[@SNAPSHOT][:NAME=VALUE...]';
  if (!s.startsWith('rbd:')) return fail(s, `not an RBD target: ${usage}`, 0, s.length);
  const len = s.length;
  const start = 4;

  // pool
  const slash = findUnescaped(s, '/', start);
  const colon = findUnescaped(s, ':', start);
  if (slash === -1 || (colon !== -1 && colon < slash)) {
    return fail(s, `missing pool: ${usage}`, start, colon === -1 ? len : colon);
  }
  if (slash === start) return fail(s, 'empty pool name', start, slash + 1);
  const pool = unescape(s.slice(start, slash));

  // image, snapshot
  const p = slash + 1;
  const at = findUnescaped(s, '@', p);
  const colon2 = findUnescaped(s, ':', p);
  if (at !== -1 && colon2 !== -1 && colon2 < at) {
    return fail(s, "unescaped '@' in an option: qemu would take it for the snapshot separator; write \\@", at, at + 1);
  }
  let imageEnd: number;
  let optStart: number;
  let snapshot: string | undefined;
  if (at !== -1) {
    imageEnd = at;
    const snapEnd = colon2 === -1 ? len : colon2;
    if (snapEnd === at + 1) return fail(s, 'empty snapshot name after @', at, at + 1);
    snapshot = unescape(s.slice(at + 1, snapEnd));
    optStart = snapEnd;
  } else {
    imageEnd = colon2 === -1 ? len : colon2;
    optStart = imageEnd;
  }
  let imageFrom = p;
  let namespace: string | undefined;
  const ns = findUnescaped(s, '/', p, imageEnd);
  if (ns !== -1) {
    if (ns === p) return fail(s, 'empty namespace name', ns, ns + 1);
    namespace = unescape(s.slice(p, ns));
    imageFrom = ns + 1;
  }
  if (imageEnd === imageFrom) return fail(s, 'empty image name', imageFrom - 1, imageFrom + (imageEnd < len ? 1 : 0));
  const image = unescape(s.slice(imageFrom, imageEnd));

  // options
  const options: RbdOption[] = [];
  if (optStart < len) {
    let q = optStart + 1;
    for (;;) {
      const end = findUnescaped(s, ':', q);
      const optEnd = end === -1 ? len : end;
      const eq = findUnescaped(s, '=', q, optEnd);
      if (eq === -1) {
        if (optEnd === q) return fail(s, "empty option: remove the extra ':'", q - 1, q);
        return fail(s, `option '${s.slice(q, optEnd)}' has no value: expected NAME=VALUE`, q, optEnd);
      }
      if (eq === q) return fail(s, 'empty option name', q, q + 1);
      const name = unescape(s.slice(q, eq));
      if (name === 'mon_host' && end !== -1) {
        // an unescaped ':' cut the monitor list short when what follows is not an option
        const nextEnd = findUnescaped(s, ':', end + 1);
        if (findUnescaped(s, '=', end + 1, nextEnd === -1 ? len : nextEnd) === -1) {
          const message = openBracket(s, eq + 1, optEnd)
            ? "unescaped ':' inside an IPv6 monitor address: write [2001\\:db8\\:\\:1]\\:6789"
            : "unescaped ':' in mon_host: write a monitor's port as HOST\\:PORT";
          return fail(s, message, end, end + 1);
        }
      }
      const o = decodeOption(s, name, q, eq + 1, optEnd);
      if (!o.ok) return o;
      options.push(o.option);
      if (end === -1) break;
      q = end + 1;
    }
  }

  const t: RbdTarget = {
    kind: 'rbd',
    pool,
    ...(namespace !== undefined && { namespace }),
    image,
    ...(snapshot !== undefined && { snapshot }),
    options,
  };
  return { ok: true, target: rememberRaw(t, s, canonicalRbd) };
}

/** The target string for an RBD target: its raw text while still valid, else canonical. */
export function encodeRbd(t: RbdTarget): string {
  return spell(t, canonicalRbd, decodeRbd);
}
