import { defineConfig } from 'vite';

// Bundles the CLI (src/cli/main.ts) and everything it imports (src/core, zod,
// @xmldom/xmldom, ...) into one ESM file for node: dist-cli/xldisk.mjs.
// bin/xldisk.mjs imports it. Runs on `npm ci` / `npm install` via "prepare".
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: {
    target: 'node',
    // Bundle all dependencies so the output is a single self-contained file.
    noExternal: true,
  },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'xldisk.mjs',
        codeSplitting: false,
      },
    },
  },
});
