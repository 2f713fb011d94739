/**
 * dmmd targets for SUSE's block-dmmd hotplug script: `TYPE;DEVICE[;TYPE;DEVICE...]` where TYPE is
 * `md` (an MD RAID array, assembled with mdadm) or `lvm` (a logical volume, activated), handled in
 * order; the last device is the one the guest gets. A device may carry its config file in
 * parentheses: `md;/dev/md0(/etc/mdadm.conf)`.
 *
 * Source: the SUSE documentation the project was seeded with (`md;/dev/md0;lvm;/dev/vgxen/lv-vm01`)
 * and the libvirt notes (`md;/dev/md0(/etc/mdadm.conf);lvm;/dev/vg1/lv1`). libvirt's SUSE build
 * writes the same string with a `dmmd:` prefix in `<source dev>`; it is accepted and remembered.
 * SUSE's script itself was not available to check.
 */
import type { DmmdTarget } from '../../model/target';
import { type Decoded, fail } from './shared';

export function canonicalDmmd(t: DmmdTarget): string {
  const body = t.stanzas.map((st) => `${st.type};${st.device}${st.config !== undefined ? `(${st.config})` : ''}`);
  return (t.prefixed ? 'dmmd:' : '') + body.join(';');
}

export function decodeDmmd(s: string, script = 'block-dmmd'): Decoded<DmmdTarget> {
  const usage = 'expected md;/dev/mdN or lvm;/dev/VG/LV stanzas separated by ;';
  const prefixed = s.startsWith('dmmd:');
  const start = prefixed ? 5 : 0;
  if (start === s.length) return fail(s, `empty dmmd target: ${usage}`, 0, s.length);
  const parts: { text: string; from: number; to: number }[] = [];
  let from = start;
  for (const text of s.slice(start).split(';')) {
    parts.push({ text, from, to: from + text.length });
    from += text.length + 1;
  }
  const stanzas: DmmdTarget['stanzas'] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const type = parts[i]!;
    if (type.text !== 'md' && type.text !== 'lvm') {
      const what = type.text === '' ? 'empty stanza type' : `unknown stanza type '${type.text}'`;
      return fail(s, `${what}: ${usage}`, type.from, type.to);
    }
    const dev = parts[i + 1];
    if (dev === undefined) return fail(s, `missing device after '${type.text}'`, type.from, type.to);
    const open = dev.text.indexOf('(');
    let device = dev.text;
    let config: string | undefined;
    if (open !== -1) {
      if (!dev.text.endsWith(')')) return fail(s, "a config file in parentheses must end the device: DEVICE(FILE)", dev.from + open, dev.to);
      device = dev.text.slice(0, open);
      config = dev.text.slice(open + 1, -1);
      if (config === '') return fail(s, 'empty config file in ()', dev.from + open, dev.to);
      if (/[()]/.test(config)) return fail(s, 'unbalanced parentheses', dev.from + open, dev.to);
      const close = device.indexOf(')');
      if (close !== -1) return fail(s, "')' without '('", dev.from + close, dev.from + close + 1);
    } else if (dev.text.includes(')')) {
      const close = dev.text.indexOf(')');
      return fail(s, "')' without '('", dev.from + close, dev.from + close + 1);
    }
    if (device === '') return fail(s, `missing device after '${type.text}'`, dev.from, dev.to);
    stanzas.push({ type: type.text, device, ...(config !== undefined && { config }) });
  }
  return { ok: true, target: { kind: 'dmmd', prefixed, stanzas, script } };
}

export function encodeDmmd(t: DmmdTarget): string {
  return canonicalDmmd(t);
}
