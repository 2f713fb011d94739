/**
 * The model checks (../checks.ts) placed on an xl spec: each issue underlines the text that set
 * its field, and its fix becomes the smallest spec edit that gives the fixed disk (the field's
 * own text replaced, a key added or removed), else the spec rewritten in key=value form.
 */
import type { Disk } from '../../model/disk';
import type { Edit } from '../../text/edits';
import type { DiskField, DiskIssue } from '../checks';
import { removalRange, type Loc } from './fields';
import type { SpecView } from './view';

const KEY_OF: Partial<Record<DiskField, string>> = { backendtype: 'backendtype', script: 'script', specification: 'specification', devtype: 'devtype', access: 'access', format: 'format', vdev: 'vdev', target: 'target' };

/** Where a field was set in the spec (value range), or undefined. */
function fieldRange(v: SpecView, field: DiskField): { from: number; to: number } | undefined {
  const f = v.fields;
  const loc = (l: Loc | undefined) => (l ? { from: l.via === 'key' && l.from === l.to ? l.token.from : l.from, to: l.to } : undefined);
  switch (field) {
    case 'vdev':
      return loc(f.vdev);
    case 'format':
      return loc(f.format);
    case 'target':
      return loc(f.target);
    case 'access':
      return loc(f.access.at(-1));
    case 'colo': {
      const t = f.flags.find((x) => x.name === 'colo');
      return t && { from: t.from, to: t.valueFrom };
    }
    case 'script': {
      const t = f.keys.get('script')?.[0] ?? f.prefixes.find((p) => ['iscsi', 'nbd', 'enbd', 'drbd'].includes(p.name!));
      return t && { from: t.from, to: t.rule === 'prefix' ? t.to : t.valueTo };
    }
    case 'devtype': {
      const t = f.keys.get('devtype')?.at(-1) ?? f.flags.find((x) => x.name === 'cdrom');
      return t && { from: t.from, to: t.rule === 'flag' ? t.valueFrom : t.valueTo };
    }
    default: {
      const t = f.keys.get(KEY_OF[field] ?? field)?.at(-1);
      return t && { from: t.from, to: t.valueTo };
    }
  }
}

/** Candidate local edits that turn the disk into `next`. */
function localEdits(v: SpecView, d: Disk, next: Disk): Edit[][] {
  const out: Edit[][] = [];
  const f = v.fields;
  const changed = (Object.keys({ ...d, ...next }) as (keyof Disk)[]).filter((k) => d[k] !== next[k]);
  const only = (...ks: (keyof Disk)[]) => changed.every((k) => ks.includes(k));
  const valueOf = (k: keyof Disk) => String(next[k]);
  const setKey = (key: string, loc: Loc | undefined, value: string) => {
    const edits: Edit[][] = [];
    if (loc && loc.via !== 'prefix') edits.push([{ from: loc.from, to: loc.to, insert: value }]);
    edits.push([{ from: 0, to: 0, insert: `${key}=${value},` }]);
    return edits;
  };
  if (only('vdev')) out.push(...setKey('vdev', f.vdev, next.vdev));
  else if (only('format')) out.push(...setKey('format', f.format, next.format));
  else if (only('target') && next.target !== undefined && f.target?.via === 'key') out.push([{ from: f.target.from, to: f.target.to, insert: next.target }]);
  else if (only('backendtype', 'specification')) {
    for (const k of ['backendtype', 'specification'] as const) {
      if (d[k] === next[k]) continue;
      const tokens = f.keys.get(k) ?? [];
      if (next[k] === undefined) out.push(tokens.map((t) => removalRange(v.spec, t.from, t.to)));
      else if (tokens.length) out.push(tokens.map((t) => ({ from: t.valueFrom, to: t.valueTo, insert: valueOf(k) })));
      else out.push([{ from: 0, to: 0, insert: `${k}=${valueOf(k)},` }]);
    }
    if (out.length > 1) out.splice(0, out.length, out.flat());
  } else if (only('devtype', 'access') && next.devtype === 'cdrom') out.push([{ from: 0, to: 0, insert: 'devtype=cdrom,' }]);
  return out;
}

/** Reports the model issues of one accepted xl disk. */
export function reportIssues(v: SpecView, issues: readonly DiskIssue[]): void {
  const d = v.disk;
  if (!d) return;
  for (const issue of issues) {
    let range = fieldRange(v, issue.field) ?? { from: 0, to: v.spec.length };
    if (range.from === range.to) range = (v.fields.target && v.fields.target.from < v.fields.target.to ? v.fields.target : undefined) ?? { from: 0, to: v.spec.length };
    if (issue.targetRange && v.fields.target) {
      const base = v.fields.target.from;
      range = { from: base + issue.targetRange.from, to: base + issue.targetRange.to };
    }
    const r = v.range(range.from, range.to);
    const fix = issue.fix ? v.change(issue.fix.title, issue.fix.disk, localEdits(v, d, issue.fix.disk), { safe: false }) : undefined;
    v.ctx.report(issue.code, issue.severity, issue.message, r.from, r.to, [fix]);
  }
}
