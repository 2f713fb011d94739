import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LV_CODES } from './diagnostics';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(resolve(here, '../../../docs/libvirt-differences.md'), 'utf8');
const sources = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'diagnostics.ts')
  .map((f) => readFileSync(resolve(here, f), 'utf8'))
  .join('\n');

describe('diagnostic codes', () => {
  it.each(Object.keys(LV_CODES))('%s is documented in docs/libvirt-differences.md and used', (code) => {
    expect(doc).toContain(`\`${code}\``);
    expect(sources).toContain(`'${code}'`);
  });

  it('the document names no code that does not exist', () => {
    const named = new Set([...doc.matchAll(/`(LV-[A-Z0-9-]+)`/g)].map((m) => m[1]!));
    expect([...named].filter((c) => !(c in LV_CODES))).toEqual([]);
  });
});
