/**
 * Highlighting for xl configs and bare disk specs. xl's strings and comments end with their
 * line, so each line can be tokenized on its own: a view plugin marks only the lines on screen,
 * and a megabyte of config costs nothing until it is scrolled to (a parser would work through
 * all of it in the background).
 *
 * A config has comments, setting names, numbers, quoted strings and lists; inside a string (or
 * on a bare spec line) a disk spec's `key=` names, its commas and backslash escapes stand out.
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

export type TokenType = 'comment' | 'string' | 'key' | 'number' | 'escape' | 'operator' | 'punctuation';

export type Token = { from: number; to: number; type: TokenType };

/** The tokens of one line (offsets within the line); `bare`: the line is a disk spec. */
export function tokenizeLine(line: string, bare: boolean): Token[] {
  const out: Token[] = [];
  const n = line.length;
  let i = 0;
  const push = (from: number, to: number, type: TokenType) => {
    if (to > from) out.push({ from, to, type });
  };
  /** A spec from i, up to the closing quote (or the end of the line); returns where it stopped. */
  const spec = (quote: string | undefined): number => {
    let field = true;
    while (i < n) {
      const c = line[i]!;
      if (quote !== undefined && c === quote) return i;
      if (c === '\\') {
        push(i, Math.min(i + 2, n), 'escape');
        i += 2;
        continue;
      }
      if (c === ',') {
        push(i, i + 1, 'punctuation');
        i++;
        field = true;
        continue;
      }
      if (field) {
        field = false;
        const m = /^[a-z][a-z0-9_-]*(?==)/i.exec(line.slice(i, i + 40));
        if (m) {
          push(i, i + m[0].length, 'key');
          i += m[0].length;
          continue;
        }
      }
      if (c === '=') {
        push(i, i + 1, 'operator');
        i++;
        continue;
      }
      let j = i;
      while (j < n && line[j] !== ',' && line[j] !== '=' && line[j] !== '\\' && line[j] !== quote) j++;
      push(i, j, 'string');
      i = j;
    }
    return i;
  };
  if (bare) {
    spec(undefined);
    return out;
  }
  while (i < n) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      push(i, n, 'comment');
      break;
    }
    if (c === "'" || c === '"') {
      push(i, i + 1, 'string');
      i++;
      const end = spec(c);
      if (end < n) {
        push(end, end + 1, 'string');
        i = end + 1;
      }
      continue;
    }
    const rest = line.slice(i, i + 80);
    const name = /^[A-Za-z][A-Za-z0-9_.]*(?=\s*\+?=)/.exec(rest);
    if (name) {
      push(i, i + name[0].length, 'key');
      i += name[0].length;
      continue;
    }
    const op = /^\+?=/.exec(rest);
    if (op) {
      push(i, i + op[0].length, 'operator');
      i += op[0].length;
      continue;
    }
    const num = /^(?:0x[0-9a-f]+|[0-9]+)/i.exec(rest);
    if (num) {
      push(i, i + num[0].length, 'number');
      i += num[0].length;
      continue;
    }
    if (c === '[' || c === ']' || c === ',' || c === ';') push(i, i + 1, 'punctuation');
    i++;
  }
  return out;
}

const marks: Record<TokenType, Decoration> = {
  comment: Decoration.mark({ class: 'xd-tok-comment' }),
  string: Decoration.mark({ class: 'xd-tok-string' }),
  key: Decoration.mark({ class: 'xd-tok-key' }),
  number: Decoration.mark({ class: 'xd-tok-number' }),
  escape: Decoration.mark({ class: 'xd-tok-escape' }),
  operator: Decoration.mark({ class: 'xd-tok-operator' }),
  punctuation: Decoration.mark({ class: 'xd-tok-punctuation' }),
};

function decorate(view: EditorView, bare: boolean): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  let done = 0;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = Math.max(from, done); pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      // very long lines: mark the first 2,000 characters
      const text = line.text.length > 2000 ? line.text.slice(0, 2000) : line.text;
      for (const t of tokenizeLine(text, bare)) b.add(line.from + t.from, line.from + t.to, marks[t.type]);
      pos = line.to + 1;
      done = pos;
    }
  }
  return b.finish();
}

function highlighter(bare: boolean) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view, bare);
      }
      update(u: ViewUpdate) {
        if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view, bare);
      }
    },
    { decorations: (v) => v.decorations },
  );
}

export const xlConfigHighlight = highlighter(false);
export const xlSpecsHighlight = highlighter(true);
