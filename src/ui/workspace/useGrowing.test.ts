// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useGrowing } from './useGrowing';

/** The animation frames asked for and not cancelled, by id. */
const frames = new Map<number, FrameRequestCallback>();
let ids = 0;
const nextFrame = () =>
  act(() => {
    const run = [...frames.values()];
    frames.clear();
    for (const f of run) f(0);
  });

beforeEach(() => {
  frames.clear();
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (frames.set(++ids, f), ids));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useGrowing', () => {
  it('renders a few items, then a few more each frame, up to all of them', () => {
    const { result } = renderHook(() => useGrowing(10, 4));
    expect(result.current).toBe(4);
    nextFrame();
    expect(result.current).toBe(8);
    nextFrame();
    expect(result.current).toBe(10);
    expect(frames.size).toBe(0);
  });

  it('does not shrink when the list changes, and starts again when reset', () => {
    const { result, rerender } = renderHook(({ total, reset }) => useGrowing(total, 4, reset), { initialProps: { total: 10, reset: 0 } });
    nextFrame();
    nextFrame();
    rerender({ total: 6, reset: 0 });
    expect(result.current).toBe(6);
    rerender({ total: 30, reset: 0 });
    expect(result.current).toBe(12);
    rerender({ total: 30, reset: 1 });
    expect(result.current).toBe(4);
    nextFrame();
    expect(result.current).toBe(8);
  });

  it('waits while paused, and grows on once it is not', () => {
    const { result, rerender } = renderHook(({ paused }) => useGrowing(10, 4, 0, paused), { initialProps: { paused: true } });
    expect(result.current).toBe(4);
    expect(frames.size).toBe(0);
    rerender({ paused: false });
    nextFrame();
    expect(result.current).toBe(8);
  });
});
