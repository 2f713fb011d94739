/**
 * lint(text): what is wrong with a pasted disk spec, `disk = [ … ]` line, xl config, or libvirt
 * `<disk>` / `<devices>` / `<domain>` XML (detected by the document layer), each problem at its
 * exact range with its fixes. Pure: no I/O, never throws on user text.
 */
import { readDocument } from '../document';
import { Lint } from './context';
import { lintConfig } from './config/rules';
import { reportConversion } from './conversion';
import { reportLoopBudget } from './loops';
import type { Diagnostic, LintOptions } from './types';
import { lintXml } from './xml/rules';
import { lintSpecLines, lintXlDisks, specViews } from './xlDisks';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  const doc = readDocument(text, { ...(options.guest && { guest: options.guest }) });
  const ctx = new Lint(text, doc.lines, doc.guest);
  switch (doc.syntax) {
    case 'empty':
      return [];
    case 'xl-config': {
      lintConfig(ctx, doc.config!);
      const views = specViews(ctx, doc);
      lintXlDisks(ctx, views);
      reportLoopBudget(ctx, views.map((v) => ({ disk: v.disk, from: v.from, to: v.to })));
      if (options.conversion !== false) reportConversion(ctx, views);
      break;
    }
    case 'specs': {
      const views = lintSpecLines(ctx, specViews(ctx, doc));
      lintXlDisks(ctx, views);
      reportLoopBudget(ctx, views.map((v) => ({ disk: v.disk, from: v.from, to: v.to })));
      if (options.conversion !== false) reportConversion(ctx, views);
      break;
    }
    case 'libvirt-xml':
      lintXml(ctx, doc, options);
      reportLoopBudget(ctx, doc.disks.map((d) => ({ disk: d.disk, from: d.from, to: d.to })));
      break;
  }
  return ctx.out.sort((a, b) => a.from - b.from || a.to - b.to || RANK[a.severity] - RANK[b.severity]);
}
