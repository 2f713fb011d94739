/**
 * DRBD targets: the resource name, for DRBD's block-drbd script (LINBIT drbd-utils, selected by
 * xl's positional `drbd:` prefix; it makes the resource Primary and hands over its device) or for
 * `script=block-drbd-probe` as the seed document writes it.
 */
import type { DrbdTarget } from '../../model/target';
import { type Decoded, fail } from './shared';

export function decodeDrbd(s: string, script = 'block-drbd'): Decoded<DrbdTarget> {
  if (s === '') return fail(s, 'empty DRBD target: expected the resource name', 0, 0);
  if (s.startsWith('drbd:')) {
    return fail(s, 'remove the drbd: prefix: with script=block-drbd the target is the resource name', 0, 5);
  }
  const blank = s.search(/\s/);
  if (blank !== -1) return fail(s, 'a DRBD resource name cannot contain blanks', blank, blank + 1);
  return { ok: true, target: { kind: 'drbd', resource: s, script } };
}

export function encodeDrbd(t: DrbdTarget): string {
  return t.resource;
}
