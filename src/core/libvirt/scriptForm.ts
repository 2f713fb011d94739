/**
 * Block-script disks (block-dmmd, block-drbd, block-drbd-probe, block-npiv, block-iscsi,
 * block-nbd) in the convention of SUSE's libvirt: `<disk type='block'>` with
 * `<source dev='SCRIPT:PARAMS'/>`, e.g. `<source dev='dmmd:md;/dev/md0;lvm;/dev/vgxen/lv-vm01'/>`,
 * where SCRIPT is the script's name without `block-`. Upstream libvirt has no way to name a
 * hotplug script for a disk; its converter drops `script=` and writes the bare target.
 */
import { TARGET_SCRIPTS, scriptBaseName } from '../model/target';

/** The script names (without `block-`) the convention is used for. */
export const SCRIPT_FORM_NAMES: readonly string[] = Object.values(TARGET_SCRIPTS)
  .flat()
  .map((s) => s.slice('block-'.length));

/** The SUSE form's name for a `script=` value, or undefined when the script is not one of these. */
export function scriptFormName(script: string): string | undefined {
  const base = scriptBaseName(script);
  if (!base.startsWith('block-')) return undefined;
  const name = base.slice('block-'.length);
  return SCRIPT_FORM_NAMES.includes(name) ? name : undefined;
}

/** `<source dev>` for a script disk: `NAME:TARGET` (a target already written `NAME:…` is kept). */
export function scriptFormDev(name: string, target: string): string {
  return target.startsWith(`${name}:`) ? target : `${name}:${target}`;
}

/**
 * A `<source dev>` in the SUSE form, split into the script and its parameters; undefined for
 * anything else (an absolute path never matches). The longest name wins (`drbd-probe:` before
 * `drbd:`).
 */
export function parseScriptFormDev(dev: string): { script: string; target: string } | undefined {
  const names = [...SCRIPT_FORM_NAMES].sort((a, b) => b.length - a.length);
  for (const n of names) if (dev.startsWith(`${n}:`)) return { script: `block-${n}`, target: dev.slice(n.length + 1) };
  return undefined;
}
