/** Gives a span its line/column form (types.ts: Located). */
import type { LineIndex } from '../../text/positions';
import type { Located } from './types';

export type Locate = (from: number, to: number) => Located;

export function locator(index: LineIndex): Locate {
  return (from, to) => ({ from, to, start: index.position(from), end: index.position(to) });
}
