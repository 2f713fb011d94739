/**
 * xl's disk-spec parser: one spec string, or several parts as `xl block-attach` gets them,
 * to the disk libxl would build, with xl's own error messages and the range of the text each
 * one is about. Behaviour is libxlutil's (Xen 4.17): the scanner actions of libxlu_disk_l.l and
 * the final defaults of libxlu_disk.c. Re-implemented, not translated; see the shared spec §4.
 */
import type { Disk, Format, LibxlDisk } from '../model/disk';
import { FORMAT_PREFIXES, PartScanner, SCANNER_OVERFLOW_BYTES, SCRIPT_PREFIXES, StepResult, type Token } from './diskScanner';

export type SpecError = {
  /** xl's message, e.g. `unknown value for format`. */
  message: string;
  /** The text xl quotes after `near`, when it quotes one. */
  near?: string;
  /** Which part (0 for a single spec) and the offsets in it of the text the error is about. */
  part: number;
  from: number;
  to: number;
};

export type ParseOptions = {
  /** Keep the scanned tokens (for the linter and editors). */
  tokens?: boolean;
};

export type ScannedToken = Token & { part: number };

export type DiskParse =
  | { ok: true; disk: Disk; libxl: LibxlDisk; errors: []; tokens?: ScannedToken[] }
  | {
      ok: false;
      errors: SpecError[];
      /**
       * xl dies instead of reporting: 'jammed' is flex's "flex scanner jammed" and exit status 2;
       * 'overflow' is a match of 16 KiB or more, which overflows libxlutil's scanner and
       * corrupts its heap (xl aborts or crashes; what it prints is not defined).
       */
      fatal?: 'jammed' | 'overflow';
      tokens?: ScannedToken[];
    };

type Enum<T> = T | undefined;

/** What flex prints when it jams, just before xl exits with status 2. */
export const JAMMED_MESSAGE = 'flex scanner jammed';
/** Ours: xl has no message for this, it crashes. */
export const OVERFLOW_MESSAGE = 'xl crashes here: a field or line of 16 KiB or more overflows the scanner of libxlutil (Xen 4.17)';

/** The scanner's state: libxl_device_disk as it fills, plus the context flags. */
class State {
  pdev_path?: string;
  vdev?: string;
  script?: string;
  backend_domname?: string;
  colo_host?: string;
  colo_export?: string;
  active_disk?: string;
  hidden_disk?: string;
  format: Enum<Format>;
  backend: Enum<'phy' | 'tap' | 'qdisk' | 'standalone'>;
  specification: Enum<'xen' | 'virtio'>;
  readwrite = 1;
  is_cdrom = 0;
  direct_io_safe = false;
  discard_enable?: boolean;
  colo_enable?: boolean;
  colo_port = 0;
  had_depr_prefix = false;
  access_set = false;
  errors: SpecError[] = [];
  part = 0;

  err(message: string, near: string | undefined, from: number, to: number) {
    this.errors.push({ message, near, part: this.part, from, to });
  }
}

type StringField = 'pdev_path' | 'vdev' | 'script' | 'backend_domname' | 'colo_host' | 'colo_export' | 'active_disk' | 'hidden_disk';

/** savestring(): a string may be set once, but an empty one may be overwritten silently. */
function saveString(st: State, what: string, field: StringField, value: string, from: number, to: number) {
  const cur = st[field];
  if (cur !== undefined && cur !== '') {
    st.err(`${what} respecified`, value, from, to);
    return;
  }
  st[field] = value;
}

/** DSET(): an enum may be set again only to the same value. */
function setEnum<K extends 'format' | 'backend' | 'specification'>(st: State, member: K, value: NonNullable<State[K]>, near: string, from: number, to: number) {
  const cur = st[member];
  if (cur !== undefined && cur !== value) st.err(`${member} respecified`, near, from, to);
  else st[member] = value;
}

const FORMAT_NAMES: Record<string, Format> = { '': 'raw', raw: 'raw', qcow: 'qcow', qcow2: 'qcow2', vhd: 'vhd', empty: 'empty', qed: 'qed' };
const BACKEND_NAMES = new Set(['phy', 'tap', 'qdisk', 'standalone']);

