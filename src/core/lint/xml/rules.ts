/**
 * libvirt `<disk>` XML with Xen (libxl) in mind: peers-and-ux §3.2, L1–L18. The disk rules that
 * do not depend on the syntax (vdev names, backend and format combinations…) come from
 * ../checks.ts through the converted disk; the mapper's own conversion diagnostics are shown
 * where a lint rule does not already say the same thing.
 */
import type { DocumentView } from '../../document';
import type { LvDiagnostic } from '../../libvirt/diagnostics';
import { child, childrenNamed, type XAttr, type XEl } from '../../libvirt/xmlTree';
import { checkDisk, earlierDisks, formatFromExtension, type DiskField } from '../checks';
import type { LintCode, OwnCode } from '../codes';
import { type Lint, fix, show } from '../context';
import type { Fix, LintOptions, Severity } from '../types';
import { type Span, XmlText } from './text';

const attrOf = (e: XEl | undefined, name: string): XAttr | undefined => e?.attrs.find((a) => a.name === name);
const valueOf = (e: XEl | undefined, name: string): string | undefined => attrOf(e, name)?.value;

/** Codes of the mapper a lint rule on the same disk already covers (`CODE` or `CODE subject`). */
const COVERED: Partial<Record<OwnCode, string[]>> = {
  'XML-NETWORK-DRIVER': ['LV-NETWORK-DRIVER'],
  'XML-NETWORK-PROTOCOL': ['LV-NETWORK-PROTOCOL', 'LV-NBD-XL'],
  'XML-VOLUME': ['LV-SOURCE-TYPE'],
  'XML-DRIVER-RBD': ['LV-FORMAT-UNSUPPORTED'],
  'XML-AUTH-USER': ['LV-RBD-USER'],
  'XML-BUS': ['LV-BUS'],
  'XML-STALE-ADDRESS': ['LV-ADDRESS'],
  'XML-RUNTIME': ['LV-XML-DROPPED alias', 'LV-XML-DROPPED source/@index', 'LV-XML-DROPPED backingStore'],
  'XML-SHAREABLE': ['LV-SHAREABLE'],
  'XML-RBD-AS-FILE': ['LV-SOURCE-SCHEMA'],
  'XML-SOURCE-ATTR': ['LV-NO-SOURCE'],
  'XML-ATTR-SPACES': ['LV-FORMAT-UNSUPPORTED', 'LV-DRIVER-NAME', 'LV-XML', 'LV-BUS', 'LV-NETWORK-PROTOCOL', 'LV-SOURCE-TYPE'],
};

/** The bus each target prefix means. */
const BUS_OF_PREFIX: [RegExp, string[]][] = [
  [/^xvd/, ['xen']],
  [/^sd/, ['scsi', 'sata', 'usb']],
  [/^hd/, ['ide', 'sata']],
  [/^vd/, ['virtio']],
  [/^fd/, ['fdc']],
];

