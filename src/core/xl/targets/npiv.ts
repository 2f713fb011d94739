/**
 * NPIV targets for SUSE's block-npiv script: `[npiv:]FIELD-FIELD-...`, the fields kept verbatim.
 *
 * The project's sources only show one illustrative target, `npiv:0x2100001b32a9da4e-0x50060e8010001cd1-1`
 * (a QLogic-style port WWPN, a storage-array target WWPN, LUN 1). SUSE's script was not available
 * to check, so the fields are not interpreted; `npivFieldNames` offers labels for display only.
 */
import type { NpivTarget } from '../../model/target';
import { type Decoded, fail } from './shared';

export function decodeNpiv(s: string, script = 'block-npiv'): Decoded<NpivTarget> {
  const prefixed = s.startsWith('npiv:');
  const body = prefixed ? s.slice(5) : s;
  if (body === '') return fail(s, 'empty NPIV target: expected WWPN-WWPN-LUN', 0, s.length);
  return { ok: true, target: { kind: 'npiv', prefixed, fields: body.split('-'), script } };
}

export function encodeNpiv(t: NpivTarget): string {
  return (t.prefixed ? 'npiv:' : '') + t.fields.join('-');
}

/**
 * Display labels for NPIV fields: three fields read as in the seed example (vport WWPN, target
 * WWPN, LUN); five as the older SUSE layout (fabric, vport WWPN, vport WWNN, target WWPN, LUN),
 * which is from memory and unverified; otherwise just numbered.
 */
export function npivFieldNames(count: number): string[] {
  if (count === 3) return ['vport WWPN', 'target WWPN', 'LUN'];
  if (count === 5) return ['fabric', 'vport WWPN', 'vport WWNN', 'target WWPN', 'LUN'];
  return Array.from({ length: count }, (_, i) => `field ${i + 1}`);
}
