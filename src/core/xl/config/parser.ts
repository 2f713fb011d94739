/**
 * The config-file parser: an emulation of the bison 3.3 `yacc.c` skeleton that
 * libxlutil's parser was generated with, driven by tables built from the same
 * grammar (grammar.ts, lalr.ts). Reproduced on purpose:
 *
 * - when the scanner is called (only in states that need a lookahead), since
 *   scanning reports lexical errors and libxlutil stops storing after one;
 * - where errors are detected (after default reductions) and the verbose
 *   message: "syntax error, unexpected X, expecting A or B" (at most four
 *   expected tokens, else none are listed);
 * - the message's line: that of the lookahead token, and for $end the line of
 *   the token before it (bison keeps the old location);
 * - recovery through `stmt: error NEWLINE`: no new message until three tokens
 *   have been shifted, the offending token is discarded, an error at $end
 *   stops the parse;
 * - the stack limit (10000 entries: "memory exhausted").
 *
 * The semantic actions build our syntax tree and call the store (store.ts) at
 * the moment libxlutil would, so "can't add" errors come out in the same order.
 */
import { NSYMBOLS, NTOKENS, R, RULES, T, TOKEN_NAMES } from './grammar';
import { buildTables, type ParseTables } from './lalr';
import { SourceOffsets } from './offsets';
import type { LexToken, Lexer } from './lexer';
import { EINVAL, type Report } from './report';
import { applySetting } from './store';
import type { LineCol } from '../../text/positions';
import type { Effective, Span, XlListItem, XlSetting, XlStringValue, XlValue } from './types';

let tables: ParseTables | undefined;
/** Built on first use; the grammar is fixed, so once per process. */
export function configTables(): ParseTables {
  return (tables ??= buildTables(RULES, NTOKENS, NSYMBOLS, T.ERROR, T.END));
}

/** bison's YYINITDEPTH doubles up to YYMAXDEPTH: reaching this many entries exhausts it. */
const YYMAXDEPTH = 10000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ListItem = Mutable<XlListItem>;
/** Semantic values: tokens, tree nodes, list items being collected, statements, terminators. */
type SemValue = LexToken | XlValue | ListItem[] | Mutable<XlSetting> | Span | null;

export interface ParseResult {
  readonly settings: XlSetting[];
  /** libxlutil's store after the parse (only what it really stored). */
  readonly store: Map<string, Effective>;
}

function syntaxMessage(t: ParseTables, state: number, token: number): string {
  const expected = [...t.actions[state]!.keys()].filter((x) => x !== T.ERROR).sort((a, b) => a - b);
  let msg = `syntax error, unexpected ${TOKEN_NAMES[token]}`;
  // bison's yysyntax_error gives up listing beyond four expected tokens.
  if (expected.length > 0 && expected.length <= 4) msg += `, expecting ${expected.map((x) => TOKEN_NAMES[x]).join(' or ')}`;
  return msg;
}

