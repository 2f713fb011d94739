/**
 * The xl disk-spec scanner: libxlutil's flex rules (Xen 4.17, libxlu_disk_l.l) re-implemented
 * by hand, with positions. See ../../../docs/xl-disk-parser.md and the shared spec §4.
 *
 * flex picks, at each position, the rule whose match is longest, counting trailing context
 * (`/…`) in the length; a tie goes to the rule written first. Three facts drive the odd cases:
 * `.` does not match a newline, negated classes (`[^,]`) do, and the blank rule and the
 * prefix rules count "the rest of the line" as context. We compute every candidate's length
 * the same way and keep the first longest. Line ends and comma positions are cached so a
 * 1 MB part stays linear.
 */

/** What a scanned token is; `rule` names the flex rule that matched. */
export type TokenRule =
  | 'blank'
  | 'key' // a known key=value
  | 'flag'
  | 'devtype-bad'
  | 'target'
  | 'unknown-key'
  | 'prefix'
  | 'bad-prefix'
  | 'positional'
  | 'bad';

export type Token = {
  rule: TokenRule;
  /** The key or flag name, or the prefix word; undefined for positional, blank and bad. */
  name?: string;
  /** Offsets in the part: the whole token (trailing comma included). */
  from: number;
  to: number;
  /** The value (after `=` for keys; the field for positional), comma stripped. */
  valueFrom: number;
  valueTo: number;
};

/** Known `key=` rules, in flex order after format (format comes first, handled with them). */
const VALUE_KEYS = [
  'format',
  'access',
  'backend',
  'backendtype',
  'specification',
  'vdev',
  'script',
  'colo-host',
  'colo-port',
  'colo-export',
  'active-disk',
  'hidden-disk',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number] | 'devtype';

/** Flags of Xen 4.17's scanner. (`trusted`, `untrusted`, `grant_usage=` exist only from 4.19.) */
export const FLAGS = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo'] as const;
export type Flag = (typeof FLAGS)[number];

/** Rule order as in the flex source; lower wins a tie. */
const ORDER: Record<string, number> = {
  format: 1,
  cdrom: 2,
  'devtype=cdrom': 3,
  'devtype=disk': 4,
  devtype: 5,
  access: 6,
  backend: 7,
  backendtype: 8,
  specification: 9,
  vdev: 10,
  script: 11,
  'direct-io-safe': 12,
  discard: 13,
  'no-discard': 14,
  colo: 15,
  'no-colo': 16,
  'colo-host': 17,
  'colo-port': 18,
  'colo-export': 19,
  'active-disk': 20,
  'hidden-disk': 21,
  target: 22,
};
const ORDER_UNKNOWN_KEY = 23;

/** The `key=` rules by key name (devtype's exact forms are sorted out by value). */
const KEY_ORDER = new Map<string, number>([...VALUE_KEYS, 'devtype', 'target'].map((k) => [k, ORDER[k]]));
const ORDER_BAD_PREFIX = 40;
const ORDER_POSITIONAL = 41;

/** Legacy prefixes with their flex rule order (format ones, script ones, ignored ones). */
const PREFIXES = new Map<string, number>(Object.entries({
  raw: 24,
  qcow: 24,
  qcow2: 24,
  vhd: 24,
  iscsi: 25,
  nbd: 25,
  enbd: 25,
  drbd: 25,
  tapdisk: 26,
  tap: 27,
  tap2: 27,
  aio: 28,
  ioemu: 29,
  file: 30,
  phy: 31,
}));
export const FORMAT_PREFIXES = new Set(['raw', 'qcow', 'qcow2', 'vhd']);
export const SCRIPT_PREFIXES = new Set(['iscsi', 'nbd', 'enbd', 'drbd']);

const COMMA = 44;
const EQUALS = 61;
const NEWLINE = 10;
const COLON = 58;

const isBlank = (c: number) => c === 32 || c === 9 || c === NEWLINE;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLowerDigit = (c: number) => isLower(c) || isDigit(c);
const isKeyChar = (c: number) => isLowerDigit(c) || c === 45; // [-a-z0-9]

