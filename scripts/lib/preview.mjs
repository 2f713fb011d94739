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

/** `vite preview` of dist/ (or `outDir`) on `port`; resolves to its base URL once it listens, stopped at exit. */
export async function startPreview(port, outDir = 'dist') {
  const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'pipe' });
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

/**
 * A domain with `n` disks of the usual kinds: qcow2 images, LVM volumes, RBD images, block-dmmd
 * stacks. `tag` goes into every image, volume and group name, so that each tag gives specs no
 * cache has seen (bench-worker's later configs).
 */
export function largeConfig(n, tag = '') {
  const kinds = [
    (i) => `format=qcow2,vdev=xvd${letters(i)},access=rw,target=/var/lib/xen/images/guest${tag}-${i}-data.qcow2`,
    (i) => `format=raw,vdev=xvd${letters(i)},backendtype=phy,target=/dev/vg-storage${tag}/guest${tag}-volume-${i}`,
    (i) => String.raw`vdev=xvd${letters(i)},backendtype=qdisk,target=rbd:rbd-pool/image${tag}-${i}:id=libvirt:mon_host=10.0.0.1\\:6789\\;10.0.0.2\\:6789`,
    (i) => `vdev=xvd${letters(i)},script=block-dmmd,target=md;/dev/md${i};lvm;/dev/vgxen${tag}/lv-${i}`,
  ];
  const items = Array.from({ length: n }, (_, i) => `    '${kinds[i % kinds.length](i)}',\n`);
  return `# a large domain\nname = "bench"\ntype = "pvh"\nmemory = 8192\ndisk = [\n${items.join('')}]\n`;
}
