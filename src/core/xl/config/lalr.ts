/**
 * A small LALR(1) table builder that follows bison's choices, so that a parser
 * driven by these tables behaves like a bison `yacc.c` parser built from the
 * same grammar:
 *
 * - LALR(1) states (canonical LR(1) states merged by core, which gives the
 *   same lookaheads as bison's DeRemer-Pennello construction);
 * - shift wins over reduce, the lower rule wins a reduce/reduce conflict (the
 *   xl grammar has no conflicts; this is only a safe fallback);
 * - default reductions exactly like bison's `lr.default-reduction=most`: a
 *   state with a single reduction and no token shifts reduces without looking
 *   ahead; otherwise the reduction with the most lookaheads becomes the
 *   default, except in states that can shift the `error` token, which keep
 *   every action explicit. This decides *where* a syntax error is detected,
 *   hence which tokens bison's message lists as "expecting".
 *
 * Built once per grammar; the xl grammar gives 32 states, like libxlutil's.
 */
import type { Rule } from './grammar';

export type Action =
  | { readonly type: 'shift'; readonly state: number }
  | { readonly type: 'reduce'; readonly rule: number };

export interface ParseTables {
  readonly nstates: number;
  /** State reached after shifting $end in the accept rule: entering it accepts. */
  readonly finalState: number;
  /** Explicit actions per state, by terminal. A missing entry means "use the default". */
  readonly actions: readonly ReadonlyMap<number, Action>[];
  /** Default reduction per state (rule number), or -1 (the default is an error). */
  readonly defaultReduction: readonly number[];
  /** True when the state acts without a lookahead token (bison's yypact_value_is_default). */
  readonly noLookahead: readonly boolean[];
  /** Goto table: gotos[state].get(nonterminal) = state. */
  readonly gotos: readonly ReadonlyMap<number, number>[];
  /**
   * The same, dense, for the parser's inner loop: action[state * ntokens + token]
   * is state + 1 for a shift, -(rule + 1) for a reduce, 0 for "use the default";
   * goto[state * nsymbols + symbol] is the target state.
   */
  readonly ntokens: number;
  readonly nsymbols: number;
  readonly action: Int32Array;
  readonly goto: Int32Array;
}

interface Item {
  readonly rule: number;
  readonly dot: number;
  readonly la: number;
}

