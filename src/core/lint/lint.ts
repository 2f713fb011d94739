/**
 * lint(text): what is wrong with a pasted disk spec, `disk = [ … ]` line, xl config, or libvirt
 * `<disk>` / `<devices>` / `<domain>` XML (detected by the document layer), each problem at its
 * exact range with its fixes. Pure: no I/O, never throws on user text.
 */
import { readDocument } from '../document';
import { Lint } from './context';
import { lintConfig } from './config/rules';
import { reportConversion } from './conversion';
import { overLoopBudget, reportLoopBudget } from './loops';
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
    case 'xl-config':
    case 'specs': {
      if (doc.syntax === 'xl-config') lintConfig(ctx, doc.config!);
      let views = specViews(ctx, doc);
      if (doc.syntax === 'specs') views = lintSpecLines(ctx, views);
      const budget = overLoopBudget(views);
      // disk by disk: its own rules, the loop budget when it is the disk over it, what converting it loses
      lintXlDisks(ctx, views, (v, mark) => {
        if (budget?.over === v) reportLoopBudget(ctx, budget);
        if (options.conversion !== false) reportConversion(ctx, v, mark);
      });
      break;
    }
    case 'libvirt-xml':
      lintXml(ctx, doc, options);
      reportLoopBudget(ctx, overLoopBudget(doc.disks));
      break;
  }
  return ctx.out.sort((a, b) => a.from - b.from || a.to - b.to || RANK[a.severity] - RANK[b.severity]);
}
