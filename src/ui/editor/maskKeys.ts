/**
 * Ceph keys (`key=` in an RBD target) shown as •••••••• in the editor until the user asks to see
 * them, as everywhere else on the page. The text keeps the key (copy, export and the linter see
 * it); only the screen does not, and the cursor steps over the mask as over one character.
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';

class Mask extends WidgetType {
  eq() {
    return true;
  }
  toDOM() {
    const s = document.createElement('span');
    s.className = 'xd-key-mask';
    s.textContent = '••••••••';
    s.title = 'A Ceph key, hidden (Show Ceph key shows it)';
    return s;
  }
}

const mask = Decoration.replace({ widget: new Mask() });
/** An RBD key: after `key=` in an rbd: target, up to the next `:` (or the end of the field). */
const KEY = /(?:^|[:,'"\s])key=([A-Za-z0-9+/=]{8,})/g;

function build(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  let done = 0;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = Math.max(from, done); pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      if (line.text.includes('rbd:') || line.text.includes('key=')) {
        for (const m of line.text.matchAll(KEY)) {
          const start = line.from + m.index! + m[0].length - m[1]!.length;
          b.add(start, start + m[1]!.length, mask);
        }
      }
      pos = line.to + 1;
      done = pos;
    }
  }
  return b.finish();
}

export const maskCephKeys = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = build(u.view);
    }
  },
  {
    decorations: (v) => v.decorations,
    provide: (p) => EditorView.atomicRanges.of((view) => view.plugin(p)?.decorations ?? Decoration.none),
  },
);