function setFormat(st: State, v: string, from: number, to: number) {
  const f = FORMAT_NAMES[v];
  if (f === undefined || !Object.hasOwn(FORMAT_NAMES, v)) st.err('unknown value for format', v, from, to);
  else setEnum(st, 'format', f, v, from, to);
}

function setAccess(st: State, v: string, from: number, to: number) {
  if (v === 'r' || v === 'ro') st.readwrite = 0;
  else if (v === 'rw' || v === 'w' || v === '') st.readwrite = 1;
  else st.err('unknown value for access', v, from, to);
}

/** C's atoi: blanks, a sign, digits; the long result truncated to int as glibc does. */
export function atoi(v: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(v)!;
  const digits = m[2].replace(/^0+/, '');
  if (!digits) return 0;
  let n: bigint = BigInt(digits);
  const LONG_MAX = 2n ** 63n - 1n;
  if (m[1] === '-') n = -n;
  if (n > LONG_MAX) n = LONG_MAX;
  if (n < -LONG_MAX - 1n) n = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, n));
}

/** vdev_and_devtype(): a positional `vdev:devtype`. Returns false when there is no colon. */
function vdevAndDevtype(st: State, text: string, from: number): boolean {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return false;
  saveString(st, 'vdev', 'vdev', text.slice(0, colon), from, from + colon);
  const type = text.slice(colon + 1);
  if (type === 'cdrom') st.is_cdrom = 1;
  else if (type === 'disk') st.is_cdrom = 0;
  else st.err('unknown deprecated type', type, from + colon + 1, from + text.length);
  return true;
}

/** The positional rule's action. Returns false when the scan stops. */
function positional(st: State, text: string, from: number): boolean {
  const to = from + text.length;
  if (st.errors.length) return true; // "previous errors may just lead to subsequent ones"
  if (st.pdev_path === undefined) {
    saveString(st, 'target', 'pdev_path', text, from, to);
  } else if (!st.had_depr_prefix && st.format === undefined) {
    if (st.pdev_path === '' && vdevAndDevtype(st, text, from)) st.format = 'empty';
    else setFormat(st, text, from, to);
  } else if (st.vdev === undefined) {
    if (!vdevAndDevtype(st, text, from)) saveString(st, 'vdev', 'vdev', text, from, to);
  } else if (!st.access_set) {
    st.access_set = true;
    setAccess(st, text, from, to);
  } else {
    st.err('too many positional parameters', text, from, to);
    return false;
  }
  return true;
}

const KEY_FIELDS: Record<string, [string, StringField]> = {
  backend: ['backend', 'backend_domname'],
  vdev: ['vdev', 'vdev'],
  script: ['script', 'script'],
  'colo-host': ['colo-host', 'colo_host'],
  'colo-export': ['colo-export', 'colo_export'],
  'active-disk': ['active-disk', 'active_disk'],
  'hidden-disk': ['hidden-disk', 'hidden_disk'],
};

