import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { readDocument } from '../../core/document';
import { warmJob } from './jobs';
import { warmSample } from './warmSample';

describe('the warm-up sample', () => {
  it('is a config of the usual disk kinds, some with problems, new in every round', () => {
    const a = warmSample(400, 0);
    const doc = readDocument(a, { guest: 'pvh' });
    expect(doc.syntax).toBe('xl-config');
    expect(doc.disks).toHaveLength(400);
    // xl reads every disk but those with a typo'd key (1 kind in 8): the error paths run too
    expect(doc.disks.filter((d) => !d.parse?.ok)).toHaveLength(50);
    // images, LVM volumes, RBD, NBD, block-dmmd, cdroms
    const kinds = new Set(doc.disks.map((d) => d.disk && (d.disk.script ?? d.disk.target!.match(/^(rbd|nbd):|^\/dev\/|\.iso$|\.qcow2$/)?.[0])));
    for (const kind of ['rbd:', 'nbd:', '/dev/', '.iso', '.qcow2', 'block-dmmd']) expect(kinds).toContain(kind);
    const codes = new Set(lint(a, { guest: 'pvh' }).map((d) => d.code));
    for (const code of ['XL-UNKNOWN-KEY', 'XL-VDEV-ALIAS', 'LV-SCRIPT-FORM', 'XL-RBD-BACKENDTYPE']) expect(codes).toContain(code);
    // no spec of round 0 comes again in round 1: a parse cache cannot answer for them
    const first = new Set(doc.disks.map((d) => d.spec));
    expect(readDocument(warmSample(400, 1), { guest: 'pvh' }).disks.some((d) => first.has(d.spec))).toBe(false);
  });

  it('runs each lane’s steps', () => {
    expect(warmJob(0, 50, ['read', 'lint', 'devices'])).toBeGreaterThan(0);
  });
});