/** What one scanning step found: a token (read it from the scanner), the end, or a jam. */
export const enum StepResult {
  Token,
  /** `=` with nothing after it: flex ignores it at the end of the part… */
  Eof,
  /** …and dies ("flex scanner jammed") when a newline follows it. */
  Jam,
  /**
   * The match runs 16,384 bytes or more: flex's state buffer (YY_BUF_SIZE + 2 entries, needed
   * for trailing context) overflows and libxlutil corrupts its heap — xl aborts or crashes.
   */
  Overflow,
}

/** Scanning this many bytes in one match overflows libxlutil's scanner (measured: 16,383 is fine). */
export const SCANNER_OVERFLOW_BYTES = 16384;

/** UTF-8 length of s[from, to), counted only as far as needed to compare with the limit. */
function reachesOverflow(s: string, from: number, to: number): boolean {
  const chars = to - from;
  if (chars >= SCANNER_OVERFLOW_BYTES) return true;
  if (chars * 3 < SCANNER_OVERFLOW_BYTES) return false;
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : c >= 0xdc00 && c < 0xe000 ? 2 : 3;
  }
  return bytes >= SCANNER_OVERFLOW_BYTES;
}

/** Finds the next occurrence of one character, remembering the answer while it stays valid. */
class NextChar {
  private from = 1;
  private at = 0; // invalid until the first query
  constructor(
    private readonly s: string,
    private readonly ch: string,
  ) {}
  /** Index of the first `ch` at or after q, or the string's length. */
  find(q: number): number {
    if (q < this.from || q > this.at) {
      const i = this.s.indexOf(this.ch, q);
      this.from = q;
      this.at = i < 0 ? this.s.length : i;
    }
    return this.at;
  }
}

/**
 * Decides, token by token, what libxlutil's scanner does with one part. After a step that
 * returns StepResult.Token, the token is in the scanner's fields (reused: copy what you keep).
 */
export class PartScanner implements Token {
  rule: TokenRule = 'blank';
  name: string | undefined = undefined;
  from = 0;
  to = 0;
  valueFrom = 0;
  valueTo = 0;
  /** The winning candidate's length, trailing context included, and its rule order. */
  private len = 0;
  private order = 0;

  private readonly newline: NextChar;
  private readonly comma: NextChar;
  private readonly equals: NextChar;

  constructor(readonly s: string) {
    this.newline = new NextChar(s, '\n');
    this.comma = new NextChar(s, ',');
    this.equals = new NextChar(s, '=');
  }

  /** Keeps a candidate if it is longer than the best so far, or as long and written earlier. */
  private offer(rule: TokenRule, name: string | undefined, from: number, to: number, valueFrom: number, valueTo: number, len: number, order: number) {
    if (len > this.len || (len === this.len && order < this.order)) {
      this.rule = rule;
      this.name = name;
      this.from = from;
      this.to = to;
      this.valueFrom = valueFrom;
      this.valueTo = valueTo;
      this.len = len;
      this.order = order;
    }
  }

  /** Decides the token at p (p < length). */
  step(p: number): StepResult {
    const s = this.s;
    const n = s.length;
    const c = s.charCodeAt(p);

    if (c === EQUALS) {
      // flex: `.` then, in the LEXERR state, `.*` up to the end of the line.
      const end = this.newline.find(p + 1);
      if (end === p + 1) return end === n ? StepResult.Eof : StepResult.Jam;
      if (reachesOverflow(s, p + 1, end)) return StepResult.Overflow;
      this.len = -1;
      this.offer('bad', undefined, p, end, p, end, end - p, 0);
      return StepResult.Token;
    }

    // positional: [^=,]*,|[^=,]+,?
    const fEnd = Math.min(this.comma.find(p), this.equals.find(p));
    const to = fEnd < n && s.charCodeAt(fEnd) === COMMA ? fEnd + 1 : fEnd;
    this.len = -1;
    this.offer('positional', undefined, p, to, p, fEnd, to - p, ORDER_POSITIONAL);

    if (isBlank(c)) {
      let q = p + 1;
      while (q < n && isBlank(s.charCodeAt(q))) q++;
      this.offer('blank', undefined, p, q, p, q, q < n ? this.newline.find(q) - p : q - p, 0);
    } else if (isLower(c)) {
      this.lowercaseCandidates(p, c);
    }
    // the longest candidate is as far as flex's automaton runs
    return reachesOverflow(s, p, p + this.len) ? StepResult.Overflow : StepResult.Token;
  }

