/**
 * Where each field of a parsed disk spec came from. The parser keeps tokens, not which slot a
 * positional field filled; this replays libxlutil's slot assignment (xl-disk-syntax §4.5) over
 * the tokens, so a rule can edit exactly the text that set the vdev, the format, the access…
 */
import type { ScannedToken } from '../../xl/diskSpec';
import { FORMAT_PREFIXES } from '../../xl/diskScanner';

export type Slot = 'target' | 'format' | 'vdev' | 'vdev:devtype' | 'access' | 'extra';

/** A value's place in the spec: [from, to) of the value text, and the token it is in. */
export type Loc = { from: number; to: number; token: ScannedToken; via: 'key' | 'positional' | 'prefix' };

export type Fields = {
  target?: Loc;
  format?: Loc;
  vdev?: Loc;
  /** Every text that set the access (the named ones may repeat; the last one wins among them). */
  access: Loc[];
  /** The positional access field, when one filled the slot. */
  positionalAccess?: Loc;
  /** Each positional field with the slot it filled. */
  positional: { token: ScannedToken; slot: Slot; value: string }[];
  prefixes: ScannedToken[];
  /** key= tokens by key name (`target` included), in order. */
  keys: Map<string, ScannedToken[]>;
  flags: ScannedToken[];
  /** Whether a legacy prefix removed the format slot. */
  hadPrefix: boolean;
};

class SpecFields implements Fields {
  target?: Loc;
  format?: Loc;
  vdev?: Loc;
  access: Loc[] = [];
  positionalAccess?: Loc;
  positional: Fields['positional'] = [];
  prefixes: ScannedToken[] = [];
  flags: ScannedToken[] = [];
  hadPrefix = false;
  private byName?: Map<string, ScannedToken[]>;

  constructor(
    private readonly tokens: readonly ScannedToken[],
    private readonly upTo: number,
  ) {}

  /** Worked out when a rule asks: most disks have nothing to report, and no rule asks. */
  get keys(): Map<string, ScannedToken[]> {
    return (this.byName ??= keysOf(this.tokens, this.upTo));
  }
}

/**
 * Replays the scan of one part. `upTo` stops before the token at that index (to see the state
 * an error was raised in). Tokens of other parts are ignored.
 */
export function specFields(spec: string, tokens: readonly ScannedToken[], upTo = tokens.length): Fields {
  const f = new SpecFields(tokens, upTo);
  let target: string | undefined;
  let vdev: string | undefined;
  let format = false;
  let accessSet = false;
  const val = (t: ScannedToken) => spec.slice(t.valueFrom, t.valueTo);
  const loc = (t: ScannedToken, via: Loc['via'], from = t.valueFrom, to = t.valueTo): Loc => ({ from, to, token: t, via });
  for (let i = 0; i < Math.min(upTo, tokens.length); i++) {
    const t = tokens[i]!;
    if (t.part !== 0) continue;
    switch (t.rule) {
      case 'key': {
        const name = t.name!;
        if (name === 'format') {
          format = true;
          f.format = loc(t, 'key');
        } else if (name === 'access') f.access.push(loc(t, 'key'));
        else if (name === 'vdev') {
          if (vdev === undefined || vdev === '') {
            vdev = val(t);
            f.vdev = loc(t, 'key');
          }
        }
        // other fields are not tracked by location beyond their token
        break;
      }
      case 'target':
        if (target === undefined || target === '') {
          target = val(t);
          f.target = loc(t, 'key');
        }
        break;
      case 'flag':
        f.flags.push(t);
        break;
      case 'prefix':
        f.prefixes.push(t);
        f.hadPrefix = true;
        if (FORMAT_PREFIXES.has(t.name!)) {
          format = true;
          f.format = loc(t, 'prefix', t.from, t.valueTo);
        }
        break;
      case 'positional': {
        const v = val(t);
        let slot: Slot;
        if (target === undefined) {
          slot = 'target';
          target = v;
          f.target = loc(t, 'positional');
        } else if (!f.hadPrefix && !format) {
          format = true;
          if (target === '' && v.includes(':')) {
            slot = 'vdev:devtype';
            if (vdev === undefined || vdev === '') {
              vdev = v.slice(0, v.lastIndexOf(':'));
              f.vdev = loc(t, 'positional', t.valueFrom, t.valueFrom + vdev.length);
            }
          } else {
            slot = 'format';
            f.format = loc(t, 'positional');
          }
        } else if (vdev === undefined) {
          if (v.includes(':')) {
            slot = 'vdev:devtype';
            vdev = v.slice(0, v.lastIndexOf(':'));
            f.vdev = loc(t, 'positional', t.valueFrom, t.valueFrom + vdev.length);
          } else {
            slot = 'vdev';
            vdev = v;
            f.vdev = loc(t, 'positional');
          }
        } else if (!accessSet) {
          slot = 'access';
          accessSet = true;
          f.positionalAccess = loc(t, 'positional');
          f.access.push(f.positionalAccess);
        } else slot = 'extra';
        f.positional.push({ token: t, slot, value: v });
        break;
      }
      default:
        break;
    }
  }
  return f;
}

/** key= tokens by key name (`target` included), in order, of part 0 before token `upTo`. */
function keysOf(tokens: readonly ScannedToken[], upTo: number): Map<string, ScannedToken[]> {
  const out = new Map<string, ScannedToken[]>();
  for (let i = 0; i < Math.min(upTo, tokens.length); i++) {
    const t = tokens[i]!;
    if (t.part !== 0) continue;
    const name = t.rule === 'key' ? t.name! : t.rule === 'devtype-bad' ? 'devtype' : t.rule === 'target' ? 'target' : undefined;
    if (name === undefined) continue;
    const list = out.get(name);
    if (list) list.push(t);
    else out.set(name, [t]);
  }
  return out;
}

/** The index of the token whose range holds [from, to) (an error's range), or -1. */
export function tokenAt(tokens: readonly ScannedToken[], from: number, to = from): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.part === 0 && t.from <= from && (to <= t.to || (from === to && from < t.to))) return i;
  }
  return -1;
}

/**
 * The whole comma-separated field around `at`: from after the previous comma to before the
 * next one (the way a user reads the spec, not the way xl's scanner does).
 */
export function fieldAround(spec: string, at: number): { from: number; to: number } {
  const from = spec.lastIndexOf(',', at - 1) + 1;
  const next = spec.indexOf(',', at);
  return { from, to: next < 0 ? spec.length : next };
}

/** The edit that removes the token (or [from, to)) with its comma, keeping the others' commas right. */
export function removalRange(spec: string, from: number, to: number): { from: number; to: number; insert: '' } {
  // a token usually owns its trailing comma; when it is the last field, take the comma before it
  if (to < spec.length && spec[to] === ',') return { from, to: to + 1, insert: '' };
  if (to > from && spec[to - 1] === ',') return { from, to, insert: '' };
  if (from > 0 && spec[from - 1] === ',') return { from: from - 1, to, insert: '' };
  return { from, to, insert: '' };
}
