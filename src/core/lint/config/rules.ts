/**
 * Config-file rules (xl-disk-syntax §2, peers-and-ux X21): the traps found by the prescan, the
 * structure of statements and lists, the `disk` setting itself, and whatever else xl's reader
 * rejects — each reported once. A trap that explains one of xl's own messages quotes it; xl's
 * messages no rule explains are reported as they are (CFG-SYNTAX).
 */
import type { Edit } from '../../text/edits';
import { type XlConfig, type XlDiagnostic, type XlToken, diskList } from '../../xl/config';
import { parseDiskSpec } from '../../xl/diskSpec';
import type { LintCode } from '../codes';
import { type Lint, didYouMean, fix, show, visible } from '../context';
import type { Fix, Severity } from '../types';
import { type Scan, type Span, prescan } from './prescan';

/** xl's printed messages, and which of them a rule has explained. */
class XlMessages {
  private readonly claimed = new Set<XlDiagnostic>();
  constructor(
    readonly cfg: XlConfig,
    readonly all: readonly XlDiagnostic[],
  ) {}

  /** Claims xl's messages about the spans; returns xl's words for the first one. */
  claim(spans: readonly Span[], at?: readonly number[]): string | undefined {
    let words: string | undefined;
    for (const d of this.all) {
      if (d.kind === 'python' || d.kind === 'not-a-list') continue;
      const hit = spans.some((s) => (d.from < s.to && s.from < d.to) || (d.from === d.to && s.from <= d.from && d.from <= s.to)) || (d.at !== undefined && at?.includes(d.at));
      if (!hit) continue;
      if (!this.claimed.has(d)) words ??= xlWords(this.cfg, d);
      this.claimed.add(d);
    }
    return words;
  }

  unclaimed(): XlDiagnostic[] {
    return this.all.filter((d) => !this.claimed.has(d));
  }
}

/** The message as xl prints it, without `FILE:LINE: `. */
export function xlWords(cfg: XlConfig, d: XlDiagnostic): string {
  const line = d.lines[0] ?? d.message;
  const prefix = `${cfg.source}:${d.line}: `;
  return visible(line.startsWith(prefix) ? line.slice(prefix.length) : line);
}

const said = (words: string | undefined, explanation: string) => (words ? `${words} — ${explanation}` : explanation);

export function lintConfig(ctx: Lint, cfg: XlConfig): void {
  const text = ctx.text;
  const scan = prescan(text);
  const xl = new XlMessages(cfg, cfg.diagnostics);
  const report = (code: LintCode, severity: Severity, message: string, span: Span, fixes: (Fix | undefined)[] = []) => ctx.report(code, severity, message, span.from, span.to, fixes);

  traps(ctx, scan, xl, report);
  structure(ctx, cfg, scan, xl, report);
  diskSetting(ctx, cfg, report);

  let syntax = 0;
  for (const d of xl.unclaimed()) {
    if (d.kind === 'python' || d.kind === 'not-a-list') continue;
    if (d.kind === 'abort') continue; // a NUL: reported by the trap (xl prints nothing, it aborts)
    syntax++;
    report('CFG-SYNTAX', d.severity, `${xlWords(cfg, d)} — ${EXPLAIN[d.kind] ?? 'xl cannot read the file here'}`, d);
  }
  const python = cfg.diagnostics.find((d) => d.kind === 'python');
  if (python && syntax > 0) {
    report('CFG-PYTHON', 'warning', `${python.message} — xl says this when it finds + - . ( ) : outside quotes in a file it cannot read; configs are not Python any more`, python);
  }
}

const EXPLAIN: Record<string, string> = {
  lexical: 'xl cannot read this text: setting names are lowercase (a-z, 0-9, _ and .), values are quoted strings, numbers or [ lists ]',
  syntax: 'a statement is name = value on one line (lists may span lines, items separated by commas)',
  escape: 'inside quotes only \\\\, \\\', \\" and \\a \\b \\f \\n \\r \\t \\v are escapes',
  concat: '+= adds a list to a list or a string to a string',
  memory: 'lists are nested too deeply',
};

type Report = (code: LintCode, severity: Severity, message: string, span: Span, fixes?: (Fix | undefined)[]) => void;

// ---------------------------------------------------------------- traps of pasted text

