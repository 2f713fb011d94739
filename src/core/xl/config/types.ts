/**
 * The syntax tree and diagnostics of an xl domain config file, as read by our
 * emulation of libxlutil's config reader (libxlu_cfg_l.l / libxlu_cfg_y.y /
 * libxlu_cfg.c, Xen 4.17).
 *
 * Every node keeps its source span so that edits can rewrite exactly one value
 * and leave every other byte alone. Offsets are UTF-16 code units into the text
 * given to readXlConfig; `to` is exclusive.
 */

import type { LineCol, LineIndex } from '../../text/positions';
import type { SourceOffsets } from './offsets';

export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A span with its line/column (1-based; columns in UTF-16 code units; `end` is exclusive). */
export interface Located extends Span {
  readonly start: LineCol;
  readonly end: LineCol;
}

/** A quoted string atom: `'...'` or `"..."`. */
export interface XlStringValue extends Located {
  readonly kind: 'string';
  readonly quote: "'" | '"';
  /** The string after quote and escape processing (what xl hands on). */
  readonly value: string;
  /**
   * offsets.at(i) = source offset of the character that produced value[i]
   * (for an escape: the offset of its backslash); offsets.at(value.length) =
   * the offset of the closing quote. Lets a later linter put a disk-spec
   * column at the right place in the file.
   */
  readonly offsets: SourceOffsets;
  /** Set when libxlutil's dequoting failed; value then holds the prefix it kept. */
  readonly escapeError?: string;
}

/**
 * A NUMBER atom (`5`, `0x1f`, `07`). libxlutil stores it as a string with the
 * same text, so for every consumer it *is* a string; we keep the kind so a
 * writer can add quotes when it rewrites one.
 */
export interface XlNumberValue extends Located {
  readonly kind: 'number';
  readonly value: string;
}

export interface XlListItem {
  readonly value: XlValue;
  /** Offset of the comma that follows this item, if any. */
  readonly comma?: number;
}

export interface XlListValue extends Located {
  readonly kind: 'list';
  /** Offsets of `[` and `]` (from/to of the node are `[`..`]`+1). */
  readonly open: number;
  readonly close: number;
  readonly items: readonly XlListItem[];
}

export type XlAtom = XlStringValue | XlNumberValue;
export type XlValue = XlAtom | XlListValue;

export type XlOp = '=' | '+=';

/** One `name = value` / `name += value` statement, in source order. */
export interface XlSetting extends Located {
  readonly index: number;
  readonly name: string;
  readonly nameSpan: Span;
  readonly op: XlOp;
  readonly opSpan: Span;
  readonly value: XlValue;
  /**
   * The line libxlutil records for the setting (the line where its value
   * starts); used in its warnings such as "parameter `disk' is a single value".
   */
  readonly line: number;
  /**
   * The `;` or newline that ends the statement, if the parser saw one (the
   * last statement of a file may have none). For a newline that ends a comment
   * the span covers `# ...\n`.
   */
  readonly terminator?: Span;
  /**
   * Whether libxlutil stored it. After the first error libxlutil keeps parsing
   * (to report more errors) but stores nothing, and a failed `+=` is not stored.
   */
  readonly stored: boolean;
}

export type XlDiagnosticKind =
  | 'lexical' // "lexical error"
  | 'syntax' // bison's "syntax error, unexpected ..."
  | 'escape' // bad backslash escape inside a quoted string
  | 'concat' // "can't add [list] to \"string\" or vice versa"
  | 'memory' // bison's "memory exhausted" (lists nested ~5000 deep)
  | 'python' // the three-line "looks like it contains Python code" warning
  | 'not-a-list' // xl's "parameter `disk' is a single value but should be a list"
  | 'abort'; // libxlutil would hit an assertion and kill xl (NUL inside a string)

export interface XlDiagnostic extends Located {
  readonly kind: XlDiagnosticKind;
  readonly severity: 'error' | 'warning';
  /** The MESSAGE part, e.g. "lexical error". */
  readonly message: string;
  /** The line number xl prints (it can be one less than the real line, even 0, for errors at a newline). */
  readonly line: number;
  /** The text after "near " as xl prints it, e.g. "`disk'" or "<newline>"; undefined when there is none. */
  readonly near?: string;
  /** Exactly what xl prints, one string per line, with the file label. */
  readonly lines: readonly string[];
  /** For escape errors: the offset of the offending backslash. */
  readonly at?: number;
}

/** Everything the lexer saw, trivia included (blanks, comments, bad text). */
export type XlTokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'blank'
  | 'newline' // "\n", or "# comment\n" (commentTo marks where the comment ends)
  | '['
  | ']'
  | ','
  | '='
  | '+='
  | ';'
  | 'bad'; // text libxlutil rejected with "lexical error" (or dropped silently at EOF)

export interface XlToken extends Span {
  readonly kind: XlTokenKind;
}

/* The values libxlutil keeps (see store.ts). */
export interface EffectiveItem {
  readonly value: XlValue;
  /** Index of the statement (XlConfig.settings) the item was written in. */
  readonly setting: number;
}

export type EffectiveValue =
  | {
      readonly type: 'string';
      readonly value: string;
      /** The statements whose strings were concatenated, oldest first. */
      readonly settings: readonly number[];
    }
  | {
      readonly type: 'list';
      readonly items: readonly EffectiveItem[];
      /** The statements that contributed (the assignment, then each +=), oldest first. */
      readonly settings: readonly number[];
    };

export interface Effective {
  readonly value: EffectiveValue;
  /** The newest statement, the one libxlutil's find() returns (its line is used in warnings). */
  readonly setting: number;
}

export interface XlConfig {
  readonly text: string;
  /** The file label used in messages ("config" unless given). */
  readonly source: string;
  /** libxlutil's result: 0 when the read succeeded, else an errno (22, EINVAL, in practice). */
  readonly rc: number;
  readonly ok: boolean;
  /** libxlutil would abort (assertion failure), killing xl. Implies !ok. */
  readonly aborted: boolean;
  /** Every statement the parser recognised, in source order (stored or not). */
  readonly settings: readonly XlSetting[];
  /** What xl prints while reading (and, when the read succeeded, while fetching `disk`), in order. */
  readonly diagnostics: readonly XlDiagnostic[];
  /** Errors libxlutil detected but did not print (it prints one per line at most); the first 1000. */
  readonly hidden: readonly XlDiagnostic[];
  /** diagnostics flattened into the exact lines xl prints. */
  readonly messages: readonly string[];
  /**
   * What libxlutil's lookups (xlu_cfg_get_*) see: the effective value of each
   * name. When the read failed this is what libxlutil had stored before the
   * first error; `bestEffort` is what it would hold had there been no error.
   */
  readonly values: ReadonlyMap<string, Effective>;
  readonly bestEffort: ReadonlyMap<string, Effective>;
  /** The lexemes, trivia included, in order; they tile the text. */
  readonly tokens: readonly XlToken[];
  /** Offset <-> line/column for this text (only "\n" ends a line, as in libxlutil). */
  readonly lineIndex: LineIndex;
}