export function parseConfig(src: string, lexer: Lexer, report: Report, position: (offset: number) => LineCol): ParseResult {
  const t = configTables();
  const settings: Mutable<XlSetting>[] = [];
  const store = new Map<string, Effective>();
  // The parser stack as parallel arrays (state, location line, semantic value).
  const states: number[] = [0];
  const lines: number[] = [1];
  const values: SemValue[] = [null];
  let yylloc = 1; // bison's initial location is line 1
  let la: LexToken | null = null;
  let errstatus = 0;

  const setStore = (s: Mutable<XlSetting>): void => {
    // xlu__cfg_set_store: nothing is stored once an error has happened.
    if (report.err || report.aborted) return;
    if (!applySetting(store, s)) {
      report.lexicalError('concat', lexer.line, lexer.text, { from: lexer.textFrom, to: lexer.textTo }, `can't add [list] to "string" or vice versa`);
      report.err = report.err || EINVAL;
      return;
    }
    s.stored = true;
  };

  /** The semantic action of `rule`, whose right-hand side is values[base..]. */
  const reduce = (rule: number, base: number): SemValue => {
    switch (rule) {
      case R.assign_eq:
      case R.assign_add: {
        const name = values[base] as LexToken;
        const op = values[base + 1] as LexToken;
        const value = values[base + 2] as XlValue;
        const s: Mutable<XlSetting> = {
          index: settings.length,
          name: src.slice(name.from, name.to),
          nameSpan: { from: name.from, to: name.to },
          op: rule === R.assign_eq ? '=' : '+=',
          opSpan: { from: op.from, to: op.to },
          value,
          line: lines[base + 2]!,
          from: name.from,
          to: value.to,
          start: position(name.from),
          end: value.end, // shared: a big config has many nodes
          terminator: undefined, // declared up front: set later, and V8 likes fixed shapes
          stored: false,
        };
        settings.push(s);
        setStore(s);
        return s;
      }
      case R.stmt_assignment: {
        const s = values[base] as Mutable<XlSetting>;
        const end = values[base + 1] as Span;
        s.terminator = end;
        return null;
      }
      case R.endstmt_newline:
      case R.endstmt_semi: {
        const tok = values[base] as LexToken;
        return { from: tok.from, to: tok.to };
      }
      case R.value_atom:
        return values[base]!;
      case R.value_list: {
        const open = values[base] as LexToken;
        const close = values[base + 3] as LexToken;
        return {
          kind: 'list',
          from: open.from,
          to: close.to,
          start: position(open.from),
          end: position(close.to),
          open: open.from,
          close: close.from,
          items: values[base + 2] as ListItem[],
        };
      }
      case R.atom_string: {
        const tok = values[base] as LexToken;
        const node: XlStringValue = {
          kind: 'string',
          quote: src.charCodeAt(tok.from) === 34 ? '"' : "'",
          value: tok.value ?? '',
          offsets: tok.offsets ?? SourceOffsets.straight(tok.from, 0, tok.from),
          from: tok.from,
          to: tok.to,
          start: position(tok.from),
          end: position(tok.to),
        };
        return tok.escapeError === undefined ? node : { ...node, escapeError: tok.escapeError };
      }
      case R.atom_number: {
        const tok = values[base] as LexToken;
        return { kind: 'number', value: src.slice(tok.from, tok.to), from: tok.from, to: tok.to, start: position(tok.from), end: position(tok.to) };
      }
      case R.valuelist_empty:
        return [];
      case R.valuelist_values:
        return values[base]!;
      case R.valuelist_trailing_comma: {
        const items = values[base] as ListItem[];
        items[items.length - 1]!.comma = (values[base + 1] as LexToken).from;
        return items;
      }
      case R.values_first:
        return [{ value: values[base] as XlValue, comma: undefined }];
      case R.values_more: {
        const items = values[base] as ListItem[];
        items[items.length - 1]!.comma = (values[base + 1] as LexToken).from;
        items.push({ value: values[base + 3] as XlValue, comma: undefined });
        return items;
      }
      default:
        return null;
    }
  };

  // The stack as parallel arrays; sp indexes the top entry.
  let sp = 0;
  /** Pushes a state; false when bison's stack would be exhausted. */
  const push = (state: number, line: number, v: SemValue): boolean => {
    sp++;
    states[sp] = state;
    lines[sp] = line;
    values[sp] = v;
    if (sp + 1 < YYMAXDEPTH) return true;
    report.yyerror('memory', yylloc, lexer.text, { from: lexer.textFrom, to: lexer.textTo }, 'memory exhausted');
    return false;
  };

  const { action: actionTable, goto: gotoTable, ntokens, nsymbols, defaultReduction, noLookahead, finalState } = t;
  const ruleLength = RULES.map((r) => r.rhs.length);
  const ruleLhs = RULES.map((r) => r.lhs);
  for (;;) {
    const state = states[sp]!;
    if (state === finalState) break; // YYACCEPT

    // yybackup: decide between shift, reduce and error (see lalr.ts for the encoding).
    let act = 0;
    if (!noLookahead[state]) {
      if (!la) {
        la = lexer.next();
        if (la.line !== undefined) yylloc = la.line;
      }
      act = actionTable[state * ntokens + la.type]!;
    }
    if (act === 0) {
      const def = defaultReduction[state]!;
      if (def >= 0) act = -(def + 1);
    }

    if (act > 0) {
      if (errstatus) errstatus--;
      const tok = la!;
      la = null;
      if (!push(act - 1, yylloc, tok)) break;
      continue;
    }
    if (act < 0) {
      const rule = -act - 1;
      const n = ruleLength[rule]!;
      const base = sp + 1 - n;
      const line = n ? lines[base]! : lines[sp]!;
      const value = reduce(rule, base);
      for (let i = base; i <= sp; i++) values[i] = null; // let the old values go
      sp = base - 1;
      if (!push(gotoTable[states[sp]! * nsymbols + ruleLhs[rule]!]!, line, value)) break;
      continue;
    }

    // yyerrlab
    const token = la!;
    if (!errstatus) {
      report.yyerror('syntax', yylloc, lexer.text, { from: lexer.textFrom, to: lexer.textTo }, syntaxMessage(t, state, token.type));
    }
    if (errstatus === 3) {
      // The token that could not be used after an error is discarded; at $end the parse stops.
      if (token.type === T.END) break;
      la = null;
    }
    // yyerrlab1: pop to a state that can shift `error`, then shift it.
    errstatus = 3;
    let target = -1;
    for (;;) {
      const a = actionTable[states[sp]! * ntokens + T.ERROR]!;
      if (a > 0) {
        target = a - 1;
        break;
      }
      if (sp === 0) break;
      values[sp] = null;
      sp--;
    }
    if (target < 0) break; // YYABORT
    if (!push(target, yylloc, null)) break;
  }
  return { settings, store };
}