function traps(ctx: Lint, scan: Scan, xl: XlMessages, report: Report): void {
  const text = ctx.text;
  if (scan.cr.length) {
    const spans = scan.cr.map((c) => ({ from: c.at, to: c.at + 1 }));
    const words = xl.claim(spans);
    const lone = scan.cr.every((c) => c.lone);
    report(
      'CFG-CRLF',
      'error',
      said(words, lone ? 'the file uses carriage returns as line ends (old Mac style); xl reads only \\n' : 'the file has Windows line endings (CRLF); xl reads only \\n and rejects every \\r'),
      spans[0]!,
      [
        fix(lone ? 'make every \\r a \\n' : 'convert to Unix line endings (LF)', true, [
          ...scan.cr.map((c) => ({ from: c.at, to: c.at + 1, insert: c.lone ? '\n' : '' })),
          ...scan.commentCr.map((at) => ({ from: at, to: at + 1, insert: '' })),
        ].sort((a, b) => a.from - b.from)),
      ],
    );
  }
  // one diagnostic per broken string (or per stray backslash outside strings)
  const byString = new Map<string, typeof scan.continuations>();
  for (const c of scan.continuations) {
    const key = c.string ? `${c.string.from}` : `out${c.from}`;
    byString.set(key, [...(byString.get(key) ?? []), c]);
  }
  for (const group of byString.values()) {
    const first = group[0]!;
    const span = first.string ?? { from: first.from, to: first.to };
    const words = xl.claim([span, ...group]);
    report(
      'CFG-LINE-CONTINUATION',
      'error',
      said(
        words,
        first.inString
          ? 'a backslash at the end of a line does not continue a string in xl (documentation breaks long lines that way): the disk must be on one line'
          : 'xl has no line continuation: a backslash at the end of a line is an error (a list may simply go on on the next line)',
      ),
      { from: first.from, to: first.from + 1 },
      [fix(first.inString ? 'join the lines' : 'remove the backslash and join the lines', true, group.map((c) => ({ from: c.from, to: c.to, insert: '' })))],
    );
  }
  // invalid escapes: all of one string in one diagnostic
  const escapesByString = new Map<number, typeof scan.badEscapes>();
  for (const e of scan.badEscapes) {
    const s = scan.strings.find((x) => x.from <= e.at && e.at < x.to);
    const key = s?.from ?? e.at;
    escapesByString.set(key, [...(escapesByString.get(key) ?? []), e]);
  }
  for (const group of escapesByString.values()) {
    const e = group[0]!;
    const words = xl.claim(
      group.map((x) => ({ from: x.at, to: x.at + 2 })),
      group.map((x) => x.at),
    );
    const seq = text.slice(e.at, e.at + 2);
    const why =
      e.kind === 'hex'
        ? '\\x escapes never work in xl'
        : e.kind === 'octal'
          ? `a backslash + digit is read as an octal escape that xl mishandles`
          : `${show(seq)} is not an escape xl knows`;
    report(
      'CFG-ESCAPE',
      'error',
      said(words, `${why}: inside quotes a backslash meant for the disk spec (an RBD monitor's \\: or \\;) is written \\\\`),
      { from: e.at, to: e.at + 2 },
      [fix(group.length > 1 ? 'double these backslashes' : `write ${text.slice(e.at, e.at + 2).replace('\\', '\\\\')}`, true, group.map((x) => ({ from: x.at, to: x.at, insert: '\\' })))],
    );
  }
  for (const o of scan.droppedOctal) {
    const seq = text.slice(o.from, o.to);
    report('CFG-OCTAL-ESCAPE', 'warning', `${show(seq)}: xl reads a backslash + digits as an escape and drops it (nothing of ${show(seq)} reaches the disk spec); a literal backslash is written \\\\`, o, [
      fix(`write \\${seq}`, false, [{ from: o.from, to: o.from, insert: '\\' }]),
    ]);
  }
  if (scan.nul.length) {
    xl.claim(scan.nul.map((at) => ({ from: at, to: at + 1 })));
    report('CFG-NUL', 'error', 'a NUL character inside a quoted string: xl aborts (an assertion in libxlutil fails)', { from: scan.nul[0]!, to: scan.nul[0]! + 1 }, [
      fix('remove the NUL characters', true, scan.nul.map((at) => ({ from: at, to: at + 1, insert: '' }))),
    ]);
  }
  for (const c of scan.curly) {
    const body = text.slice(c.body.from, c.body.to);
    const q = body.includes("'") && !body.includes('"') ? '"' : "'";
    const spans = [{ from: c.open, to: (c.close ?? c.body.to) + 1 }];
    const words = xl.claim(spans);
    const edits: Edit[] = [{ from: c.open, to: c.open + 1, insert: q }];
    if (c.close !== undefined) edits.push({ from: c.close, to: c.close + 1, insert: q });
    report('CFG-CURLY-QUOTES', 'error', said(words, `typographic quotes (${text[c.open]}${c.close !== undefined ? text[c.close] : ''}), as web pages and word processors print them: xl takes only ' and "`), { from: c.open, to: c.open + 1 }, [
      fix(`use ${q}`, c.close !== undefined, edits),
    ]);
  }
  if (scan.spaces.length) {
    const spans = scan.spaces.map((at) => ({ from: at, to: at + 1 }));
    const words = xl.claim(spans);
    const bom = scan.spaces.every((at) => text[at] === '\ufeff');
    report(
      'CFG-UNICODE-SPACE',
      'error',
      said(words, bom ? 'a byte-order mark: xl reads only plain ASCII outside quotes' : 'a no-break or other Unicode space (pasted from a web page?): xl takes only spaces and tabs as blanks'),
      spans[0]!,
      [fix('replace with plain spaces', true, scan.spaces.map((at) => ({ from: at, to: at + 1, insert: text[at] === '\ufeff' || text[at] === '\u200b' ? '' : ' ' })))],
    );
  }
  if (scan.commentAtEof) {
    const words = xl.claim([scan.commentAtEof]);
    report('CFG-COMMENT-AT-EOF', 'error', said(words, 'a comment on the last line needs a newline after it (xl reads a comment as # up to a newline)'), scan.commentAtEof, [
      fix('end the file with a newline', true, [{ from: ctx.text.length, to: ctx.text.length, insert: '\n' }]),
    ]);
  }
}

