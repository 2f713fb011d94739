/** Shared by the browser scripts (bench-ui, bench-import, screenshots): the built app served, and disk names. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** Builds the app when dist/ is missing (or BENCH_BUILD is set). */
export function ensureBuilt() {
  if (process.env.BENCH_BUILD || !existsSync(join(root, 'dist/index.html'))) {
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  }
}

/** `vite preview` of dist/ on `port`; resolves to its base URL once it listens, stopped at exit. */
export async function startPreview(port) {
  const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'pipe' });
  const stop = () => server.kill();
  process.on('exit', stop);
  await new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error('vite preview did not start')), 30000);
    server.stdout.on('data', (d) => String(d).includes(String(port)) && (clearTimeout(t), ok()));
    server.on('exit', (c) => fail(new Error(`vite preview exited ${c}`)));
  });
  return { base: `http://127.0.0.1:${port}/`, stop };
}

/** xvd disk letters: a … z, aa … (disk i). */
export function letters(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}
