/**
 * Target codecs: a disk's raw `target=` string (with its `script=`) to a structured target and
 * back, byte-exactly: for every target these accept, `encodeTarget(decodeTarget(d))` gives the
 * same string again.
 *
 * How the kind is chosen:
 * 1. A `script=` whose base name is a known block script selects that kind (block-iscsi, block-dmmd,
 *    block-drbd / block-drbd-probe, block-npiv, block-nbd). Any other script: opaque.
 * 2. Without a script: an empty or absent target is `empty`; `rbd:` is RBD and `nbd:` is qemu's
 *    NBD filename (both for qdisk; an `nbd://` URL stays opaque); any other `scheme:` prefix is
 *    opaque; everything else is a path.
 */
import {
  type StructuredTarget,
  scriptTargetKind,
  targetBackendtype,
} from '../../model/target';
import { lastFew } from '../../memo/lastFew';
import { decodeDmmd, encodeDmmd } from './dmmd';
import { decodeDrbd, encodeDrbd } from './drbd';
import { decodeIscsi, encodeIscsi } from './iscsi';
import { decodeNbd, decodeNbdScript, encodeNbd } from './nbd';
import { decodeNpiv, encodeNpiv } from './npiv';
import { decodeRbd, encodeRbd } from './rbd';
import { type TargetError, fail } from './shared';

export type { TargetError } from './shared';
export { formatMonHost, formatMonHosts, parseMonHosts } from './rbd';
export { npivFieldNames } from './npiv';

export type TargetDecode = { ok: true; target: StructuredTarget } | { ok: false; error: TargetError };

export type EncodedTarget = { target: string; script?: string; backendtype?: 'qdisk' };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * The structured form of a disk's target. `devtype` is accepted for the call shape only: a
 * cdrom's target reads the same way (absent or empty is `empty`). An empty `script` counts as none.
 */
export function decodeTarget(disk: { target?: string; script?: string; devtype?: 'disk' | 'cdrom' }): TargetDecode {
  const text = disk.target ?? '';
  const script = disk.script === '' ? undefined : disk.script;
  const newline = text.indexOf('\n');
  if (newline !== -1) return fail(text, 'a newline cannot be written in a target', newline, newline + 1);

  if (script !== undefined) {
    switch (scriptTargetKind(script)) {
      case 'iscsi':
        return decodeIscsi(text, script);
      case 'dmmd':
        return decodeDmmd(text, script);
      case 'drbd':
        return decodeDrbd(text, script);
      case 'npiv':
        return decodeNpiv(text, script);
      case 'nbd':
        return decodeNbdScript(text, script);
      case undefined:
        return { ok: true, target: { kind: 'opaque', text, script } };
    }
  }
  if (text === '') return { ok: true, target: { kind: 'empty' } };
  if (text.startsWith('rbd:')) return decodeRbd(text);
  if (text.startsWith('nbd:') && !text.includes('://')) return decodeNbd(text);
  if (SCHEME.test(text)) return { ok: true, target: { kind: 'opaque', text } };
  return { ok: true, target: { kind: 'path', path: text } };
}

/**
 * decodeTarget, remembering the last few targets it decoded, for a caller that decodes each
 * disk more than once in a row (the linter's checks, then the libvirt mapper, disk by disk).
 * The results are shared between calls: never change them.
 */
export function targetDecoder(size = 4): (disk: { target?: string; script?: string }) => TargetDecode {
  // script is '' for none, as decodeTarget reads it
  const decode = lastFew(
    size,
    (a: { script: string; target: string }, b) => a.target === b.target && a.script === b.script,
    ({ script, target }) => decodeTarget(script === '' ? { target } : { target, script }),
  );
  return (disk) => {
    const script = disk.script ?? '';
    const target = disk.target ?? '';
    // a path or other plain target decodes in a few steps: only what takes a parse is remembered
    if (script === '' && !target.startsWith('rbd:') && !target.startsWith('nbd:')) return decodeTarget({ target });
    return decode({ script, target });
  };
}

/**
 * The `target=` string for a structured target, with the `script=` and `backendtype=` its kind
 * needs. `empty` gives `''` (whether the spec then omits `target=` is the caller's choice).
 */
export function encodeTarget(t: StructuredTarget): EncodedTarget {
  const backendtype = targetBackendtype(t);
  const out = (target: string, script?: string): EncodedTarget => ({
    target,
    ...(script !== undefined && { script }),
    ...(backendtype !== undefined && { backendtype }),
  });
  switch (t.kind) {
    case 'path':
      return out(t.path);
    case 'empty':
      return out('');
    case 'opaque':
      return out(t.text, t.script);
    case 'rbd':
      return out(encodeRbd(t));
    case 'nbd':
      return out(encodeNbd(t), t.via === 'script' ? t.script : undefined);
    case 'iscsi':
      return out(encodeIscsi(t), t.script);
    case 'dmmd':
      return out(encodeDmmd(t), t.script);
    case 'drbd':
      return out(encodeDrbd(t), t.script);
    case 'npiv':
      return out(encodeNpiv(t), t.script);
  }
}
