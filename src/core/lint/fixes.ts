/**
 * Applying fixes. Fixes are text edits of the linted text; several can go in one pass as long as
 * no two touch the same text (a fix whose edits overlap one already taken waits for the next
 * lint). Identical fixes (one rewrite offered by two diagnostics) are taken once.
 */
import { applyEdits, type Edit } from '../text/edits';
import { lint } from './lint';
import type { Diagnostic, Fix, LintOptions } from './types';

export type Chosen = { diagnostic: Diagnostic; fix: Fix };

const key = (f: Fix) => JSON.stringify(f.edits.map((e) => [e.from, e.to, e.insert]));

function overlaps(a: Edit, b: Edit): boolean {
  if (a.from === a.to && b.from === b.to) return a.from === b.from;
  if (a.from === a.to) return b.from < a.from && a.from < b.to;
  if (b.from === b.to) return a.from < b.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

/**
 * Picks, in diagnostic order, the fixes `want` selects (by default each diagnostic's first safe
 * fix), skipping any that overlaps one already picked.
 */
export function selectFixes(diagnostics: readonly Diagnostic[], want: (d: Diagnostic) => Fix | undefined = (d) => d.fixes.find((f) => f.safe)): Chosen[] {
  const chosen: Chosen[] = [];
  const taken: Edit[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const f = want(d);
    if (!f || f.edits.length === 0) continue;
    const k = key(f);
    if (seen.has(k)) {
      chosen.push({ diagnostic: d, fix: f });
      continue;
    }
    if (f.edits.some((e) => taken.some((t) => overlaps(e, t))) || selfOverlap(f.edits)) continue;
    seen.add(k);
    taken.push(...f.edits);
    chosen.push({ diagnostic: d, fix: f });
  }
  return chosen;
}

/** A fix's own edits may insert twice at one point (applied in order), nothing else may overlap. */
function selfOverlap(edits: readonly Edit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      const a = edits[i]!;
      const b = edits[j]!;
      if (a.from === a.to && b.from === b.to) continue;
      if (overlaps(a, b)) return true;
    }
  }
  return false;
}

/** The edits of the chosen fixes (each distinct fix once). */
export function editsOf(chosen: readonly Chosen[]): Edit[] {
  const seen = new Set<string>();
  const out: Edit[] = [];
  for (const c of chosen) {
    const k = key(c.fix);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(...c.fix.edits);
  }
  return out;
}

/** Applies every safe fix of `diagnostics` to `text` in one pass (overlapping ones are left out). */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], want?: (d: Diagnostic) => Fix | undefined): string {
  return applyEdits(text, editsOf(selectFixes(diagnostics, want)));
}

/**
 * What `xldisk lint --fix` takes: every safe fix, and for an error that has no safe fix but
 * exactly one fix, that one (a missing vdev gets the next free name, a duplicate the next free).
 */
export function cliFix(d: Diagnostic): Fix | undefined {
  const safe = d.fixes.find((f) => f.safe);
  if (safe) return safe;
  if (d.severity === 'error' && d.fixes.length === 1) return d.fixes[0];
  return undefined;
}

export type FixAllResult = { text: string; applied: Chosen[]; remaining: Diagnostic[]; passes: number };

/**
 * Lints and fixes until nothing more applies (at most `maxPasses` passes): a fix can reveal the
 * next problem (xl stops at the first error of a spec), and overlapping fixes wait a pass.
 */
export function fixAll(text: string, options: LintOptions = {}, want: (d: Diagnostic) => Fix | undefined = cliFix, maxPasses = 8): FixAllResult {
  let current = text;
  const applied: Chosen[] = [];
  let passes = 0;
  let diagnostics = lint(current, options);
  while (passes < maxPasses) {
    const chosen = selectFixes(diagnostics, want);
    if (chosen.length === 0) break;
    const next = applyEdits(current, editsOf(chosen));
    passes++;
    if (next === current) break;
    applied.push(...chosen);
    current = next;
    diagnostics = lint(current, options);
  }
  return { text: current, applied, remaining: diagnostics, passes };
}
