/**
 * The import editor: CodeMirror 6 over the workspace's text (loaded on demand, in its own chunk).
 *
 * The store's text is the editor's document. The editor keeps no history of its own: each change
 * typed, pasted or dropped goes to the store as text edits (and undo/redo keys go to the store),
 * and each change the store makes elsewhere (a fix, a wizard, the disk list, undo) comes back as
 * one CodeMirror transaction. So one undo stack covers everything, and the editor and the forms
 * can never disagree. Core lint's diagnostics show in the gutter and inline, with their fixes as
 * the diagnostics' actions.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { Annotation, Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightSpecialChars, keymap, lineNumbers, type ViewUpdate } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { searchKeymap, search } from '@codemirror/search';
import { xml } from '@codemirror/lang-xml';
import { tags as t } from '@lezer/highlight';
import type { Syntax } from '../../core/document';
import type { Diagnostic } from '../../core/lint';
import { diffText, type Edit } from '../../core/text/edits';
import { xlConfigHighlight, xlSpecsHighlight } from './xlLanguage';
import { maskCephKeys } from './maskKeys';

export type EditorHandle = {
  /** Selects a range, scrolls it into view and focuses the editor. */
  select: (from: number, to: number) => void;
  focus: () => void;
};

export type TextEditorProps = {
  text: string;
  syntax: Syntax;
  /** A large text (no XML parsing). */
  large: boolean;
  /** Show Ceph keys as •••••••• (they stay in the text). */
  maskKeys: boolean;
  /** Diagnostics of `diagnosticsText`; shown when it is the editor's text. */
  diagnostics?: readonly Diagnostic[];
  diagnosticsText?: string;
  /**
   * Edits typed, pasted or dropped; typing is grouped into one undo step per burst. `large`: an
   * edit of over LARGE_EDIT characters (a paste, a drop), brought a task after it was made.
   */
  onEdits: (edits: Edit[], group: string | undefined, large: boolean) => void;
  onUndo: () => void;
  onRedo: () => void;
  /** A fix chosen in the editor: its edits, and the text they are for. */
  onFix: (edits: readonly Edit[], forText: string) => void;
  handle?: RefObject<EditorHandle | null>;
  labelledBy: string;
  describedBy?: string;
};

/**
 * How many diagnostics the editor shows all of; more are shown near the viewport only, within
 * WINDOW_MARGIN characters of it (a hundred lines or so). Placed with the lint of a 10,000-disk
 * paste, 1,500 marks and a 40,000-character margin made the page's longest task (50–70 ms).
 */
const WINDOW_ALL = 300;
const WINDOW_MARGIN = 8_000;

/** An edit this large (characters inserted and removed) comes in a task of its own, after the paste's. */
const LARGE_EDIT = 100_000;

/** Marks the transactions that bring the store's changes in (they are not sent back). */
const fromStore = Annotation.define<boolean>();

const highlight = HighlightStyle.define([
  { tag: t.comment, color: 'var(--xd-cm-comment)', fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string)], color: 'var(--xd-cm-string)' },
  { tag: [t.propertyName, t.attributeName], color: 'var(--xd-cm-key)' },
  { tag: [t.number, t.bool], color: 'var(--xd-cm-number)' },
  { tag: [t.escape, t.character], color: 'var(--xd-cm-escape)' },
  { tag: [t.tagName, t.angleBracket], color: 'var(--xd-cm-tag)' },
  { tag: t.attributeValue, color: 'var(--xd-cm-string)' },
  { tag: [t.processingInstruction, t.documentMeta], color: 'var(--xd-cm-comment)' },
  { tag: t.invalid, color: 'var(--xd-cm-escape)' },
]);

/** Colours from PatternFly's tokens, so the editor follows the light and dark themes. */
const theme = EditorView.theme({
  '&': {
    color: 'var(--pf-t--global--text--color--regular)',
    backgroundColor: 'var(--pf-t--global--background--color--primary--default)',
    fontSize: 'var(--pf-t--global--font--size--sm)',
    border: 'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
    borderRadius: 'var(--pf-t--global--border--radius--small)',
    height: '100%',
  },
  '&.cm-focused': { outline: 'var(--pf-t--global--border--width--strong) solid var(--pf-t--global--border--color--clicked)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--pf-t--global--font--family--mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--pf-t--global--text--color--regular)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--pf-t--global--text--color--regular)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--xd-cm-selection)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--pf-t--global--background--color--secondary--default)',
    color: 'var(--pf-t--global--text--color--subtle)',
    borderRight: 'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
  },
  // CodeMirror's default active-line tint fails axe's contrast check under its own tag colours
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'transparent' },
  '.cm-tooltip, .cm-panels': {
    backgroundColor: 'var(--pf-t--global--background--color--floating--default)',
    color: 'var(--pf-t--global--text--color--regular)',
    border: 'var(--pf-t--global--border--width--regular) solid var(--pf-t--global--border--color--default)',
  },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap', maxWidth: '40rem' },
  '.cm-diagnosticSource': { color: 'var(--pf-t--global--text--color--subtle)', opacity: '1' },
  '.cm-diagnosticAction': {
    backgroundColor: 'var(--pf-t--global--color--brand--default)',
    color: 'var(--pf-t--global--text--color--on-brand--default)',
    borderRadius: 'var(--pf-t--global--border--radius--small)',
  },
  '.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'var(--xd-cm-selection)', color: 'inherit' },
  '.cm-panel.cm-panel-lint ul:focus [aria-selected]': { backgroundColor: 'var(--xd-cm-selection)', color: 'inherit' },
  '.cm-specialChar': { color: 'var(--xd-cm-escape)' },
  '.xd-key-mask': { color: 'var(--xd-cm-comment)' },
  '.xd-tok-comment': { color: 'var(--xd-cm-comment)', fontStyle: 'italic' },
  '.xd-tok-string': { color: 'var(--xd-cm-string)' },
  '.xd-tok-key': { color: 'var(--xd-cm-key)' },
  '.xd-tok-number': { color: 'var(--xd-cm-number)' },
  '.xd-tok-escape': { color: 'var(--xd-cm-escape)' },
  '.cm-textfield, .cm-button': { color: 'inherit', backgroundColor: 'var(--pf-t--global--background--color--primary--default)' },
});