export function lintXml(ctx: Lint, doc: DocumentView, options: LintOptions): void {
  const x = new XmlText(ctx.text, ctx.lines);
  const read = doc.xml;
  if (!read) return;
  if (!read.ok) {
    const at = ctx.lines.offset({ line: read.error.line, column: read.error.column });
    ctx.report('XML-SYNTAX', 'error', `${read.error.message} — the text must be well-formed XML: one <disk>, several <disk>s, a <devices> or a whole <domain>`, at, Math.min(ctx.text.length, at + 1));
    return;
  }
  const n = read.disks.length;
  if (read.shape === 'disks' || read.shape === 'domain' || read.shape === 'devices') {
    const what = read.shape === 'disks' ? `${n} <disk> elements without a root` : read.shape === 'domain' ? `a whole <domain> (${n} <disk>${n === 1 ? '' : 's'} in its <devices>)` : `a <devices> with ${n} <disk>${n === 1 ? '' : 's'}`;
    ctx.report('XML-SHAPE', 'info', `read ${what}${read.guest ? `; the guest is ${read.guest.toUpperCase()}` : ''}`, 0, Math.min(ctx.text.length, ctx.text.indexOf('>') + 1 || 1));
  }
  for (const d of read.disks) {
    const dev = valueOf(child(d.element, 'target'), 'dev');
    if (dev) ctx.usedVdevs.add(dev);
  }
  const others = earlierDisks();
  const writers = new Map<string, number>();
  read.disks.forEach((d, i) => {
    const mine = ctx.out.length;
    const e = d.element;
    const report = (code: LintCode, severity: Severity, message: string, node: XEl | XAttr | undefined, fixes: (Fix | undefined)[] = []) => {
      const r = (node && x.range(node)) ?? x.startTag(e) ?? { from: 0, to: 0 };
      ctx.report(code, severity, message, r.from, r.to, fixes);
    };
    diskRules(ctx, x, e, report, writers, i);
    // the model rules, on the disk the XML converts to
    if (d.disk) {
      const issues = checkDisk(d.disk, { guest: ctx.guest, others, used: ctx.usedVdevs, decodeTarget: ctx.decodeTarget });
      for (const issue of issues) {
        if (issue.code === 'XL-FORMAT-EXTENSION' || issue.code === 'XL-ISO-NOT-CDROM') continue; // XML-FORMAT / XML-CDROM say it in XML terms
        const node = fieldNode(e, issue.field);
        const code: LintCode = issue.code === 'XL-DUPLICATE-VDEV' ? 'XML-DUPLICATE-TARGET' : issue.code;
        let f: Fix | undefined;
        if (issue.fix && issue.field === 'vdev' && issue.fix.disk.devtype === d.disk.devtype) {
          const target = child(e, 'target');
          const edits = target && x.setAttr(target, 'dev', issue.fix.disk.vdev);
          if (edits) f = fix(issue.fix.title, false, edits);
          if (f) ctx.usedVdevs.add(issue.fix.disk.vdev);
        } else if (issue.fix && issue.field === 'format') {
          const driver = child(e, 'driver');
          const edits = driver && x.setAttr(driver, 'type', issue.fix.disk.format);
          if (edits) f = fix(issue.fix.title, false, edits);
        }
        report(code, issue.severity, issue.message, node, [f]);
      }
      others.add(d.disk.vdev, i + 1);
    }
    // the mapper's diagnostics not covered above
    const emitted = new Set(ctx.out.slice(mine).map((o) => o.code));
    const covered = new Set([...emitted].flatMap((c) => COVERED[c as OwnCode] ?? []));
    for (const lv of d.diagnostics) {
      if (lv.severity === 'info' || options.conversion === false) continue;
      if (covered.has(lv.code) || covered.has(`${lv.code} ${lv.subject ?? ''}`)) continue;
      const span = lvRange(ctx, lv) ?? x.startTag(e) ?? { from: 0, to: 0 };
      ctx.report(lv.code, lv.severity, `${lv.code === 'LV-XML' ? '' : 'xl: '}${lv.message}`, span.from, span.to);
    }
  });
  if (options.conversion !== false) {
    for (const lv of read.diagnostics) {
      if (lv.severity === 'info') continue;
      const span = lvRange(ctx, lv) ?? { from: 0, to: 0 };
      ctx.report(lv.code, lv.severity, lv.message, span.from, span.to);
    }
  }
}