// ---------------------------------------------------------------- statements and lists

type Frame = { open: number; lastEnd: number; expectValue: boolean; values: number; unquoted: boolean; pending: (() => void)[]; items: Span[] };

function structure(ctx: Lint, cfg: XlConfig, scan: Scan, xl: XlMessages, report: Report): void {
  const text = ctx.text;
  const toks = cfg.tokens.filter((t) => t.kind !== 'blank');
  const isComment = (t: XlToken) => t.kind === 'newline' && text[t.from] === '#';
  const insideTrap = (t: XlToken) => scan.curly.some((c) => c.open <= t.from && t.from <= (c.close ?? c.body.to)) || scan.continuations.some((c) => (c.string ? c.string.from <= t.from && t.from < c.string.to : c.from <= t.from && t.from < c.to));
  // lines where xl's lexer found garbage: structure guesses there would be wrong
  const dirty = new Set(toks.filter((t) => t.kind === 'bad' && !insideTrap(t) && text.slice(t.from, t.to).trim() !== '').map((t) => ctx.lines.position(t.from).line));
  const clean = (t: XlToken) => !dirty.has(ctx.lines.position(t.from).line);
  let state: 'start' | 'name' | 'op' | 'value' = 'start';
  let name = '';
  let opEnd = -1;
  const stack: Frame[] = [];
  const emit = (f: () => void) => (stack.length ? stack[stack.length - 1]!.pending.push(f) : f());

  const valueStart = (t: XlToken) => {
    const top = stack.at(-1);
    if (!top) return;
    if (!top.expectValue && top.values > 0) {
      const at = top.lastEnd;
      emit(() => {
        const words = xl.claim([{ from: t.from, to: t.to }]);
        report('CFG-MISSING-COMMA', 'error', said(words, 'list items are separated by commas (xl does not join strings that stand side by side)'), { from: t.from, to: t.to }, [fix('insert a comma', true, [{ from: at, to: at, insert: ',' }])]);
      });
    }
    top.values++;
    top.expectValue = false;
  };

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (insideTrap(t)) continue;
    const top = stack.at(-1);
    switch (t.kind) {
      case 'ident':
      case 'bad': {
        if (top) {
          // a name after a line break inside a list: the list was never closed
          const next = toks[k + 1];
          const prev = toks[k - 1];
          if (t.kind === 'ident' && next && (next.kind === '=' || next.kind === '+=') && prev?.kind === 'newline') {
            if (!top.unquoted && clean(t)) closeUnclosed(top, t);
            stack.length = 0;
            state = 'name';
            name = text.slice(t.from, t.to);
            break;
          }
          top.unquoted = true;
          top.values++;
          top.expectValue = false;
          top.lastEnd = t.to;
          break;
        }
        if (state === 'start') {
          const word = text.slice(t.from, t.to);
          const next = toks[k + 1];
          if (t.kind === 'bad' && /^[A-Za-z][A-Za-z0-9_.]*$/.test(word) && /[A-Z]/.test(word) && next && (next.kind === '=' || next.kind === '+=')) {
            const words = xl.claim([t]);
            report('CFG-NAME-CASE', 'error', said(words, `setting names are lowercase: ${word} is not read as ${word.toLowerCase()}`), t, [fix(`write ${word.toLowerCase()}`, true, [{ from: t.from, to: t.to, insert: word.toLowerCase() }])]);
          }
          name = word.toLowerCase();
          state = 'name';
        } else if (state === 'op' && name === 'disk') {
          unquotedValue(t);
          state = 'value';
        }
        break;
      }
      case '=':
      case '+=':
        if (!top) {
          state = 'op';
          opEnd = t.to;
          const next = toks[k + 1];
          if (next?.kind === 'newline') {
            let j = k + 1;
            while (toks[j]?.kind === 'newline') j++;
            const value = toks[j];
            if (value && (value.kind === '[' || value.kind === 'string' || value.kind === 'number')) {
              const comment = toks.slice(k + 1, j).some(isComment);
              const words = xl.claim([{ from: next.from, to: next.to }]);
              report('CFG-VALUE-ON-NEXT-LINE', 'error', said(words, 'the value must start on the line of the = (a list may then go on over several lines)'), { from: next.from, to: next.from + 1 }, [
                comment ? undefined : fix('join the lines', true, [{ from: opEnd, to: value.from, insert: ' ' }]),
              ]);
              k = j - 1;
            }
          }
        }
        break;
      case 'string':
      case 'number':
        if (top) {
          valueStart(t);
          top.lastEnd = t.to;
          top.items.push(t);
        } else state = 'value';
        break;
      case '[': {
        if (top) valueStart(t);
        stack.push({ open: t.from, lastEnd: t.to, expectValue: true, values: 0, unquoted: false, pending: [], items: [] });
        if (!top) state = 'value';
        break;
      }
      case ']': {
        if (!top) {
          if (!clean(t)) break;
          const words = xl.claim([t]);
          report('CFG-BRACKETS', 'error', said(words, 'a ] that closes no list'), t, [fix('remove the ]', true, [{ from: t.from, to: t.to, insert: '' }])]);
          break;
        }
        stack.pop();
        finishList(top, t.from);
        const outer = stack.at(-1);
        if (outer) outer.lastEnd = t.to;
        break;
      }
      case ',': {
        if (!top) break;
        if (top.expectValue) {
          top.pending.push(() => {
            const words = xl.claim([t]);
            report('CFG-DOUBLE-COMMA', 'error', said(words, top.values ? 'two commas in a row: xl has no empty list items' : 'a list cannot start with a comma'), t, [fix('remove the comma', true, [{ from: t.from, to: t.to, insert: '' }])]);
          });
        }
        top.expectValue = true;
        break;
      }
      case 'newline':
      case ';':
        if (!top) {
          state = 'start';
          name = '';
        }
        break;
    }
  }
  if (stack.length && !stack[0]!.unquoted) closeUnclosed(stack[0]!, undefined);

  function finishList(f: Frame, close: number) {
    if (f.unquoted && name === 'disk' && f.items.length === 0) {
      const inner = text.slice(f.open + 1, close);
      const specs = inner
        .split('\n')
        .map((l) => l.replace(/#.*$/, '').trim().replace(/,$/, '').trim())
        .filter((l) => l !== '');
      const words = xl.claim([{ from: f.open, to: close + 1 }]);
      const ok = specs.length > 0 && specs.every((s) => parseDiskSpec(s).ok && !/['"\\]/.test(s));
      const body = specs.map((s) => `'${s}'`).join(specs.length > 1 && inner.includes('\n') ? ',\n    ' : ', ');
      report('CFG-UNQUOTED', 'error', said(words, 'each disk spec is a quoted string: disk = [ \'…\', \'…\' ]'), { from: f.open, to: close + 1 }, [
        specs.length ? fix('quote the disk specs', ok, [{ from: f.open, to: close + 1, insert: specs.length > 1 && inner.includes('\n') ? `[\n    ${body}\n]` : `[ ${body} ]` }]) : undefined,
      ]);
      return;
    }
    for (const p of f.pending) p();
  }

  function closeUnclosed(f: Frame, next: XlToken | undefined) {
    for (const p of f.pending) p();
    const at = f.lastEnd;
    const words = xl.claim(next ? [{ from: next.from, to: next.to }] : [{ from: at, to: text.length }]);
    report('CFG-BRACKETS', 'error', said(words, next ? `the list opened here is not closed before the next setting` : 'the list opened here is never closed'), { from: f.open, to: f.open + 1 }, [
      fix('close the list', true, [{ from: at, to: at, insert: ' ]' }]),
    ]);
  }

  function unquotedValue(t: XlToken) {
    // `disk = /x,,xvda`: neither quotes nor brackets
    const lineEnd = text.indexOf('\n', t.from);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const raw = text.slice(t.from, end).replace(/#.*$/, '');
    const spec = raw.trim();
    if (spec === '' || /['"[\]]/.test(spec)) return;
    const to = t.from + raw.trimEnd().length;
    const words = xl.claim([{ from: t.from, to }]);
    report('CFG-UNQUOTED', 'error', said(words, "the disk spec must be a quoted string in a list: disk = [ '…' ]"), { from: t.from, to }, [
      fix(`write [ '${spec}' ]`, parseDiskSpec(spec).ok && !spec.includes('\\'), [{ from: t.from, to, insert: `[ '${spec}' ]` }]),
    ]);
  }
}

// ---------------------------------------------------------------- the disk setting

function diskSetting(ctx: Lint, cfg: XlConfig, report: Report): void {
  const text = ctx.text;
  const list = diskList(cfg);
  const settings = cfg.settings;
  if (list.status === 'not-a-list' && list.setting !== undefined) {
    const s = settings[list.setting]!;
    const value = s.value;
    const chain = settings.filter((x) => x.name === 'disk');
    const single = chain.length === 1 && value.kind !== 'list';
    const spec = value.kind === 'list' ? '' : value.value;
    const warning = cfg.diagnostics.find((d) => d.kind === 'not-a-list');
    const words = warning ? `warning: ${warning.message}` : undefined;
    report('CFG-DISK-NOT-LIST', 'error', said(words, 'xl then starts the guest with no disks at all: write disk = [ … ]'), value, [
      single ? fix('make it a list', parseDiskSpec(spec).ok, [{ from: value.from, to: value.from, insert: '[ ' }, { from: value.to, to: value.to, insert: ' ]' }]) : undefined,
    ]);
  }
  if (list.status === 'ok' && list.total > list.xlUses) {
    const nested = list.entries[list.xlUses]!.node;
    if (nested.kind === 'list') {
      const flat = nested.items.every((i) => i.value.kind !== 'list');
      const inner = nested.items.map((i) => text.slice(i.value.from, i.value.to)).join(', ');
      report('CFG-NESTED-LIST', 'warning', `a list inside the disk list: xl stops at it, so this item and the ${list.total - list.xlUses - 1} after it are ignored`, nested, [
        flat && nested.items.length ? fix('take the items out of the inner list', false, [{ from: nested.from, to: nested.to, insert: inner }]) : undefined,
      ]);
    }
  }
  const assigns = settings.filter((s) => s.name === 'disk' && s.op === '=');
  for (let i = 0; i + 1 < assigns.length; i++) {
    const s = assigns[i]!;
    const later = assigns[assigns.length - 1]!;
    report('CFG-DISK-REASSIGNED', 'warning', `disk is assigned again on line ${later.start.line}: the last assignment wins, so these disks are not used (use += to add to a list)`, s.nameSpan, [
      fix(`make line ${later.start.line} add to the list (+=)`, false, [{ from: later.opSpan.from, to: later.opSpan.to, insert: '+=' }]),
    ]);
  }
  if (!settings.some((s) => s.name === 'disk')) {
    for (const s of settings) {
      if (s.name.length < 3 || (s.value.kind !== 'list' && s.value.kind !== 'string')) continue;
      const d = didYouMean(s.name, ['disk'], 2);
      if (!d.words.length) continue;
      report('CFG-UNKNOWN-SETTING', 'warning', `xl has no setting ${s.name} and ignores it: the guest gets no disks; did you mean disk?`, s.nameSpan, [fix('rename it disk', false, [{ from: s.nameSpan.from, to: s.nameSpan.to, insert: 'disk' }])]);
    }
  }
}
