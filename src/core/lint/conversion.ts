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

/**
 * Reports what converting the disk of view `v` loses, once its own rules have run: `mark` is the
 * number of diagnostics reported before them (the codes since then are what they said).
 */
export function reportConversion(ctx: Lint, v: SpecView, mark: number): void {
  const disk = v.disk;
  if (!disk) return;
  let mine: Set<string> | undefined;
  const r = diskToLibvirt(disk, { guest: ctx.guest, element: false, decodeTarget: ctx.decodeTarget });
  for (const d of r.diagnostics) {
    if (d.severity === 'info' || d.code === 'LV-XL-SPEC') continue;
    const covered = COVERED[d.code];
    if (covered) {
      mine ??= codesWithin(ctx, v, mark);
      if (covered.some((c) => mine!.has(c))) continue;
    }
    const range = subjectRange(v, d.subject);
    ctx.report(d.code, d.severity, `libvirt: ${d.message}`, range.from, range.to);
  }
}

/** The codes reported within the view's span since `mark`. */
function codesWithin(ctx: Lint, v: SpecView, mark: number): Set<string> {
  const out = new Set<string>();
  for (let i = mark; i < ctx.out.length; i++) {
    const d = ctx.out[i]!;
    if (d.from >= v.from && d.to <= v.to) out.add(d.code);
  }
  return out;
}

/** The text an xl key (or RBD option) was written in, else the whole spec. */
function subjectRange(v: SpecView, subject: string | undefined): { from: number; to: number } {
  const whole = () => v.range(0, v.spec.length);
  if (!subject) return whole();
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
  return whole();
}
