/**
 * readXlConfig: read a whole xl domain config the way xl does
 * (xlu_cfg_readdata, then xl's lookup of `disk`), keeping positions.
 */
import { LineIndex } from '../../text/positions';
import { notAListWarning } from './disks';
import { Lexer } from './lexer';
import { locator } from './locate';
import { parseConfig } from './parser';
import { Report } from './report';
import { effectiveValues } from './store';
import type { XlConfig, XlDiagnostic, XlToken } from './types';

export interface ReadOptions {
  /** The file label xl puts in front of messages (xl uses the path it was given). Default "config". */
  readonly source?: string;
}

export function readXlConfig(text: string, opts: ReadOptions = {}): XlConfig {
  const source = opts.source ?? 'config';
  const lineIndex = new LineIndex(text);
  const locate = locator(lineIndex);
  const report = new Report(source, locate);
  const lexer = new Lexer(text, report);
  const { settings, store } = parseConfig(text, lexer, report, (offset) => lineIndex.position(offset));
  report.finish(lexer.pythonAt >= 0 ? lexer.pythonAt : text.length, text.length);

  const ok = report.err === 0;
  const diagnostics: XlDiagnostic[] = [...report.printed];
  if (ok) {
    // xl fetches `disk` right after reading; libxlutil warns there if it is not a list.
    const warning = notAListWarning(source, store.get('disk'), settings, locate);
    if (warning) diagnostics.push(warning);
  }
  const cfg: Omit<XlConfig, 'tokens'> = {
    text,
    source,
    rc: report.err,
    ok,
    aborted: report.aborted,
    settings,
    diagnostics,
    hidden: report.hidden,
    messages: diagnostics.flatMap((d) => d.lines),
    values: store,
    bestEffort: ok ? store : effectiveValues(settings, false),
    lineIndex,
  };
  // The lexemes are materialised on first use (most callers never need them);
  // text the parser never reached (it stops at "memory exhausted") is one bad lexeme.
  let tokens: XlToken[] | undefined;
  return Object.defineProperty(cfg, 'tokens', { enumerable: true, get: () => (tokens ??= lexer.tokens(text.length)) }) as XlConfig;
}
