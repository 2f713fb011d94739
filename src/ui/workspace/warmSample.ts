/**
 * A config that exercises what a large paste runs (disks of the usual kinds, some with
 * problems): each worker runs its own work on a new one a few times at idle, so that the first
 * large paste runs on compiled code. V8 compiles a function only after many calls: measured in
 * Chromium, the first read of a 10,000-disk config took 311 ms cold and 96 ms after a warm-up.
 */
import { indexToLetters } from '../../core/xl/vdev';

const KINDS: ((i: number, v: string) => string)[] = [
  (i, v) => `format=qcow2,vdev=xvd${v},access=rw,target=/srv/xen/guest-${i}.qcow2`,
  (i, v) => `format=raw,vdev=xvd${v},backendtype=phy,target=/dev/vg/lv-${i}`,
  (i, v) => `vdev=xvd${v},backendtype=qdisk,target=rbd:pool/img-${i}:id=admin:mon_host=10.0.0.1\\\\:6789\\\\;10.0.0.2\\\\:6789`,
  (i, v) => `vdev=xvd${v},script=block-dmmd,target=md;/dev/md${i};lvm;/dev/vg/lv${i}`,
  (i, v) => `/dev/vg/lv${i},raw,xvd${v},w`,
  (i) => `vdev=hd${i % 4 === 0 ? 'c' : 'd'},devtype=cdrom,target=/srv/iso/${i}.iso`,
  (i, v) => `vdev=xvd${v},target=nbd:10.0.0.3:${10000 + i}`,
  (i, v) => `format=vhd,vdev=xvd${v},acess=rw,target=/srv/${i}.vhd`,
];

/** `n` disks; `round` makes every spec new, so no cache of an earlier round answers for it. */
export function warmSample(n: number, round: number): string {
  const items = Array.from({ length: n }, (_, i) => `  '${KINDS[i % KINDS.length]!(i + round * n, indexToLetters(i))}',\n`);
  return `# warm-up ${round}\nname = "warm"\ntype = "pvh"\ndisk = [\n${items.join('')}]\n`;
}
