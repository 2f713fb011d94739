#!/usr/bin/env node
// Entry point of the `xldisk` command. The CLI itself is src/cli/main.ts,
// bundled to dist-cli/xldisk.mjs by `npm run build:cli` (run by "prepare"
// on every `npm ci` / `npm install`).
try {
  await import('../dist-cli/xldisk.mjs');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist-cli')) {
    console.error('xldisk: the CLI is not built yet: run `npm run build:cli` (or `npm ci`) first.');
    process.exit(1);
  }
  throw error;
}
