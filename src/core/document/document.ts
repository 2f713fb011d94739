/**
 * The document: the user's text (bare disk specs, an xl config, or libvirt XML) and the guest
 * type. Everything else — the disk list, each disk's parse and model, where it sits in the text —
 * is derived here, and every change comes back as text edits (see ./edits.ts). The UI and the
 * CLI both read documents through this module.
 */
import type { Disk } from '../model/disk';
import type { GuestType } from '../model/guest';
import { guestFromXlSettings, readLibvirtXml, type LibvirtDisk, type LibvirtRead } from '../libvirt';
import { LineIndex } from '../text/positions';
import { diskList, readXlConfig, type XlConfig } from '../xl/config';
import { parseDiskSpec, type DiskParse } from '../xl/diskSpec';
import { detectSyntax, type Syntax } from './detect';
import { elementEnd } from './xmlSpan';

export type DocDisk = {
  index: number;
  /** Where the disk sits: the quoted config item, the spec's line, or the `<disk>` element. */
  from: number;
  to: number;
  /** The string xl's disk parser receives (xl syntaxes only). */
  spec?: string;
  /** The source offset of spec character i (i = spec.length: the end), xl syntaxes only. */
  sourceOffset?: (i: number) => number;
  /** xl's verdict on the spec (xl syntaxes only). */
  parse?: DiskParse;
  /** What the XML import made of the element (XML only). */
  xml?: LibvirtDisk;
  /** The disk, when it could be read. */
  disk?: Disk;
};

export type GuestSource = 'config' | 'xml' | 'user' | 'default';

export type DocumentView = {
  text: string;
  syntax: Syntax;
  guest: GuestType;
  /** Where the guest type came from: the text itself, the user's choice, or the default. */
  guestSource: GuestSource;
  disks: DocDisk[];
  config?: XlConfig;
  xml?: LibvirtRead;
  lines: LineIndex;
};

export type ReadOptions = {
  /** The user's choice; a guest type written in the text (builder/type, `<os><type>`) wins. */
  guest?: GuestType;
  /** The file label xl uses in its messages. */
  source?: string;
};

/**
 * The last document read, and the specs of the last xl document: the UI, the linter and the
 * previews read the same text one after another, and an edit to a large document changes few
 * of its specs. Only the last document's specs are kept (its view holds them anyway): keeping
 * those of earlier documents too made every garbage collection of a large one mark them all.
 * Views and parses are never changed after they are made, so they can be shared.
 */
let lastRead: { text: string; guest?: GuestType; source?: string; view: DocumentView } | undefined;
let lastSpecs = new Map<string, DiskParse>();

/** Parses specs, reusing the last document's parses; `done()` makes this document's the last. */
function specParser(): { parse: (spec: string) => DiskParse; done: () => void } {
  const mine = new Map<string, DiskParse>();
  return {
    parse(spec) {
      let p = mine.get(spec) ?? lastSpecs.get(spec);
      if (p === undefined) p = parseDiskSpec(spec, { tokens: true });
      mine.set(spec, p);
      return p;
    },
    done: () => {
      lastSpecs = mine;
    },
  };
}

/** Reads a document of any syntax. Never throws on user text. */
export function readDocument(text: string, options: ReadOptions = {}): DocumentView {
  if (lastRead && lastRead.guest === options.guest && lastRead.source === options.source && lastRead.text === text) return lastRead.view;
  const view = read(text, options);
  lastRead = { text, ...(options.guest && { guest: options.guest }), ...(options.source !== undefined && { source: options.source }), view };
  return view;
}

function read(text: string, options: ReadOptions): DocumentView {
  const syntax = detectSyntax(text);
  const lines = new LineIndex(text);
  const fallback = { guest: options.guest ?? 'hvm', guestSource: (options.guest ? 'user' : 'default') as GuestSource };
  switch (syntax) {
    case 'empty':
      return { text, syntax, ...fallback, disks: [], lines };
    case 'specs':
      return { text, syntax, ...fallback, disks: specLines(text), lines };
    case 'xl-config': {
      const config = readXlConfig(text, { source: options.source });
      const values = config.ok ? config.values : config.bestEffort;
      const setting = (name: string) => {
        const v = values.get(name)?.value;
        return v?.type === 'string' ? v.value : undefined;
      };
      const type = setting('type');
      const builder = setting('builder');
      const written = type !== undefined || builder !== undefined;
      const guest = written ? guestFromXlSettings(type, builder).guest : (options.guest ?? 'pv');
      const specs = specParser();
      const disks = diskList(config).items.map((item, index): DocDisk => {
        const parse = specs.parse(item.spec);
        return { index, from: item.from, to: item.to, spec: item.spec, sourceOffset: (i) => item.specOffsets.at(i), parse, disk: parse.ok ? parse.disk : undefined };
      });
      specs.done();
      return { text, syntax, guest, guestSource: written ? 'config' : options.guest ? 'user' : 'default', disks, config, lines };
    }
    case 'libvirt-xml': {
      const xml = readLibvirtXml(text, { guest: undefined });
      const guest = (xml.ok && xml.guest) || options.guest || 'hvm';
      const disks = xml.ok
        ? xml.disks.map((d, index): DocDisk => {
            const from = d.element.at ? lines.offset(d.element.at) : 0;
            return { index, from, to: elementEnd(text, from) ?? from, xml: d, disk: d.disk };
          })
        : [];
      return { text, syntax, guest, guestSource: xml.ok && xml.guest ? 'xml' : options.guest ? 'user' : 'default', disks, xml, lines };
    }
  }
}

/** Bare specs: each non-blank line is one disk. */
function specLines(text: string): DocDisk[] {
  const disks: DocDisk[] = [];
  const specs = specParser();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const spec = text.slice(start, end);
    if (spec.trim() !== '') {
      const parse = specs.parse(spec);
      const from = start;
      disks.push({ index: disks.length, from, to: end, spec, sourceOffset: (i) => from + i, parse, disk: parse.ok ? parse.disk : undefined });
    }
    start = end + 1;
  }
  specs.done();
  return disks;
}

export type DiskStatus = 'ok' | 'warning' | 'error';

/** Whether the disk is usable as it is (warnings come from the linter on top of this). */
export function parseStatus(d: DocDisk): DiskStatus {
  if (d.parse) return d.parse.ok ? 'ok' : 'error';
  if (!d.disk) return 'error';
  return d.xml?.diagnostics.some((x) => x.severity === 'error') ? 'error' : d.xml?.diagnostics.length ? 'warning' : 'ok';
}
