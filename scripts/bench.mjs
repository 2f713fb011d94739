#!/usr/bin/env node
/**
 * npm run bench — `xldisk parse --libxl` against Xen's libxlutil (build/oracle/xloracle batch)
 * on the same 131,072 specs from standard input, side by side in one run. A benchmark, not a
 * test: it prints wall times (best of RUNS) and the ratio libxlutil / xldisk (≥ 1.0 means we
 * are at least as fast), and checks that both printed the same disks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const N = Number(process.env.BENCH_SPECS ?? 131072);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const oracle = join(root, 'build/oracle/xloracle');
const cli = join(root, 'dist-cli/xldisk.mjs');

if (!existsSync(cli)) execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'inherit' });
if (!existsSync(oracle)) execFileSync('bash', ['scripts/build-oracle.sh'], { cwd: root, stdio: 'inherit' });
if (!existsSync(oracle)) {
  console.error('bench: the libxlutil harness could not be built (libxen-dev missing?)');
  process.exit(1);
}

// A deterministic mix of real-world, legacy and broken specs.
const templates = [
  (i) => `/dev/vg/guest-volume${i},,hda`,
  (i) => `format=raw,vdev=xvd${String.fromCharCode(97 + (i % 26))},access=rw,target=/srv/xen/vm${i}.img`,
  (i) => `format=qcow2,vdev=xvdb,access=ro,backendtype=qdisk,discard,target=/var/lib/xen/images/guest-${i}.qcow2`,
  (i) => `/root/image${i}.iso,raw,hdc,ro,cdrom`,
  (i) => `phy:/dev/vg0/lv${i},xvda,w`,
  (i) => `tap:qcow2:/images/${i}.qcow2,xvdb,w`,
  () => `,hdc:cdrom,r`,
  (i) => `vdev=hdc,backendtype=qdisk,target=rbd:pool/img${i}:id=libvirt:auth_supported=cephx\\;none:mon_host=10.0.0.1\\:6789\\;10.0.0.2\\:6789`,
  (i) => `vdev=xvda,script=block-dmmd,target=md;/dev/md${i % 8};lvm;/dev/vgxen/lv-vm${i}`,
  (i) => `format=xvhd,vdev=xvda,access=rw,target=/x${i}.vhd`,
  (i) => `vdev=xvda target=/x${i}`,
  (i) => `access=w!,vdev=xvd${i % 10},target=/dev/sd${i % 3}`,
];
const specs = Array.from({ length: N }, (_, i) => templates[i % templates.length](i));
const dir = mkdtempSync(join(tmpdir(), 'xldisk-bench-'));
const input = join(dir, 'specs.txt');
writeFileSync(input, specs.join('\n') + '\n');

function time(cmd, args) {
  let best = Infinity;
  let out = '';
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(cmd, args, { input: readFileSync(input), maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (p.status !== 0) throw new Error(`${cmd} failed: ${p.stderr}`);
    best = Math.min(best, ms);
    out = p.stdout.toString('utf8');
  }
  return { ms: best, out };
}

const theirs = time(oracle, ['batch']);
const ours = time(process.execPath, [cli, 'parse', '--libxl', '--source', 'spec']);

const a = theirs.out.trimEnd().split('\n');
const b = ours.out.trimEnd().split('\n');
let differ = 0;
for (let i = 0; i < N; i++) if (JSON.stringify(JSON.parse(a[i])) !== JSON.stringify(JSON.parse(b[i]))) differ++;

console.log(`specs:               ${N} (best of ${RUNS} runs, wall clock incl. process start)`);
console.log(`libxlutil (xloracle): ${theirs.ms.toFixed(1)} ms`);
console.log(`xldisk parse --libxl: ${ours.ms.toFixed(1)} ms`);
console.log(`ratio libxlutil/xldisk: ${(theirs.ms / ours.ms).toFixed(2)}  (≥ 1.00: xldisk at least as fast)`);
console.log(`outputs that differ:  ${differ}`);

// A whole config: 10,000 disks (about 1 MB), read as xl reads it.
const cfgFile = join(dir, 'big.cfg');
writeFileSync(cfgFile, `name = "big"\nbuilder = "hvm"\ndisk = [\n${specs.slice(0, 10000).map((x) => `    '${x.replace(/\\/g, '\\\\')}',`).join('\n')}\n]\n`);
function timeFile(cmd, args) {
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    if (p.error) throw p.error;
  }
  return best;
}
const cfgTheirs = timeFile(oracle, ['config', cfgFile]);
const cfgOurs = timeFile(process.execPath, [cli, 'config', '--libxl', cfgFile]);
console.log(`\nconfig of 10,000 disks (${(readFileSync(cfgFile).length / 1e6).toFixed(2)} MB):`);
console.log(`libxlutil (xloracle config, read only): ${cfgTheirs.toFixed(1)} ms`);
console.log(`xldisk config --libxl (read + parse every disk): ${cfgOurs.toFixed(1)} ms`);
process.exitCode = differ ? 1 : 0;