/** The highlighting of a syntax; XML is parsed (in the background), so a large XML text stays plain. */
function language(syntax: Syntax, large: boolean): Extension {
  if (syntax === 'libvirt-xml') return large ? [] : xml();
  if (syntax === 'specs') return xlSpecsHighlight;
  return xlConfigHighlight;
}

const langKind = (s: Syntax, large: boolean) => (s === 'libvirt-xml' ? (large ? 'plain' : 'xml') : s === 'specs' ? 'specs' : 'config');

function applyTo(text: string, edits: readonly Edit[]): string {
  // the edits of one transaction, in document order
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(text.slice(pos, e.from), e.insert);
    pos = e.to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** A diagnostic in CodeMirror's form: made only when placed (one from a worker reads its fixes lazily). */
function toCm(d: Diagnostic, forText: string, onFix: TextEditorProps['onFix']): CmDiagnostic {
  return {
    from: d.from,
    to: d.to,
    severity: d.severity,
    message: d.message,
    source: d.code,
    ...(d.fixes.length > 0 && { actions: d.fixes.map((f) => ({ name: f.safe ? `Fix: ${f.title}` : f.title, apply: () => onFix(f.edits, forText) })) }),
  };
}

export default function TextEditor(props: TextEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The text the editor's document is known to hold (the store's, or ours ahead of it). */
  const known = useRef(props.text);
  const latest = useRef(props);
  latest.current = props;
  const lang = useRef(new Compartment());
  const masking = useRef(new Compartment());
  const shownLang = useRef(langKind(props.syntax, props.large));

  /**
   * Changes on their way to the store. A large change (a paste of megabytes) reaches the store
   * in a task of its own, after the editor has shown it, so that neither task is long; later
   * changes queue behind it, in order.
   */
  const queue = useRef<{ edits: Edit[]; group: string | undefined; large: boolean }[]>([]);
  const flushTimer = useRef<number | undefined>(undefined);
  const flush = useRef(() => {
    window.clearTimeout(flushTimer.current);
    flushTimer.current = undefined;
    const q = queue.current;
    queue.current = [];
    for (const c of q) latest.current.onEdits(c.edits, c.group, c.large);
  });

  useEffect(() => {
    const onUpdate = (u: ViewUpdate) => {
      const w = diags.current?.window;
      if (w && u.viewportChanged && (u.view.viewport.from < w.from + WINDOW_MARGIN / 4 || u.view.viewport.to > w.to - WINDOW_MARGIN / 4)) schedulePlace.current(u.view);
      for (const tr of u.transactions) {
        if (!tr.docChanged || tr.annotation(fromStore)) continue;
        const edits: Edit[] = [];
        let size = 0;
        tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
          size += inserted.length + (toA - fromA);
          edits.push({ from: fromA, to: toA, insert: inserted.toString() });
        });
        known.current = applyTo(known.current, edits);
        // an edit that gives back the very text the diagnostics are about (a paste of the same
        // text) drops CodeMirror's marks, and brings no new lint: put them back
        if (diags.current && diags.current.forText.length === known.current.length && diags.current.forText === known.current) schedulePlace.current(u.view);
        const typing = tr.isUserEvent('input.type') || tr.isUserEvent('delete') || tr.isUserEvent('input.complete');
        const large = size > LARGE_EDIT;
        queue.current.push({ edits, group: typing ? 'editor' : undefined, large });
        if (large) {
          if (flushTimer.current === undefined) flushTimer.current = window.setTimeout(() => flush.current(), 0);
        } else if (flushTimer.current === undefined) flush.current();
      }
    };
    const historyKeys = keymap.of([
      { key: 'Mod-z', run: () => (flush.current(), latest.current.onUndo(), true), preventDefault: true },
      { key: 'Mod-y', run: () => (flush.current(), latest.current.onRedo(), true), preventDefault: true },
      { key: 'Mod-Shift-z', run: () => (flush.current(), latest.current.onRedo(), true), preventDefault: true },
    ]);
    const state = EditorState.create({
      doc: known.current,
      extensions: [
        // only \n ends a line (as for xl): a \r stays in the text, where the linter can see it
        EditorState.lineSeparator.of('\n'),
        lineNumbers(),
        highlightSpecialChars({ addSpecialChars: /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/ }),
        drawSelection(),
        EditorView.lineWrapping,
        lang.current.of(language(props.syntax, props.large)),
        masking.current.of(props.maskKeys ? maskCephKeys : []),
        syntaxHighlighting(highlight),
        lintGutter(),
        search({ top: true }),
        historyKeys,
        keymap.of([...defaultKeymap, ...searchKeymap, ...lintKeymap]),
        EditorView.updateListener.of(onUpdate),
        EditorView.contentAttributes.of({
          'aria-labelledby': props.labelledBy,
          ...(props.describedBy && { 'aria-describedby': props.describedBy }),
          'aria-multiline': 'true',
          // axe asks for a focusable element inside the scrolling region: say what contenteditable is
          tabindex: '0',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        theme,
      ],
    });
    const v = new EditorView({ state, parent: host.current! });
    view.current = v;
    if (props.handle) {
      props.handle.current = {
        select: (from, to) => {
          const len = v.state.doc.length;
          const a = Math.min(from, len);
          const b = Math.min(Math.max(to, a), len);
          v.dispatch({ selection: EditorSelection.single(a, b), effects: EditorView.scrollIntoView(a, { y: 'center' }) });
          v.focus();
        },
        focus: () => v.focus(),
      };
    }
    return () => {
      flush.current();
      v.destroy();
      view.current = null;
      if (props.handle) props.handle.current = null;
    };
    // the view is made once; later props arrive through the effects below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // the store's text: bring in what changed
  useEffect(() => {
    const v = view.current;
    // changes still on their way to the store: it is behind the editor, not ahead
    if (!v || props.text === known.current || queue.current.length > 0) return;
    const d = diffText(known.current, props.text);
    known.current = props.text;
    if (d) v.dispatch({ changes: d, annotations: [fromStore.of(true)], scrollIntoView: false });
  }, [props.text]);

  const masked = useRef(props.maskKeys);
  useEffect(() => {
    const v = view.current;
    if (!v || masked.current === props.maskKeys) return;
    masked.current = props.maskKeys;
    v.dispatch({ effects: masking.current.reconfigure(props.maskKeys ? maskCephKeys : []) });
  }, [props.maskKeys]);

  useEffect(() => {
    const v = view.current;
    const kind = langKind(props.syntax, props.large);
    if (!v || shownLang.current === kind) return;
    v.dispatch({ effects: lang.current.reconfigure(language(props.syntax, props.large)) });
    shownLang.current = kind;
  }, [props.syntax, props.large]);

  /**
   * The diagnostics given to CodeMirror. Up to WINDOW_ALL of them, all; beyond that, those near
   * the part of the text on screen (placing tens of thousands of marks takes a long task; the
   * problem list outside the editor has them all), moved along as the editor scrolls.
   */
  const diags = useRef<{ list: readonly Diagnostic[]; forText: string; onFix: TextEditorProps['onFix']; window?: { from: number; to: number } } | undefined>(undefined);
  const place = useRef((v: EditorView) => {
    const d = diags.current;
    if (!d || known.current !== d.forText || view.current !== v) return;
    if (d.list.length <= WINDOW_ALL) {
      d.window = undefined;
      v.dispatch(setDiagnostics(v.state, d.list.map((x) => toCm(x, d.forText, d.onFix))));
      return;
    }
    const { from, to } = v.viewport;
    const w = { from: Math.max(0, from - WINDOW_MARGIN), to: to + WINDOW_MARGIN };
    let lo = 0;
    let hi = d.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d.list[mid]!.to < w.from) lo = mid + 1;
      else hi = mid;
    }
    const part: Diagnostic[] = [];
    for (let i = lo; i < d.list.length && d.list[i]!.from <= w.to; i++) part.push(d.list[i]!);
    d.window = w;
    v.dispatch(setDiagnostics(v.state, part.map((x) => toCm(x, d.forText, d.onFix))));
  });
  const placeTimer = useRef<number | undefined>(undefined);
  const schedulePlace = useRef((v: EditorView) => {
    window.clearTimeout(placeTimer.current);
    // a task of its own: many diagnostics take a while to place
    placeTimer.current = window.setTimeout(() => place.current(v), 0);
  });

  useEffect(() => {
    const v = view.current;
    const forText = props.diagnosticsText;
    if (!v || !props.diagnostics || forText === undefined || forText !== known.current) return;
    const onFix = (edits: readonly Edit[], text: string) => latest.current.onFix(edits, text);
    diags.current = { list: props.diagnostics, forText, onFix };
    schedulePlace.current(v);
  }, [props.diagnostics, props.diagnosticsText, props.text]);

  useEffect(() => () => window.clearTimeout(placeTimer.current), []);

  return <div ref={host} className="xd-cm" data-testid="text-editor" />;
}