/** Applies one token; returns false when the scan of this part stops. */
function apply(st: State, s: string, t: Token): boolean {
  const value = s.slice(t.valueFrom, t.valueTo);
  const vf = t.valueFrom;
  const vt = t.valueTo;
  switch (t.rule) {
    case 'blank':
      return true;
    case 'key': {
      const key = t.name!;
      if (key === 'format') setFormat(st, value, vf, vt);
      else if (key === 'devtype') st.is_cdrom = value === 'cdrom' ? 1 : 0;
      else if (key === 'access') setAccess(st, value, vf, vt);
      else if (key === 'backendtype') {
        if (BACKEND_NAMES.has(value)) setEnum(st, 'backend', value as NonNullable<State['backend']>, value, vf, vt);
        else st.err('unknown value for backendtype', value, vf, vt);
      } else if (key === 'specification') {
        if (value === 'xen' || value === 'virtio') setEnum(st, 'specification', value, value, vf, vt);
        else st.err('unknown value for specification', value, vf, vt);
      } else if (key === 'colo-port') {
        const port = atoi(value);
        if (port) st.colo_port = port;
        else st.err('unknown value for colo_port', value, vf, vt);
      } else {
        const [what, field] = KEY_FIELDS[key];
        saveString(st, what, field, value, vf, vt);
      }
      return true;
    }
    case 'devtype-bad':
      st.err('unknown value for type', s.slice(t.from, t.to), t.from, t.to);
      return true;
    case 'flag':
      switch (t.name) {
        case 'cdrom':
          st.is_cdrom = 1;
          break;
        case 'direct-io-safe':
          st.direct_io_safe = true;
          break;
        case 'discard':
          st.discard_enable = true;
          break;
        case 'no-discard':
          st.discard_enable = false;
          break;
        case 'colo':
          st.colo_enable = true;
          break;
        case 'no-colo':
          st.colo_enable = false;
          break;
      }
      return true;
    case 'target':
      saveString(st, 'target', 'pdev_path', value, vf, vt);
      return true;
    case 'unknown-key': {
      // a non-ASCII first value character is cut after its first byte (see the scanner)
      const near = t.to === t.valueFrom ? `${s.slice(t.from, t.to)}\uFFFD` : s.slice(t.from, t.to);
      st.err('unknown parameter', near, t.from, t.valueTo);
      return true;
    }
    case 'prefix': {
      const word = t.name!;
      st.had_depr_prefix = true;
      if (FORMAT_PREFIXES.has(word)) setFormat(st, word, t.from, t.valueTo);
      else if (SCRIPT_PREFIXES.has(word)) saveString(st, 'script', 'script', `block-${word}`, t.from, t.valueTo);
      return true;
    }
    case 'bad-prefix':
      st.err('unknown deprecated disk prefix', s.slice(t.from, t.to), t.from, t.to);
      return false;
    case 'positional':
      return positional(st, value, vf);
    case 'bad':
      st.err('bad disk syntax', s.slice(t.from, t.to), t.from, t.to);
      return false;
  }
}

/** Scans one part. Returns how flex would have died, if it would. */
function scanPart(st: State, s: string, tokens: ScannedToken[] | undefined): 'ok' | 'jammed' | 'overflow' {
  const t = new PartScanner(s);
  let p = 0;
  while (p < s.length) {
    const step = t.step(p);
    if (step === StepResult.Eof) return 'ok';
    if (step === StepResult.Jam) return 'jammed';
    if (step === StepResult.Overflow) {
      st.err(OVERFLOW_MESSAGE, undefined, p, Math.min(s.length, p + SCANNER_OVERFLOW_BYTES));
      return 'overflow';
    }
    if (tokens) tokens.push({ rule: t.rule, name: t.name, from: t.from, to: t.to, valueFrom: t.valueFrom, valueTo: t.valueTo, part: st.part });
    if (!apply(st, s, t)) return 'ok';
    p = t.to;
  }
  return 'ok';
}

/** Parses a disk spec the way `xlu_disk_parse` does. */
export function parseDiskSpec(spec: string | readonly string[], options: ParseOptions = {}): DiskParse {
  const parts = typeof spec === 'string' ? [spec] : spec;
  const st = new State();
  const tokens = options.tokens ? ([] as ScannedToken[]) : undefined;
  let last = '';
  for (let i = 0; i < parts.length; i++) {
    st.part = i;
    // C strings end at the first NUL
    const nul = parts[i].indexOf('\0');
    last = nul < 0 ? parts[i] : parts[i].slice(0, nul);
    const fatal = scanPart(st, last, tokens);
    if (fatal === 'jammed') st.errors.push({ message: JAMMED_MESSAGE, part: i, from: 0, to: last.length });
    if (fatal !== 'ok') return { ok: false, errors: st.errors, fatal, tokens };
    if (st.errors.length) return { ok: false, errors: st.errors, tokens };
  }
  if (st.format === undefined) st.format = 'raw';
  if (st.is_cdrom) {
    st.readwrite = 0;
    if (!st.pdev_path) st.format = 'empty';
  }
  const whole = { part: Math.max(0, parts.length - 1), from: 0, to: last.length };
  if (st.vdev === undefined) return { ok: false, errors: [{ message: 'no vdev specified', ...whole }], tokens };
  if (st.pdev_path === undefined && !st.is_cdrom) {
    return { ok: false, errors: [{ message: 'no target specified (and device not removable)', ...whole }], tokens };
  }
  const disk = diskOf(st);
  return { ok: true, disk, libxl: libxlFromDisk(disk), errors: [], tokens };
}

