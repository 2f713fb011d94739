/** The disks of an xl document (config items or bare spec lines), rule by rule. */
import type { DocumentView } from '../document';
import { diskList } from '../xl/config';
import { parseDiskSpec } from '../xl/diskSpec';
import { checkDisk, earlierDisks } from './checks';
import type { EarlierDisks } from './earlierDisks';
import type { Lint } from './context';
import { fix } from './context';
import { reportParseErrors } from './spec/errors';
import { reportIssues } from './spec/issues';
import { reportStyle } from './spec/style';
import { SpecView } from './spec/view';

/** The spec views of the document's disks (items xl cannot even dequote are left out). */
export function specViews(ctx: Lint, doc: DocumentView): SpecView[] {
  const out: SpecView[] = [];
  if (doc.syntax === 'xl-config' && doc.config) {
    const items = diskList(doc.config).items;
    for (const item of items) {
      if (item.node.kind === 'string' && item.node.escapeError) continue;
      // the document parsed each item already (with tokens); items line up with its disks
      const known = doc.disks[item.index];
      const parse = known?.spec === item.spec && known.parse?.tokens ? known.parse : parseDiskSpec(item.spec, { tokens: true });
      const mode = item.atom === 'number' ? 'number' : 'string';
      out.push(new SpecView(ctx, item.index, item.spec, parse, (i) => item.specOffsets.at(i), item.from, item.to, mode, item.quote ?? undefined));
    }
  } else if (doc.syntax === 'specs') {
    for (const d of doc.disks) {
      out.push(new SpecView(ctx, d.index, d.spec!, d.parse!, d.sourceOffset!, d.from, d.to, 'line', undefined));
    }
  }
  return out;
}

/**
 * Lints the disks one by one. `after` runs after each disk's own rules, with the number of
 * diagnostics reported before them: what else is to say of that disk is said then, while what
 * the rules worked out about it is at hand, and let go after (kept for every disk of a large
 * config until the end, it outlived young-generation collections, which then cost a third of
 * the lint).
 */
export function lintXlDisks(ctx: Lint, views: readonly SpecView[], after?: (v: SpecView, mark: number) => void): void {
  for (const v of views) {
    if (v.disk) ctx.usedVdevs.add(v.disk.vdev);
    else if (v.fields.vdev) ctx.usedVdevs.add(v.spec.slice(v.fields.vdev.from, v.fields.vdev.to));
  }
  const others = earlierDisks();
  for (const v of views) {
    const mark = ctx.out.length;
    lintDisk(ctx, v, others);
    after?.(v, mark);
    v.forget();
  }
}

/** One disk's own rules. */
function lintDisk(ctx: Lint, v: SpecView, others: EarlierDisks): void {
  if (!v.parse.ok) {
    reportParseErrors(v);
    return;
  }
  const { vdevExplained } = reportStyle(v);
  const issues = checkDisk(v.parse.disk, { guest: ctx.guest, others, used: ctx.usedVdevs, decodeTarget: ctx.decodeTarget }).filter((i) => !(vdevExplained && i.field === 'vdev'));
  reportIssues(v, issues);
  for (const i of issues) if (i.field === 'vdev' && i.fix) ctx.usedVdevs.add(i.fix.disk.vdev);
  others.add(v.parse.disk.vdev, v.index + 1);
}

/**
 * Bare spec lines: Windows line endings (the \r would end up in the last field of each spec),
 * and a spec broken over lines with backslash-newline, as documentation prints it. Returns the
 * views still to lint one by one (the pieces of a broken spec are not).
 */
export function lintSpecLines(ctx: Lint, views: readonly SpecView[]): SpecView[] {
  const text = ctx.text;
  const crs: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crs.push(i);
  if (crs.length) {
    ctx.report('CFG-CRLF', 'error', 'the text has Windows line endings (CRLF): each \\r becomes part of the last field of its spec', crs[0]!, crs[0]! + 1, [
      fix('convert to Unix line endings (LF)', false, crs.map((at) => ({ from: at, to: at + 1, insert: '' }))),
    ]);
  }
  const re = /\\[ \t]*(\n)[ \t]*/g;
  const edits: { from: number; to: number; insert: string }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index + m[0].length >= text.length) break;
    edits.push({ from: m.index, to: m.index + m[0].length, insert: '' });
  }
  if (!edits.length) return [...views];
  {
    // safe unless every line it joins is a spec xl accepts as it stands
    const touched = touchedBy(views, edits);
    const safe = views.some((v) => touched.has(v) && !v.parse.ok);
    ctx.report('CFG-LINE-CONTINUATION', 'error', 'a backslash at the end of a line does not continue a disk spec (documentation breaks long lines that way): each line is read as a spec of its own', edits[0]!.from, edits[0]!.from + 1, [
      fix('join the lines', safe, edits),
    ]);
    // the joined lines are one spec: linting their pieces would only mislead
    return views.filter((v) => !touched.has(v));
  }
}

/**
 * The views a join edit touches (at its line or the next). Both lists are in text order, so one
 * sweep finds them (a search of every edit per view was quadratic).
 */
function touchedBy(views: readonly SpecView[], edits: readonly { from: number; to: number }[]): Set<SpecView> {
  const out = new Set<SpecView>();
  let i = 0;
  for (const v of views) {
    // edits ending before this view end before every later one too
    while (i < edits.length && edits[i]!.to < v.from) i++;
    const e = edits[i];
    if (e && e.from <= v.to + 1) out.add(v);
  }
  return out;
}
