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