export function buildTables(rules: readonly Rule[], ntokens: number, nsymbols: number, errorToken: number, endToken: number): ParseTables {
  // FIRST sets and nullability of nonterminals.
  const nullable = new Array<boolean>(nsymbols).fill(false);
  const first: Set<number>[] = Array.from({ length: nsymbols }, (_, s) => new Set(s < ntokens ? [s] : []));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of rules) {
      const f = first[r.lhs]!;
      const before = f.size;
      let allNullable = true;
      for (const s of r.rhs) {
        for (const t of first[s]!) f.add(t);
        if (!(s >= ntokens && nullable[s])) {
          allNullable = false;
          break;
        }
      }
      if (f.size !== before) changed = true;
      if (allNullable && !nullable[r.lhs]) {
        nullable[r.lhs] = true;
        changed = true;
      }
    }
  }
  const firstOfSeq = (seq: readonly number[], la: number): Set<number> => {
    const out = new Set<number>();
    for (const s of seq) {
      for (const t of first[s]!) out.add(t);
      if (!(s >= ntokens && nullable[s])) return out;
    }
    out.add(la);
    return out;
  };
  const rulesOf = (nt: number) => rules.map((r, i) => ({ r, i })).filter((x) => x.r.lhs === nt);

  const key = (it: Item) => `${it.rule}.${it.dot}.${it.la}`;
  const closure = (kernel: Item[]): Item[] => {
    const seen = new Map<string, Item>();
    const work = [...kernel];
    for (const it of kernel) seen.set(key(it), it);
    while (work.length) {
      const it = work.pop()!;
      const rhs = rules[it.rule]!.rhs;
      const next = rhs[it.dot];
      if (next === undefined || next < ntokens) continue;
      const las = firstOfSeq(rhs.slice(it.dot + 1), it.la);
      for (const { i } of rulesOf(next)) {
        for (const la of las) {
          const ni = { rule: i, dot: 0, la };
          const k = key(ni);
          if (!seen.has(k)) {
            seen.set(k, ni);
            work.push(ni);
          }
        }
      }
    }
    return [...seen.values()];
  };
  const kernelKey = (items: Item[]) => items.map(key).sort().join(' ');
  const coreKey = (items: Item[]) => [...new Set(items.map((it) => `${it.rule}.${it.dot}`))].sort().join(' ');

  // Canonical LR(1) collection.
  const lr1States: Item[][] = [];
  const lr1Trans: Map<number, number>[] = [];
  const lr1Index = new Map<string, number>();
  const addState = (kernel: Item[]): number => {
    const k = kernelKey(kernel);
    const found = lr1Index.get(k);
    if (found !== undefined) return found;
    const id = lr1States.length;
    lr1Index.set(k, id);
    lr1States.push(closure(kernel));
    lr1Trans.push(new Map());
    return id;
  };
  addState([{ rule: 0, dot: 0, la: endToken }]);
  for (let s = 0; s < lr1States.length; s++) {
    const bySym = new Map<number, Item[]>();
    for (const it of lr1States[s]!) {
      const sym = rules[it.rule]!.rhs[it.dot];
      if (sym === undefined || (it.rule === 0 && sym === endToken)) continue;
      let list = bySym.get(sym);
      if (!list) bySym.set(sym, (list = []));
      list.push({ rule: it.rule, dot: it.dot + 1, la: it.la });
    }
    for (const [sym, kernel] of [...bySym].sort((a, b) => a[0] - b[0])) lr1Trans[s]!.set(sym, addState(kernel));
  }

  // Merge states with the same core (LALR). Numbered in order of first appearance.
  const lalrOf = new Map<string, number>();
  const lr1ToLalr: number[] = [];
  const cores: { items: Map<string, { rule: number; dot: number; las: Set<number> }> }[] = [];
  lr1States.forEach((items, s) => {
    const kernel = items.filter((it) => it.dot > 0 || it.rule === 0);
    const ck = coreKey(kernel);
    let id = lalrOf.get(ck);
    if (id === undefined) {
      id = cores.length;
      lalrOf.set(ck, id);
      cores.push({ items: new Map() });
    }
    lr1ToLalr[s] = id;
    const core = cores[id]!;
    for (const it of items) {
      const k = `${it.rule}.${it.dot}`;
      let e = core.items.get(k);
      if (!e) core.items.set(k, (e = { rule: it.rule, dot: it.dot, las: new Set() }));
      e.las.add(it.la);
    }
  });
  const nstates = cores.length;
  const trans: Map<number, number>[] = Array.from({ length: nstates }, () => new Map());
  lr1Trans.forEach((m, s) => {
    for (const [sym, t] of m) trans[lr1ToLalr[s]!]!.set(sym, lr1ToLalr[t]!);
  });

  // The accept: shifting $end from the state holding `$accept: file . $end`.
  const finalState = nstates;
  const actions: Map<number, Action>[] = [];
  const gotos: Map<number, number>[] = [];
  const defaultReduction: number[] = [];
  const noLookahead: boolean[] = [];
  for (let s = 0; s < nstates; s++) {
    const row = new Map<number, Action>();
    const go = new Map<number, number>();
    let tokenShifts = 0;
    let shiftsError = false;
    for (const [sym, t] of trans[s]!) {
      if (sym < ntokens) {
        row.set(sym, { type: 'shift', state: t });
        tokenShifts++;
        if (sym === errorToken) shiftsError = true;
      } else go.set(sym, t);
    }
    const reductions: number[] = [];
    for (const e of cores[s]!.items.values()) {
      const rhs = rules[e.rule]!.rhs;
      if (e.rule === 0 && e.dot === 1) {
        row.set(endToken, { type: 'shift', state: finalState });
        tokenShifts++;
      } else if (e.dot === rhs.length) {
        if (!reductions.includes(e.rule)) reductions.push(e.rule);
        for (const la of e.las) {
          const prev = row.get(la);
          if (prev && (prev.type === 'shift' || prev.rule < e.rule)) continue;
          row.set(la, { type: 'reduce', rule: e.rule });
        }
      }
    }
    reductions.sort((a, b) => a - b);
    // bison: a state is "consistent" when it needs no lookahead to decide.
    const consistent = reductions.length === 0 || (reductions.length === 1 && tokenShifts === 0);
    let def = -1;
    if (reductions.length >= 1 && !shiftsError) {
      if (consistent) def = reductions[0]!;
      else {
        let max = 0;
        for (const r of reductions) {
          let count = 0;
          for (const a of row.values()) if (a.type === 'reduce' && a.rule === r) count++;
          if (count > max) {
            max = count;
            def = r;
          }
        }
      }
      if (def >= 0) for (const [tok, a] of [...row]) if (a.type === 'reduce' && a.rule === def) row.delete(tok);
    }
    actions.push(row);
    gotos.push(go);
    defaultReduction.push(def);
    noLookahead.push(row.size === 0);
  }
  // The final state: accept on entry, no actions.
  actions.push(new Map());
  gotos.push(new Map());
  defaultReduction.push(-1);
  noLookahead.push(true);
  const total = nstates + 1;
  const action = new Int32Array(total * ntokens);
  const goto = new Int32Array(total * nsymbols);
  actions.forEach((row, st) => {
    for (const [tok, a] of row) action[st * ntokens + tok] = a.type === 'shift' ? a.state + 1 : -(a.rule + 1);
  });
  gotos.forEach((row, st) => {
    for (const [sym, to] of row) goto[st * nsymbols + sym] = to;
  });
  return { nstates: total, finalState, actions, defaultReduction, noLookahead, gotos, ntokens, nsymbols, action, goto };
}
