/**
 * Reading libvirt XML in any of the shapes users paste: one `<disk>`, several sibling `<disk>`s,
 * a `<devices>`, or a whole `<domain>` (whose `<os><type>` gives the guest type: hvm → HVM,
 * xen or linux → PV, xenpvh or pvh → PVH). Each disk is mapped by diskFromLibvirt.
 */
import type { Disk } from '../model/disk';
import { type LvDiagnostic, diag } from './diagnostics';
import { type FromXmlOptions, diskFromLibvirt } from './fromXml';
import { type GuestType, guestFromOsType } from './guest';
import { parseXml } from './xmlParse';
import { type Pos, type XEl, child, childrenNamed } from './xmlTree';

export type XmlShape = 'disk' | 'disks' | 'devices' | 'domain';

export type LibvirtDisk = {
  /** The `<disk>` element as parsed (with positions). */
  element: XEl;
  /** Undefined when it cannot be written for xl or is skipped (a floppy). */
  disk?: Disk;
  diagnostics: LvDiagnostic[];
  skipped?: 'floppy';
};

export type LibvirtRead =
  | { ok: true; shape: XmlShape; guest?: GuestType; disks: LibvirtDisk[]; diagnostics: LvDiagnostic[] }
  | { ok: false; diagnostics: LvDiagnostic[]; error: { message: string; line: number; column: number } };

function fail(message: string, at: Pos): LibvirtRead {
  return { ok: false, error: { message, ...at }, diagnostics: [diag('LV-XML', 'error', message, { at })] };
}

export function readLibvirtXml(text: string, o: Omit<FromXmlOptions, 'guest'> & { guest?: GuestType } = {}): LibvirtRead {
  const parsed = parseXml(text);
  if (!parsed.ok) return fail(parsed.error.message, { line: parsed.error.line, column: parsed.error.column });
  const { roots } = parsed;
  if (parsed.strayText) return fail(`Text outside any element: '${parsed.strayText.text.slice(0, 40)}'`, parsed.strayText.at ?? { line: 1, column: 1 });
  const diagnostics: LvDiagnostic[] = [];
  let shape: XmlShape;
  let diskEls: XEl[];
  let guest: GuestType | undefined = o.guest;
  const first = roots[0]!;
  if (roots.length === 1 && first.name === 'domain') {
    shape = 'domain';
    const os = child(first, 'os');
    const osType = os && child(os, 'type');
    const g = osType ? guestFromOsType(osType.text) : undefined;
    if (g) guest = o.guest ?? g;
    else {
      diagnostics.push(
        diag('LV-GUEST-TYPE', 'info', osType ? `Unknown <os><type>${osType.text.trim()}</type>; the guest type is not known.` : 'The domain has no <os><type>; the guest type is not known.', first.at ? { at: (osType ?? first).at! } : {}),
      );
    }
    const devices = child(first, 'devices');
    diskEls = devices ? childrenNamed(devices, 'disk') : [];
  } else if (roots.length === 1 && first.name === 'devices') {
    shape = 'devices';
    diskEls = childrenNamed(first, 'disk');
  } else {
    diskEls = roots.filter((r) => r.name === 'disk');
    const other = roots.find((r) => r.name === 'domain' || r.name === 'devices') ?? (diskEls.length === 0 ? first : undefined);
    if (other) return fail(`Expected <disk> elements, a <devices> or a <domain>, found <${other.name}>${diskEls.length ? ' beside <disk>' : ''}.`, other.at ?? { line: 1, column: 1 });
    shape = diskEls.length === 1 && roots.length === 1 ? 'disk' : 'disks';
    for (const r of roots) {
      if (r.name !== 'disk') diagnostics.push(diag('LV-XML', 'info', `<${r.name}> is not a disk and is ignored.`, r.at ? { at: r.at } : {}));
    }
  }
  const disks = diskEls.map((element, i): LibvirtDisk => {
    const r = diskFromLibvirt(element, { ...o, ...(guest && { guest }) });
    return {
      element,
      ...(r.disk && { disk: r.disk }),
      diagnostics: r.diagnostics.map((d) => ({ ...d, disk: i })),
      ...(r.skipped && { skipped: r.skipped }),
    };
  });
  return { ok: true, shape, ...(guest && { guest }), disks, diagnostics };
}
