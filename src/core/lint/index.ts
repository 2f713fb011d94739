/**
 * The linter: lint(text) → diagnostics with fixes; applyFixes(text, diagnostics) → the text
 * with every safe fix applied. Codes: ./codes.ts and docs/diagnostics.md.
 */
export { lint } from './lint';
export { applyFixes, selectFixes, editsOf, fixAll, cliFix, type Chosen, type FixAllResult } from './fixes';
export { checkDisk, formatFromExtension, isFileBacked, escapeMonHost, type DiskIssue, type DiskField, type CheckContext } from './checks';
export { LINT_CODES, isOwnCode, type LintCode, type OwnCode } from './codes';
export { LOOP_DEVICES } from './loops';
export type { Diagnostic, Fix, LintOptions, Severity } from './types';