  private lowercaseCandidates(p: number, c: number) {
    const s = this.s;
    const n = s.length;
    // the run of [-a-z0-9] that a key name must be
    let q = p + 1;
    while (q < n && isKeyChar(s.charCodeAt(q))) q++;

    if (q < n && s.charCodeAt(q) === EQUALS) {
      const word = s.slice(p, q);
      const v = q + 1;
      const order = KEY_ORDER.get(word);
      if (word === 'target') {
        const end = this.newline.find(v);
        const strip = end > v && s.charCodeAt(end - 1) === COMMA ? 1 : 0;
        this.offer('target', word, p, end, v, end - strip, end - p, order!);
      } else if (order !== undefined) {
        const vEnd = this.comma.find(v);
        const to = vEnd < n ? vEnd + 1 : vEnd;
        if (word === 'devtype') {
          const value = s.slice(v, vEnd);
          const exact = value === 'cdrom' ? ORDER['devtype=cdrom'] : value === 'disk' ? ORDER['devtype=disk'] : 0;
          if (exact) this.offer('key', word, p, to, v, vEnd, to - p, exact);
          else this.offer('devtype-bad', word, p, to, v, vEnd, to - p, order);
        } else {
          this.offer('key', word, p, to, v, vEnd, to - p, order);
        }
      }
      // unknown key: [a-z][-a-z0-9]*=[^,],? — `[^,]` is one *byte*. When the value starts with a
      // non-ASCII character, flex takes only its first UTF-8 byte and scans on from the next
      // one; the rest of the character then begins a positional field, as the character itself
      // does here, so the token ends before it (and xl's message shows a broken character).
      if (v < n && s.charCodeAt(v) !== COMMA) {
        if (s.charCodeAt(v) >= 0x80) {
          this.offer('unknown-key', word, p, v, v, v + 1, v + 1 - p, ORDER_UNKNOWN_KEY);
        } else {
          const to = v + 1 < n && s.charCodeAt(v + 1) === COMMA ? v + 2 : v + 1;
          this.offer('unknown-key', word, p, to, v, v + 1, to - p, ORDER_UNKNOWN_KEY);
        }
      }
    }

    // flags match as a prefix of the text (`cdrom,?`), whatever follows them
    if (c === 99 /* c */ || c === 100 /* d */ || c === 110 /* n */) {
      for (const flag of FLAGS) {
        if (s.startsWith(flag, p)) {
          const end = p + flag.length;
          const to = end < n && s.charCodeAt(end) === COMMA ? end + 1 : end;
          this.offer('flag', flag, p, to, end, end, to - p, ORDER[flag]);
        }
      }
    }

    // prefixes: [a-z][a-z0-9]*: (the word may not contain '-')
    let w = p + 1;
    while (w < n && isLowerDigit(s.charCodeAt(w))) w++;
    if (w < n && s.charCodeAt(w) === COLON) {
      const pword = s.slice(p, w);
      const after = w + 1;
      const known = PREFIXES.get(pword);
      if (known !== undefined) {
        // `word:/.*` — the rest of the line counts as matched
        this.offer('prefix', pword, p, after, p, w, this.newline.find(after) - p, known);
      }
      // `[a-z][a-z0-9]*:/([^a-z0-9].*)?`
      const len = after < n && !isLowerDigit(s.charCodeAt(after)) ? this.newline.find(after + 1) - p : after - p;
      this.offer('bad-prefix', pword, p, after, p, w, len, ORDER_BAD_PREFIX);
    }
  }
}
