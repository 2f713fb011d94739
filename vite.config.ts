/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app (src/ui). The CLI has its own build: vite.cli.config.ts.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // Core tests are pure and run in node. UI component tests opt in to a DOM
    // with a `// @vitest-environment jsdom` docblock at the top of the file.
    environment: 'node',
    // The include is required: the default would also pick up e2e/*.spec.ts.
    include: ['src/**/*.test.{ts,tsx}', 'conformance/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // Conformance tests spawn the C oracle (libxlutil) and virt-xml-validate.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
