/**
 * The grammar of libxlutil's config files (libxlu_cfg_y.y, Xen 4.17), written
 * down as data. The parse tables are built from it at load time (lalr.ts) with
 * the same construction and the same default-reduction policy as bison, so our
 * parser detects errors in the same state as libxlutil's and therefore prints
 * the same "expecting ..." lists.
 */

/**
 * Terminals, numbered as bison numbers them: $end, error, $undefined, then the
 * %token declarations in order, then the character literals in order of first
 * use. The order matters: bison lists expected tokens in this order.
 */
export const T = {
  END: 0,
  ERROR: 1,
  UNDEF: 2,
  IDENT: 3,
  STRING: 4,
  NUMBER: 5,
  NEWLINE: 6,
  OP_ADD: 7,
  EQ: 8,
  SEMI: 9,
  LBRACK: 10,
  RBRACK: 11,
  COMMA: 12,
} as const;
export type Terminal = (typeof T)[keyof typeof T];
export const NTOKENS = 13;

/** How bison's verbose messages name each terminal (quotes of "+=" removed, as yytnamerr does). */
export const TOKEN_NAMES: readonly string[] = [
  '$end',
  'error',
  '$undefined',
  'IDENT',
  'STRING',
  'NUMBER',
  'NEWLINE',
  '+=',
  "'='",
  "';'",
  "'['",
  "']'",
  "','",
];

/** Nonterminals follow the terminals. */
export const N = {
  ACCEPT: 13,
  file: 14,
  stmts: 15,
  stmt: 16,
  assignment: 17,
  endstmt: 18,
  value: 19,
  atom: 20,
  valuelist: 21,
  values: 22,
  nlok: 23,
} as const;
export const NSYMBOLS = 24;

export interface Rule {
  readonly lhs: number;
  readonly rhs: readonly number[];
}

/** Rule numbers are used by the parser's semantic actions (parser.ts). */
export const R = {
  accept: 0,
  file_stmts: 1,
  file_stmts_assignment: 2,
  stmts_empty: 3,
  stmts_more: 4,
  stmt_assignment: 5,
  stmt_endstmt: 6,
  stmt_error: 7,
  assign_eq: 8,
  assign_add: 9,
  endstmt_newline: 10,
  endstmt_semi: 11,
  value_atom: 12,
  value_list: 13,
  atom_string: 14,
  atom_number: 15,
  valuelist_empty: 16,
  valuelist_values: 17,
  valuelist_trailing_comma: 18,
  values_first: 19,
  values_more: 20,
  nlok_empty: 21,
  nlok_more: 22,
} as const;

export const RULES: readonly Rule[] = [
  { lhs: N.ACCEPT, rhs: [N.file, T.END] },
  { lhs: N.file, rhs: [N.stmts] },
  { lhs: N.file, rhs: [N.stmts, N.assignment] },
  { lhs: N.stmts, rhs: [] },
  { lhs: N.stmts, rhs: [N.stmts, N.stmt] },
  { lhs: N.stmt, rhs: [N.assignment, N.endstmt] },
  { lhs: N.stmt, rhs: [N.endstmt] },
  { lhs: N.stmt, rhs: [T.ERROR, T.NEWLINE] },
  { lhs: N.assignment, rhs: [T.IDENT, T.EQ, N.value] },
  { lhs: N.assignment, rhs: [T.IDENT, T.OP_ADD, N.value] },
  { lhs: N.endstmt, rhs: [T.NEWLINE] },
  { lhs: N.endstmt, rhs: [T.SEMI] },
  { lhs: N.value, rhs: [N.atom] },
  { lhs: N.value, rhs: [T.LBRACK, N.nlok, N.valuelist, T.RBRACK] },
  { lhs: N.atom, rhs: [T.STRING] },
  { lhs: N.atom, rhs: [T.NUMBER] },
  { lhs: N.valuelist, rhs: [] },
  { lhs: N.valuelist, rhs: [N.values] },
  { lhs: N.valuelist, rhs: [N.values, T.COMMA, N.nlok] },
  { lhs: N.values, rhs: [N.value, N.nlok] },
  { lhs: N.values, rhs: [N.values, T.COMMA, N.nlok, N.value, N.nlok] },
  { lhs: N.nlok, rhs: [] },
  { lhs: N.nlok, rhs: [N.nlok, T.NEWLINE] },
];
