/**
 * UI-SIDE STOPGAP — the semantic checks libxl applies after xl's parser (xl-disk-syntax §9) and
 * the vdev clash rule (peers-and-ux X11), until src/core/lint exports them. Move these into core
 * lint and call them from there; nothing here may grow into a second rule set.
 *
 * Each check names the form field it is about, so the wizard shows it beside that field.
 */
import type { Disk } from '../../core/model/disk';
import { parseVdev, vdevAdvice, type GuestType } from '../../core/xl/vdev';

export type Issue = { path: string; message: string };

export type RuleContext = {
  guest: GuestType;
  /** The vdevs of the domain's other disks, with their 1-based position for messages. */
  others: readonly { vdev: string; position: number }[];
};

export function diskRules(d: Disk, ctx: RuleContext): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const bt = d.backendtype;
  const cdrom = d.devtype === 'cdrom';

  const v = parseVdev(d.vdev);
  if (!v.ok) errors.push({ path: 'vdev', message: `libxl will refuse this name: ${v.reason}` });
  else {
    const advice = vdevAdvice(d.vdev, ctx.guest);
    if (advice) warnings.push({ path: 'vdev', message: advice });
    if (v.disk >= 0) {
      const clash = ctx.others.find((o) => {
        const w = parseVdev(o.vdev);
        return w.ok && w.disk === v.disk;
      });
      if (clash) {
        errors.push({
          path: 'vdev',
          message:
            clash.vdev === d.vdev
              ? `disk ${clash.position} already uses ${d.vdev}`
              : `${d.vdev} and ${clash.vdev} (disk ${clash.position}) are the same disk slot ${v.disk}: pick another name`,
        });
      }
    }
  }

  if (!cdrom && (bt === 'phy' || bt === 'standalone') && d.format !== 'raw') {
    errors.push({ path: 'format', message: `backendtype=${bt} serves raw data only: choose format raw, or backendtype qdisk for ${d.format}` });
  }
  if ((bt === 'qdisk' || bt === 'standalone') && d.script !== undefined) {
    errors.push({ path: 'backendtype', message: `backendtype=${bt} runs no hotplug script: leave backendtype unset (or phy) for script=${d.script}` });
  }
  if ((bt === 'phy' || bt === 'standalone') && d.colo) {
    errors.push({ path: 'colo', message: `COLO needs qemu: backendtype=${bt} refuses it` });
  }
  if (d.specification === 'virtio' && bt !== 'standalone') {
    errors.push({ path: 'specification', message: 'specification=virtio needs backendtype=standalone' });
  }
  if (bt === 'standalone' && d.specification !== 'virtio') {
    errors.push({ path: 'backendtype', message: 'backendtype=standalone serves virtio disks only: set specification=virtio' });
  }
  if (bt === 'tap') warnings.push({ path: 'backendtype', message: 'tap (blktap3) works from Xen 4.19 only; libxl 4.13–4.18 refuses it' });
  if (!cdrom && d.format === 'empty') {
    errors.push({ path: 'format', message: 'format empty is for a cdrom without a medium; libxl refuses it on a disk' });
  }
  return { errors, warnings };
}

/** The format an image file's extension suggests (xl never looks inside the file). */
export function formatFromExtension(path: string): Disk['format'] | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  switch (ext) {
    case 'qcow2':
      return 'qcow2';
    case 'qcow':
      return 'qcow';
    case 'vhd':
    case 'vpc':
      return 'vhd';
    case 'qed':
      return 'qed';
    case 'img':
    case 'raw':
    case 'iso':
    case 'bin':
      return 'raw';
    default:
      return undefined;
  }
}
