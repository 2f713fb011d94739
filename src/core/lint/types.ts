/**
 * What the linter reports: diagnostics at a range of the user's text, each with its fixes as
 * text edits of that same text (architecture: the text is the truth, every change is an edit).
 *
 * Offsets are UTF-16 code units (JavaScript string indices), `to` exclusive; lines and columns
 * are 1-based, only "\n" ends a line (as in libxlutil, so our line numbers are xl's), and
 * `endLine`/`endColumn` is the position just past the range.
 */
import type { GuestType } from '../model/guest';
import type { Edit } from '../text/edits';
import type { LintCode } from './codes';

export type Severity = 'error' | 'warning' | 'info';

export type Fix = {
  title: string;
  /**
   * Safe fixes may be applied without asking (`applyFixes`, "fix all", `xldisk lint --fix`).
   * A fix is only marked safe when it cannot change what Xen does with a config Xen accepts:
   * either the text it edits is rejected by xl as it stands, or xl reads the same disks from
   * the fixed text (checked by re-parsing, per fix).
   */
  safe: boolean;
  edits: Edit[];
};

export type Diagnostic = {
  /** Stable code, documented in docs/diagnostics.md (`LV-…` codes: docs/libvirt-differences.md). */
  code: LintCode;
  severity: Severity;
  /**
   * One line. When xl reports the problem, xl's own words come first (people search them),
   * then a plain explanation after " — ".
   */
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  from: number;
  to: number;
  fixes: Fix[];
};

export type LintOptions = {
  /** The guest type when the text does not say (xl `type`/`builder`, `<os><type>` win). */
  guest?: GuestType;
  /** Also report what converting to the other syntax would lose (Core 2's LV-… codes). Default true. */
  conversion?: boolean;
};
