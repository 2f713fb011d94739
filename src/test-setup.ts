// Vitest setup for every test file (node and jsdom environments alike).
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

afterEach(async () => {
  // Only component tests (jsdom environment) have a DOM to clean up.
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});

// jsdom does no layout: Range has no client rects, which CodeMirror measures text with.
if (typeof Range !== 'undefined' && !('getClientRects' in Range.prototype)) {
  const none = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] };
  Object.assign(Range.prototype, {
    getClientRects: () => none,
    getBoundingClientRect: () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) }),
  });
}