/** The node a mapper diagnostic points at: an attribute (by name at that place) or an element. */
function lvRange(ctx: Lint, lv: LvDiagnostic): Span | undefined {
  if (!lv.at) return undefined;
  const from = ctx.lines.offset(lv.at);
  if (ctx.text[from] === '<') {
    const m = /^<[^\s/>]+/.exec(ctx.text.slice(from));
    return { from, to: from + (m ? m[0].length : 1) };
  }
  const m = /^[^\s=]+\s*=\s*(['"])/.exec(ctx.text.slice(from));
  if (m) {
    const close = ctx.text.indexOf(m[1]!, from + m[0].length);
    if (close >= 0) return { from, to: close + 1 };
  }
  return { from, to: Math.min(ctx.text.length, from + 1) };
}

function fieldNode(e: XEl, field: DiskField): XEl | XAttr | undefined {
  const driver = child(e, 'driver');
  const source = child(e, 'source');
  switch (field) {
    case 'vdev':
      return attrOf(child(e, 'target'), 'dev') ?? child(e, 'target');
    case 'format':
      return attrOf(driver, 'type') ?? driver;
    case 'backendtype':
      return attrOf(driver, 'name') ?? driver;
    case 'target':
    case 'script':
      return source ? (source.attrs.find((a) => ['file', 'dev', 'name', 'dir'].includes(a.name)) ?? source) : undefined;
    case 'devtype':
      return attrOf(e, 'device') ?? e;
    case 'access':
      return child(e, 'readonly') ?? e;
    default:
      return e;
  }
}

type Report = (code: LintCode, severity: Severity, message: string, node: XEl | XAttr | undefined, fixes?: (Fix | undefined)[]) => void;

const CEPH_KEY = /^[A-Za-z0-9+/]{38,}={0,2}$/;

/** `writers`: each source path → the first earlier disk that writes it. */
function diskRules(ctx: Lint, x: XmlText, e: XEl, report: Report, writers: Map<string, number>, index: number): void {
  const type = valueOf(e, 'type') ?? 'file';
  const device = valueOf(e, 'device') ?? 'disk';
  const driver = child(e, 'driver');
  const source = child(e, 'source');
  const target = child(e, 'target');
  const dev = valueOf(target, 'dev');
  const bus = attrOf(target, 'bus');
  const driverType = attrOf(driver, 'type');
  const driverName = attrOf(driver, 'name');

  // L12: blanks around attribute values, anywhere in the disk
  const walk = (el: XEl) => {
    for (const a of el.attrs) {
      if (a.value !== a.value.trim() && a.value.trim() !== '') {
        const edits = x.setAttr(el, a.name, a.value.trim());
        report('XML-ATTR-SPACES', 'error', `${a.name}=${show(a.value)} has blanks around the value: libvirt compares values exactly and rejects it`, a, [edits && fix(`write ${a.name}='${a.value.trim()}'`, true, edits)]);
      }
    }
    el.children.forEach(walk);
  };
  walk(e);
  const v = (a: XAttr | undefined) => a?.value.trim();

  // L8
  if (type === 'volume') {
    report('XML-VOLUME', 'error', "type='volume' names a storage-pool volume, which libvirt's libxl driver cannot use: resolve it to its path (virsh vol-path) and make it a file or block disk", attrOf(e, 'type') ?? e);
  }
  // L15
  const fileAttr = attrOf(source, 'file');
  const devAttr = attrOf(source, 'dev');
  if (type === 'file' && devAttr && !fileAttr) {
    const edits = x.renameAttr(devAttr, 'file');
    report('XML-SOURCE-ATTR', 'error', "a type='file' disk names its source with file=, not dev= (libvirt ignores dev= here and the disk has no source)", devAttr, [edits && fix('write file=', true, edits)]);
  }
  if (type === 'block' && fileAttr && !devAttr) {
    const edits = x.renameAttr(fileAttr, 'dev');
    report('XML-SOURCE-ATTR', 'error', "a type='block' disk names its source with dev=, not file= (libvirt ignores file= here and the disk has no source)", fileAttr, [edits && fix('write dev=', true, edits)]);
  }
  // L1: Ceph written as a file
  const path = v(fileAttr) ?? v(devAttr);
  if ((type === 'file' || type === 'block') && path !== undefined && (path.startsWith('rbd:') || (v(driverType) === 'rbd' && !path.startsWith('/')))) {
    const name = path.replace(/^rbd:/, '');
    const plain = /^[^:@/\s]+\/[^:@\s]+$/.test(name);
    const edits = plain && source ? [...(x.setAttr(e, 'type', 'network') ?? []), { ...x.element(source)!, insert: `<source protocol='rbd' name='${name}'/>` }] : undefined;
    report(
      'XML-RBD-AS-FILE',
      'error',
      `${show(path)} is a Ceph RBD image written as a ${type} path: libvirt and Xen look for a file of that name. An RBD disk is type='network' with <source protocol='rbd' name='POOL/IMAGE'> and its monitors as <host> elements`,
      fileAttr ?? devAttr,
      [edits && fix(`make it a network disk (then add the monitors as <host name=… port='6789'/>)`, false, edits)],
    );
  }
  // L2
  if (v(driverType) === 'rbd') {
    const edits = x.setAttr(driver!, 'type', 'raw');
    report('XML-DRIVER-RBD', 'error', "<driver type='rbd'>: the driver type is the image format, and an RBD image is raw (the protocol goes in <source protocol='rbd'>)", driverType, [edits && fix("write type='raw'", true, edits)]);
  }
  // network disks: L5, L6, L7, L3, L4
  if (type === 'network') {
    const protocol = v(attrOf(source, 'protocol'));
    if (driverName && v(driverName) !== 'qemu') {
      const edits = x.setAttr(driver!, 'name', 'qemu');
      report('XML-NETWORK-DRIVER', 'error', `a network disk is served by qemu: libvirt's libxl driver refuses driver name '${driverName.value}' ("only the 'qemu' driver can be used with network disks")`, driverName, [edits && fix("write name='qemu'", true, edits)]);
    }
    if (protocol !== undefined && protocol !== 'rbd') {
      report(
        'XML-NETWORK-PROTOCOL',
        protocol === 'nbd' ? 'warning' : 'error',
        protocol === 'nbd'
          ? "libvirt's libxl driver refuses NBD network disks (\"Unsupported network block protocol\"); xl itself reads NBD through qdisk (target=nbd:HOST:PORT) or the block-nbd script — convert it to xl, or use a block disk on the mapped /dev/nbdN"
          : `libvirt's libxl driver refuses '${protocol}' network disks ("Unsupported network block protocol"): only rbd works with Xen; attach the device on the host and use a block disk`,
        attrOf(source, 'protocol'),
      );
    }
    if (protocol === 'rbd') {
      const name = attrOf(source, 'name');
      if (name && name.value.includes(':')) {
        report('XML-RBD-NAME', 'error', "libvirt's libxl driver refuses ':' in an RBD image name (it would end the name in qemu's rbd: string)", name);
      }
    }
    const auth = child(source ?? e, 'auth') ?? child(e, 'auth');
    if (auth) authRules(x, auth, report);
  }
  // L9: target prefix vs bus
  if (dev && bus) {
    const want = BUS_OF_PREFIX.find(([re]) => re.test(dev.trim()))?.[1];
    if (want && !want.includes(bus.value.trim())) {
      const edits = x.setAttr(target!, 'bus', want[0]!);
      report('XML-BUS', 'warning', `target dev='${dev}' is a ${want[0]} name but bus='${bus.value}': the prefix decides the bus for Xen (xvd: xen, hd: ide, sd: scsi)`, bus, [edits && fix(`write bus='${want[0]}'`, true, edits)]);
    }
  }
  // L11: an address that cannot belong to the bus
  const address = child(e, 'address');
  const b = bus?.value.trim();
  if (address && b) {
    const at = valueOf(address, 'type');
    const drive = b === 'ide' || b === 'scsi' || b === 'sata' || b === 'fdc';
    if ((at === 'drive' && !drive) || (at !== undefined && at !== 'drive' && drive)) {
      const edits = x.removeElement(address);
      report('XML-STALE-ADDRESS', 'warning', `<address type='${at}'> does not fit bus='${b}' (left over from another bus?): libvirt refuses it ("unexpected address type"); without it libvirt assigns one`, address, [edits && fix('remove the <address>', true, edits)]);
    }
  }
  // L13: format
  const p = v(fileAttr) ?? v(devAttr);
  if ((type === 'file' || type === 'block') && p && !p.startsWith('rbd:')) {
    const ext = formatFromExtension(p);
    const t = v(driverType);
    if (t === undefined && device !== 'cdrom') {
      const want = ext ?? 'raw';
      const edits = driver ? x.setAttr(driver, 'type', want) : undefined;
      report('XML-FORMAT', 'info', `no driver type: the format is left to probing; say it (type='${want}')`, driver ?? e, [edits && fix(`write type='${want}'`, false, edits)]);
    } else if (t !== undefined && ext !== undefined && ext !== 'raw' && t !== ext && t !== 'rbd' && device !== 'cdrom') {
      const edits = x.setAttr(driver!, 'type', ext);
      report('XML-FORMAT', 'warning', `${p} looks like a ${ext} image but driver type='${t}': the guest would see the image file's container, not the disk inside it`, driverType, [edits && fix(`write type='${ext}'`, false, edits)]);
    }
    if (device === 'disk' && /\.iso$/i.test(p)) {
      const edits = x.setAttr(e, 'device', 'cdrom');
      report('XML-CDROM', 'warning', `${p} looks like a CD image but device='disk'`, attrOf(e, 'device') ?? e, [edits && fix("write device='cdrom'", false, edits)]);
    }
  }
  // L14
  const readonly = child(e, 'readonly');
  if (device === 'cdrom') {
    if (!readonly) {
      const edits = x.appendChild(e, '<readonly/>');
      report('XML-CDROM', 'warning', 'a cdrom without <readonly/>: Xen makes every cdrom read-only; say so', attrOf(e, 'device') ?? e, [edits && fix('add <readonly/>', true, edits)]);
    }
    const byPrefix = dev !== undefined && BUS_OF_PREFIX.some(([re]) => re.test(dev.trim()));
    if (!byPrefix && (b === 'virtio' || b === 'xen')) {
      const want = ctx.guest === 'hvm' ? (dev?.startsWith('sd') ? 'scsi' : 'ide') : 'xen';
      if (want !== b) {
        const edits = x.setAttr(target!, 'bus', want);
        report('XML-CDROM', 'warning', `a cdrom on the ${b} bus: an HVM guest's cdrom is an emulated ${want} drive (hdc)`, bus, [edits && fix(`write bus='${want}'`, false, edits)]);
      }
    }
  }
  // L16
  const shareable = child(e, 'shareable');
  const writable = device !== 'cdrom' && !readonly;
  if (shareable && writable) {
    report('XML-SHAREABLE', 'warning', '<shareable/> on a writable disk: two guests writing one disk corrupt it unless it holds a cluster file system; and xl has no shared-writable mode', shareable);
  }
  const src = p ?? v(attrOf(source, 'name'));
  if (src) {
    const same = writable ? writers.get(src) : undefined;
    if (same !== undefined) {
      report('XML-SHAREABLE', 'warning', `disk ${same} uses the same source ${src}, and both are writable: the two will corrupt each other`, fileAttr ?? devAttr ?? attrOf(source, 'name'));
    }
    if (writable && same === undefined) writers.set(src, index + 1);
  }
  // L17: runtime-only parts of `virsh dumpxml`
  const alias = child(e, 'alias');
  if (alias) {
    const edits = x.removeElement(alias);
    report('XML-RUNTIME', 'info', "<alias> is runtime state from 'virsh dumpxml', not configuration", alias, [edits && fix('remove the <alias>', true, edits)]);
  }
  const index2 = attrOf(source, 'index');
  if (index2) {
    const edits = x.removeAttr(index2);
    report('XML-RUNTIME', 'info', "source index= is runtime state from 'virsh dumpxml', not configuration", index2, [edits && fix('remove index=', true, edits)]);
  }
  const backing = child(e, 'backingStore');
  if (backing && backing.children.length === 0 && backing.attrs.length === 0) {
    const edits = x.removeElement(backing);
    report('XML-RUNTIME', 'info', "an empty <backingStore/> is runtime state from 'virsh dumpxml'", backing, [edits && fix('remove it', true, edits)]);
  }
}

function authRules(x: XmlText, auth: XEl, report: Report): void {
  const user = attrOf(auth, 'username');
  if (user && user.value.startsWith('client.')) {
    const edits = x.setAttr(auth, 'username', user.value.slice('client.'.length));
    report('XML-AUTH-USER', 'warning', `username='${user.value}': libvirt adds the client. prefix itself (Ceph would look for client.${user.value})`, user, [edits && fix(`write username='${user.value.slice(7)}'`, true, edits)]);
  }
  const secrets = childrenNamed(auth, 'secret');
  const secret = secrets[0];
  if (!secret) {
    report('XML-AUTH-SECRET', 'error', "<auth> without a <secret>: name the libvirt secret that holds the Ceph key (<secret type='ceph' usage='…'/> or uuid='…')", auth);
  } else {
    const t = attrOf(secret, 'type');
    if (t?.value !== 'ceph') {
      const edits = x.setAttr(secret, 'type', 'ceph');
      report('XML-AUTH-SECRET', 'error', `an RBD secret has type='ceph'${t ? `, not '${t.value}'` : ''}`, t ?? secret, [edits && fix("write type='ceph'", true, edits)]);
    }
    const uuid = attrOf(secret, 'uuid');
    const usage = attrOf(secret, 'usage');
    if ((!uuid || uuid.value.trim() === '') && (!usage || usage.value.trim() === '')) {
      report('XML-AUTH-SECRET', 'error', 'the <secret> names no secret: give its uuid= or usage= (libvirt: "missing secret uuid or usage attribute")', uuid ?? usage ?? secret);
    }
  }
  // key material pasted into the XML
  const look = (el: XEl) => {
    for (const a of el.attrs) {
      if (a.name !== 'uuid' && a.name !== 'usage' && a.name !== 'username' && CEPH_KEY.test(a.value.trim())) {
        const edits = x.removeAttr(a);
        report('XML-AUTH-SECRET', 'error', `${a.name}= looks like a Ceph key: never put key material into domain XML; store it in a libvirt secret (virsh secret-set-value)`, a, [edits && fix(`remove ${a.name}=`, false, edits)]);
      }
    }
    if (CEPH_KEY.test(el.text.trim())) report('XML-AUTH-SECRET', 'error', 'this looks like a Ceph key: never put key material into domain XML; store it in a libvirt secret', el);
    el.children.forEach(look);
  };
  look(auth);
}
