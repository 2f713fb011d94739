/**
 * How many items of a list to render now: a few at first, then a few more each animation frame
 * until all `total` are there. A row of PatternFly markup costs the browser about a millisecond
 * of style and layout (each component class declares dozens of custom properties), so a page of
 * new rows at once is a long frame; a few per frame keep every frame short.
 *
 * The count never shrinks as the list changes (typing must not make a list flicker); `reset`,
 * when it changes (another page of the list: all rows new), starts the growth again; while
 * `paused`, it does not grow (the page has more urgent work for the cores).
 */
import { useEffect, useState } from 'react';

export function useGrowing(total: number, step: number, reset?: unknown, paused = false): number {
  const [state, setState] = useState({ reset, n: step });
  const n = Object.is(state.reset, reset) ? state.n : step;
  if (!Object.is(state.reset, reset)) setState({ reset, n: step });
  useEffect(() => {
    if (n >= total || paused) return;
    const id = requestAnimationFrame(() => setState((s) => (Object.is(s.reset, reset) ? { reset, n: s.n + step } : s)));
    return () => cancelAnimationFrame(id);
  }, [n, total, step, reset, paused]);
  return Math.min(n, total);
}
