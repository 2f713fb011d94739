/**
 * What converting an xl disk to libvirt XML loses (Core 2's mapper, src/core/libvirt): its
 * warnings and errors, placed on the key they name. Its notes (info) are about how xldisk writes
 * the XML, not about the disk, and are left to the converter's own output. Where a lint rule
 * already says the same thing about the same disk, the mapper's diagnostic is left out.
 */
import { diskToLibvirt } from '../libvirt';
import type { LvCode } from '../libvirt/diagnostics';
import type { OwnCode } from './codes';
import type { Lint } from './context';
import type { SpecView } from './spec/view';

/** Lint codes that already cover a mapper code on the same disk. */
const COVERED: Partial<Record<LvCode, OwnCode[]>> = {
  'LV-SOURCE-SCHEMA': ['XL-RELATIVE-TARGET', 'XL-EMPTY-TARGET'],
  'LV-RBD-MALFORMED': ['XL-RBD-TARGET'],
  'LV-TARGET-DEV-SCHEMA': ['XL-VDEV-INVALID', 'XL-BLANK-SEPARATOR', 'XL-XEN419'],
  'LV-NO-DRIVE-INDEX': ['XL-VDEV-INVALID', 'XL-BLANK-SEPARATOR', 'XL-XEN419'],
  'LV-RBD-BACKENDTYPE': ['XL-RBD-BACKENDTYPE'],
  'LV-NO-SOURCE': ['XL-EMPTY-TARGET', 'XL-EMPTY-FORMAT'],
  'LV-FORMAT-EMPTY': ['XL-EMPTY-FORMAT'],
};

export function reportConversion(ctx: Lint, views: readonly SpecView[]): void {
  const reported = codesWithin(ctx, views);
  views.forEach((v, i) => {
    const disk = v.disk;
    if (!disk) return;
    const mine = reported[i]!;
    const r = diskToLibvirt(disk, { guest: ctx.guest, element: false, decodeTarget: ctx.decodeTarget });
    for (const d of r.diagnostics) {
      if (d.severity === 'info' || d.code === 'LV-XL-SPEC') continue;
      if (COVERED[d.code]?.some((c) => mine.has(c))) continue;
      const range = subjectRange(v, d.subject);
      ctx.report(d.code, d.severity, `libvirt: ${d.message}`, range.from, range.to);
    }
  });
}

/**
 * The codes already reported within each view's span. Views are in text order and do not
 * overlap, so each diagnostic is placed by a binary search (not by a scan per view).
 */
function codesWithin(ctx: Lint, views: readonly SpecView[]): Set<string>[] {
  const sets = views.map(() => new Set<string>());
  for (const d of ctx.out) {
    let lo = 0;
    let hi = views.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (views[mid]!.from <= d.from) lo = mid;
      else hi = mid - 1;
    }
    const v = views[lo];
    if (v && d.from >= v.from && d.to <= v.to) sets[lo]!.add(d.code);
  }
  return sets;
}

/** The text an xl key (or RBD option) was written in, else the whole spec. */
function subjectRange(v: SpecView, subject: string | undefined): { from: number; to: number } {
  const whole = v.range(0, v.spec.length);
  if (!subject) return whole;
  const f = v.fields;
  if (subject === 'target' && f.target) return v.range(f.target.from, f.target.to);
  if (subject === 'vdev' && f.vdev) return v.range(f.vdev.from, f.vdev.to);
  if (subject === 'format' && f.format) return v.range(f.format.from, f.format.to);
  const key = f.keys.get(subject)?.[0];
  if (key) return v.range(key.from, key.valueTo);
  const flag = f.flags.find((t) => t.name === subject || (subject === 'colo' && t.name === 'no-colo'));
  if (flag) return v.range(flag.from, flag.valueFrom);
  if (f.target) {
    const target = v.spec.slice(f.target.from, f.target.to);
    const at = target.indexOf(`:${subject}=`);
    if (at >= 0) {
      const end = target.indexOf(':', at + 1);
      return v.range(f.target.from + at + 1, f.target.from + (end < 0 ? target.length : end));
    }
  }
  return whole;
}
