/**
 * The conversions as wholes: an xl disk spec or a whole xl config to `<disk>` elements, and any
 * libvirt XML shape to xl disk specs (or the config line that lists them).
 */
import type { Disk } from '../model/disk';
import { type XlConfig, type XlQuote, diskItems, readXlConfig } from '../xl/config';
import { parseDiskSpec, xlErrorText } from '../xl/diskSpec';
import { type LvDiagnostic, diag } from './diagnostics';
import { type GuestType, guestFromXlSettings } from './guest';
import { type LibvirtRead, readLibvirtXml } from './readXml';
import { type DiskToXml, type ToXmlOptions, diskToLibvirt } from './toXml';
import { formatDiskSetting, formatLibvirtSpec } from './xlOutput';

export type SpecToXml = DiskToXml & { disk?: Disk; spec: string | readonly string[] };

/** One xl disk spec (or its parts, as `xl block-attach` takes them) to a `<disk>`. */
export function specToLibvirt(spec: string | readonly string[], o: ToXmlOptions & { source?: string } = {}): SpecToXml {
  const p = parseDiskSpec(spec);
  if (!p.ok) {
    return { spec, diagnostics: [diag('LV-XL-SPEC', 'error', xlErrorText(p, spec, o.source ?? 'command line'))] };
  }
  return { spec, disk: p.disk, ...diskToLibvirt(p.disk, o) };
}

export type ConfigToXml = {
  /** False when xl's config reader rejects the file (see messages). */
  ok: boolean;
  /** xl's own messages while reading the file (errors and warnings). */
  messages: readonly string[];
  guest: GuestType;
  /** Which setting decided the guest type. */
  guestFrom: 'type' | 'builder' | 'default';
  disks: SpecToXml[];
  /** Diagnostics about the whole file (each disk's are in disks[i]). */
  diagnostics: LvDiagnostic[];
  /** The `<disk>` elements of the disks that could be converted, in order. */
  xml: string;
};

function stringSetting(cfg: XlConfig, name: string): string | undefined {
  const v = cfg.values.get(name)?.value;
  return v && v.type === 'string' ? v.value : undefined;
}

/** The `<disk>` elements of an xl domain config, guest type from its `type` / `builder`. */
export function xlConfigToLibvirt(text: string, o: Omit<ToXmlOptions, 'guest'> & { source?: string; guest?: GuestType } = {}): ConfigToXml {
  const cfg = readXlConfig(text, { source: o.source ?? 'config' });
  const diagnostics: LvDiagnostic[] = [];
  const type = stringSetting(cfg, 'type');
  const builder = stringSetting(cfg, 'builder');
  const g = guestFromXlSettings(type, builder);
  if (g.unknown !== undefined) {
    diagnostics.push(diag('LV-GUEST-TYPE', 'warning', `type = "${g.unknown}" is not pv, pvh or hvm (xl and libvirt refuse it); the disks are written for a PV guest.`));
  }
  const guest = o.guest ?? g.guest;
  const guestFrom = type !== undefined ? 'type' : builder !== undefined ? 'builder' : 'default';
  if (!cfg.ok) {
    return { ok: false, messages: cfg.messages, guest, guestFrom, disks: [], diagnostics, xml: '' };
  }
  const disks = diskItems(cfg).map((item, i): SpecToXml => {
    const r = specToLibvirt(item.spec, { ...o, guest, source: cfg.source });
    const ds: LvDiagnostic[] = r.diagnostics.map((d) => ({ ...d, disk: i }));
    const written = text.slice(item.from, item.to);
    if (r.disk && written.includes('\\') && !(r.disk.target ?? '').startsWith('rbd:')) {
      ds.push(
        diag('LV-CFG-BACKSLASH', 'info', "This config string holds backslashes. xldisk reads it as xl does (\\\\ is one backslash); libvirt reads config strings without escape processing (except in rbd: targets) and would keep them doubled.", { disk: i }),
      );
    }
    return { ...r, diagnostics: ds };
  });
  return { ok: true, messages: cfg.messages, guest, guestFrom, disks, diagnostics, xml: disks.map((d) => d.xml ?? '').join('') };
}

export type XmlToXl = {
  read: LibvirtRead;
  /** The libvirt-shaped spec of each disk that could be converted, in order. */
  specs: string[];
  /** `disk = [ … ]` for a config file. */
  setting: string;
  /** Every diagnostic, the document's and each disk's (with its index). */
  diagnostics: LvDiagnostic[];
};

/** Any libvirt XML shape (disk, disks, devices, domain) to xl disk specs. */
export function libvirtToXl(text: string, o: { rbdKey?: string; guest?: GuestType; quote?: XlQuote } = {}): XmlToXl {
  const read = readLibvirtXml(text, { ...(o.rbdKey !== undefined && { rbdKey: o.rbdKey }), ...(o.guest && { guest: o.guest }) });
  if (!read.ok) return { read, specs: [], setting: formatDiskSetting([], o.quote), diagnostics: read.diagnostics };
  const specs = read.disks.flatMap((d) => (d.disk ? [formatLibvirtSpec(d.disk)] : []));
  return { read, specs, setting: formatDiskSetting(specs, o.quote), diagnostics: [...read.diagnostics, ...read.disks.flatMap((d) => d.diagnostics)] };
}