function diskOf(st: State): Disk {
  const d: Disk = {
    format: st.format!,
    vdev: st.vdev!,
    access: st.readwrite ? 'rw' : 'ro',
    devtype: st.is_cdrom ? 'cdrom' : 'disk',
    directIoSafe: st.direct_io_safe,
  };
  if (st.pdev_path !== undefined) d.target = st.pdev_path;
  if (st.backend !== undefined) d.backendtype = st.backend;
  if (st.script !== undefined) d.script = st.script;
  if (st.backend_domname !== undefined) d.backend = st.backend_domname;
  if (st.discard_enable !== undefined) d.discard = st.discard_enable;
  if (st.specification !== undefined) d.specification = st.specification;
  if (st.colo_enable !== undefined) d.colo = st.colo_enable;
  if (st.colo_host !== undefined) d.coloHost = st.colo_host;
  if (st.colo_port) d.coloPort = st.colo_port;
  if (st.colo_export !== undefined) d.coloExport = st.colo_export;
  if (st.active_disk !== undefined) d.activeDisk = st.active_disk;
  if (st.hidden_disk !== undefined) d.hiddenDisk = st.hidden_disk;
  return d;
}

const bool = (b: boolean | undefined) => (b === undefined ? undefined : b ? 'True' : 'False');

/**
 * The libxl_device_disk a model stands for, with libxl's JSON key order and its habit of
 * leaving out fields at their default (see the corpus README).
 */
export function libxlFromDisk(d: Disk): LibxlDisk {
  const cdrom = d.devtype === 'cdrom';
  const out: LibxlDisk = {};
  if (d.backend !== undefined) out.backend_domname = d.backend;
  if (d.target !== undefined) out.pdev_path = d.target;
  out.vdev = d.vdev;
  if (d.backendtype !== undefined) out.backend = d.backendtype;
  out.format = cdrom && !d.target ? 'empty' : d.format;
  if (d.script !== undefined) out.script = d.script;
  if (cdrom) out.removable = 1;
  if (!cdrom && d.access === 'rw') out.readwrite = 1;
  if (cdrom) out.is_cdrom = 1;
  if (d.directIoSafe) out.direct_io_safe = true;
  if (d.discard !== undefined) out.discard_enable = bool(d.discard);
  if (d.specification !== undefined) out.specification = d.specification;
  if (d.colo !== undefined) out.colo_enable = bool(d.colo);
  if (d.coloHost !== undefined) out.colo_host = d.coloHost;
  if (d.coloPort) out.colo_port = d.coloPort;
  if (d.coloExport !== undefined) out.colo_export = d.coloExport;
  if (d.activeDisk !== undefined) out.active_disk = d.activeDisk;
  if (d.hiddenDisk !== undefined) out.hidden_disk = d.hiddenDisk;
  return out;
}

/** xl's own wording of an error: `SOURCE: config parsing error in disk specification: …`. */
export function xlErrorMessage(e: SpecError, parts: string | readonly string[], source = 'spec'): string {
  if (e.message === JAMMED_MESSAGE || e.message === OVERFLOW_MESSAGE) return e.message;
  const list = typeof parts === 'string' ? [parts] : parts;
  const part = list.length ? list[e.part] : '(null)';
  const near = e.near !== undefined ? `: near \`${e.near}'` : '';
  return `${source}: config parsing error in disk specification: ${e.message}${near} in \`${cText(part)}'`;
}

function cText(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** All of a failed parse's messages, one per line, as xl prints them. */
export function xlErrorText(result: DiskParse, parts: string | readonly string[], source = 'spec'): string {
  return result.errors.map((e) => xlErrorMessage(e, parts, source)).join('\n');
}
