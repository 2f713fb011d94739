/**
 * iSCSI targets for the block-iscsi hotplug script.
 *
 * Upstream Xen's block-iscsi (tools/hotplug/Linux/block-iscsi) reads the target as parameters
 * separated by commas (and, through shell word splitting, blanks): `iqn=IQN`, `portal=IP[:PORT]`
 * and `multipath=y|n`; both iqn and portal are required, multipath must be y or n, other
 * parameters are ignored. It logs in with iscsiadm and always uses LUN 0.
 *
 * A target without any `=` is the older bare-IQN form (`iscsi:IQN` in the positional syntax, used
 * by Xen's own parser tests); today's block-iscsi refuses it, but xl passes it on.
 */
import type { IscsiTarget } from '../../model/target';
import { type Decoded, fail, rememberRaw, spell } from './shared';

export function canonicalIscsi(t: IscsiTarget): string {
  if (t.portal === undefined) return t.iqn;
  let out = `iqn=${t.iqn},portal=${t.portal}`;
  if (t.multipath !== undefined) out += `,multipath=${t.multipath}`;
  for (const p of t.extra) out += `,${p.name}=${p.value}`;
  return out;
}

export function decodeIscsi(s: string, script = 'block-iscsi'): Decoded<IscsiTarget> {
  if (s === '') return fail(s, 'empty iSCSI target: expected iqn=IQN,portal=IP[:PORT]', 0, 0);
  if (s.startsWith('iscsi:')) {
    return fail(s, 'remove the iscsi: prefix: with script=block-iscsi the target is iqn=IQN,portal=IP[:PORT]', 0, 6);
  }
  const blank = s.search(/\s/);
  if (blank !== -1) return fail(s, 'block-iscsi splits its target on blanks: remove them', blank, blank + 1);

  if (!s.includes('=')) {
    const comma = s.indexOf(',');
    if (comma !== -1) return fail(s, 'expected iqn=IQN,portal=IP[:PORT] (a bare IQN has no commas)', comma, comma + 1);
    const t: IscsiTarget = { kind: 'iscsi', iqn: s, extra: [], script };
    return { ok: true, target: t };
  }

  let iqn: string | undefined;
  let portal: string | undefined;
  let multipath: 'y' | 'n' | undefined;
  const extra: IscsiTarget['extra'] = [];
  let from = 0;
  for (const item of s.split(',')) {
    const to = from + item.length;
    const eq = item.indexOf('=');
    if (item === '') return fail(s, 'empty parameter', from - 1, from + 1);
    if (eq === -1) return fail(s, `parameter '${item}' has no value: expected NAME=VALUE`, from, to);
    if (eq === 0) return fail(s, 'empty parameter name', from, from + 1);
    const name = item.slice(0, eq);
    const value = item.slice(eq + 1);
    const again = () => fail(s, `${name}= given twice`, from, to);
    if (name === 'iqn') {
      if (iqn !== undefined) return again();
      if (value === '') return fail(s, 'empty iqn=', from, to);
      if (value.includes('=')) return fail(s, "an IQN cannot contain '='", from + eq + 1, to);
      iqn = value;
    } else if (name === 'portal') {
      if (portal !== undefined) return again();
      if (value === '') return fail(s, 'empty portal=', from, to);
      portal = value;
    } else if (name === 'multipath') {
      if (multipath !== undefined) return again();
      if (value !== 'y' && value !== 'n') return fail(s, `multipath must be y or n, not '${value}'`, from + eq + 1, to);
      multipath = value;
    } else {
      extra.push({ name, value });
    }
    from = to + 1;
  }
  if (iqn === undefined) return fail(s, 'block-iscsi needs iqn=IQN', 0, s.length);
  if (portal === undefined) return fail(s, 'block-iscsi needs portal=IP[:PORT]', 0, s.length);
  const t: IscsiTarget = {
    kind: 'iscsi',
    iqn,
    portal,
    ...(multipath !== undefined && { multipath }),
    extra,
    script,
  };
  return { ok: true, target: rememberRaw(t, s, canonicalIscsi) };
}

export function encodeIscsi(t: IscsiTarget): string {
  return spell(t, canonicalIscsi, (s) => decodeIscsi(s, t.script));
}
