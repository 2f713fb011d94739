/**
 * Helpers the target codecs share: the result shape, error ranges, host:port parsing, backslash
 * escapes (qemu's rbd rules), and the "raw text" bookkeeping that makes round trips byte-exact.
 */

/** A malformed target: what is wrong, and the offsets `[from, to)` in the target string. */
export type TargetError = { message: string; from: number; to: number };

export type Decoded<T> = { ok: true; target: T } | { ok: false; error: TargetError };

export type Fail = { ok: false; error: TargetError };

/**
 * An error about `[from, to)` of `text`. An empty range is widened to one neighbouring character
 * so there is always something to underline (nothing only when the text itself is empty).
 */
export function fail(text: string, message: string, from: number, to: number): Fail {
  let a = Math.max(0, Math.min(from, text.length));
  let b = Math.max(a, Math.min(to, text.length));
  if (a === b) {
    if (b < text.length) b++;
    else if (a > 0) a--;
  }
  return { ok: false, error: { message, from: a, to: b } };
}

/** Structural equality of plain data, treating a key set to undefined like a missing key. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/** A copy without the `raw` key. */
export function withoutRaw<T extends { raw?: string }>(t: T): Omit<T, 'raw'> {
  const { raw: _raw, ...rest } = t;
  return rest;
}

/**
 * Attach the written text to a freshly decoded structure when its canonical spelling differs.
 */
export function rememberRaw<T extends { raw?: string }>(t: T, text: string, canonical: (t: T) => string): T {
  return canonical(t) === text ? t : { ...t, raw: text };
}

/**
 * The text to write for a structure: its `raw` text while that still decodes to the same
 * structure, else the canonical spelling.
 */
export function spell<T extends { raw?: string }>(
  t: T,
  canonical: (t: T) => string,
  decode: (text: string) => Decoded<T>,
): string {
  if (t.raw !== undefined) {
    const back = decode(t.raw);
    if (back.ok && sameValue(withoutRaw(back.target), withoutRaw(t))) return t.raw;
  }
  return canonical(withoutRaw(t) as T);
}

// ---------------------------------------------------------------------------------------------
// Backslash escapes, as qemu's rbd driver reads them: a backslash makes the next character
// literal; a backslash at the very end of the string stays a backslash.

/** The first `ch` at or after `from` (and before `to`) that is not escaped, or -1. */
export function findUnescaped(s: string, ch: string, from: number, to: number = s.length): number {
  for (let i = from; i < to; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      i++;
      continue;
    }
    if (s[i] === ch) return i;
  }
  return -1;
}

export function unescape(s: string): string {
  // most names hold no backslash: no copy, character by character
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) i++;
    out += s[i];
  }
  return out;
}

/** Backslash every character of `s` that is in `chars` (which should include the backslash). */
export function escapeChars(s: string, chars: string): string {
  // most names need no escape: no copy, character by character (chars are ASCII)
  let i = 0;
  while (i < s.length && !chars.includes(s[i]!)) i++;
  if (i === s.length) return s;
  let out = '';
  for (const c of s) out += chars.includes(c) ? `\\${c}` : c;
  return out;
}

/** One character after escape processing, with where it was written. */
export type Unit = { ch: string; esc: boolean; from: number; to: number };

export function units(s: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  for (let i = from; i < to; i++) {
    if (s[i] === '\\' && i + 1 < s.length && i + 1 < to) {
      out.push({ ch: s[i + 1]!, esc: true, from: i, to: i + 2 });
      i++;
    } else {
      out.push({ ch: s[i]!, esc: false, from: i, to: i + 1 });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hosts and ports

/** An IPv6 address (optionally with a zone), as it stands inside brackets. */
export const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?$/;

/** A TCP port 1–65535 written in decimal (leading zeros allowed), or an error about it. */
export function parsePort(text: string, portText: string, from: number): { ok: true; port: number } | Fail {
  if (portText === '') return fail(text, 'missing port number', from, from);
  const n = /^[0-9]+$/.test(portText) ? Number(portText) : NaN;
  if (!(n >= 1 && n <= 65535)) {
    return fail(text, `bad port '${portText}': expected a number from 1 to 65535`, from, from + portText.length);
  }
  return { ok: true, port: n };
}

/** `host` in brackets when it is an IPv6 address. */
export function bracketHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * `HOST:PORT` or `[IPV6]:PORT` in `text[from, to)` (no escapes: the nbd forms). The host comes
 * back without brackets.
 */
export function parseHostPort(
  text: string,
  from: number,
  to: number,
): { ok: true; host: string; port: number } | Fail {
  const spec = text.slice(from, to);
  if (spec === '') return fail(text, 'missing server: expected HOST:PORT', from, to);
  let host: string;
  let portFrom: number;
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']');
    if (close === -1) return fail(text, "unclosed '[' around an IPv6 address", from, to);
    host = spec.slice(1, close);
    if (!IPV6.test(host)) return fail(text, `'${host}' is not an IPv6 address`, from, from + close + 1);
    if (close + 1 >= spec.length || spec[close + 1] !== ':') {
      return fail(text, "expected ':PORT' after the bracketed address", from + close + 1, to);
    }
    portFrom = from + close + 2;
  } else {
    const colon = spec.indexOf(':');
    if (colon === -1) return fail(text, 'missing port: expected HOST:PORT', from, to);
    host = spec.slice(0, colon);
    if (host === '') return fail(text, 'missing host before the port', from, from + 1);
    if (spec.indexOf(':', colon + 1) !== -1) {
      return fail(text, 'an IPv6 address must be written in brackets: [2001:db8::1]:PORT', from, to);
    }
    if (/[\s[\]]/.test(host)) return fail(text, `bad host '${host}'`, from, from + colon);
    portFrom = from + colon + 1;
  }
  const port = parsePort(text, text.slice(portFrom, to), portFrom);
  if (!port.ok) return port;
  return { ok: true, host, port: port.port };
}
