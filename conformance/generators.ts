/** fast-check generators of xl disk specs: plausible ones, broken ones, and odd text. */
import fc from 'fast-check';

const word = fc.constantFrom(
  'format', 'vdev', 'access', 'devtype', 'backendtype', 'backend', 'specification', 'script', 'target',
  'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk', 'grant_usage', 'foo', 'Format', 'x-y',
);
const flag = fc.constantFrom('cdrom', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo', 'trusted', 'untrusted', 'grant_usage=1', 'grant_usage=0', 'readonly');
const value = fc.constantFrom(
  '', 'raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty', 'xvhd', 'RAW', 'r', 'ro', 'w', 'rw', 'w!', '!', 'cdrom', 'disk', 'CDROM',
  'phy', 'qdisk', 'tap', 'standalone', 'xen', 'virtio', 'xvda', 'hda', 'hdc', 'hdc:cdrom', 'hdc:disk', 'a:b:cdrom', 'xvdb:x',
  'sda', 'd0p1', 'block-iscsi', 'block-dmmd', '0', '12abc', '-3', '99999999999', ' 42', '/dev/vg/lv', '/root/image.iso',
);
const prefix = fc.constantFrom('raw:', 'qcow:', 'qcow2:', 'vhd:', 'iscsi:', 'nbd:', 'enbd:', 'drbd:', 'tapdisk:', 'tap:', 'tap2:',
  'aio:', 'ioemu:', 'file:', 'phy:', 'qed:', 'http:', 'c:', 'rbd:', 'foo:', 'PHY:', 'hdc:');
const path = fc.constantFrom('/x', '/dev/vg/guest-volume', '/root/image.iso', 'rbd:pool/img:id=a\\:b', 'nbd:151.155.144.82:5555',
  'iqn.2001-05.com.equallogic:0-8a0906', 'md;/dev/md0;lvm;/dev/vg/lv', '/a=b', '/srv/ä ö.img', 'ünï', '/x\\:y', '//', 'C:\\x', 'r0');
const blank = fc.constantFrom(' ', '  ', '\t', '\n', ' \n', '\n ', '\r', '\u00a0', '\f');
const punct = fc.constantFrom(',', ',', ',', '=', ':', ',,', '=,', ':,', ';', '"', "'", '\\', '#');
const oddText = fc.string({ unit: 'grapheme-ascii', maxLength: 6 });
const unicode = fc.string({ unit: 'grapheme', maxLength: 3 });

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(word, value).map(([k, v]) => `${k}=${v}`) },
  { weight: 3, arbitrary: fc.tuple(word, path).map(([k, v]) => `${k}=${v}`) },
  { weight: 3, arbitrary: flag },
  { weight: 3, arbitrary: value },
  { weight: 3, arbitrary: path },
  { weight: 2, arbitrary: fc.tuple(prefix, path).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.tuple(prefix, prefix, path).map(([a, b, c]) => a + b + c) },
  { weight: 2, arbitrary: blank },
  { weight: 2, arbitrary: punct },
  { weight: 1, arbitrary: oddText },
  { weight: 1, arbitrary: unicode },
);

/** One spec: pieces mostly joined by commas, sometimes by nothing or blanks. */
const spec = fc
  .array(fc.tuple(piece, fc.constantFrom(',', ',', ',', ',', '', ' ', ', ', '\n')), { maxLength: 8 })
  .map((xs) => xs.map(([p, sep], i) => (i ? sep : '') + p).join(''));

/** A spec, or several parts as `xl block-attach` words. NUL never occurs (C strings). */
export const diskSpecParts: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: spec.map((s) => [s]) },
  { weight: 2, arbitrary: fc.array(spec, { minLength: 0, maxLength: 4 }) },
);
