import { describe, expect, it } from 'vitest';
import {
  MonHostSchema,
  RbdOptionSchema,
  StructuredTargetSchema,
  TARGET_SCRIPTS,
  scriptBaseName,
  scriptTargetKind,
  targetBackendtype,
} from './target';

describe('scripts and backends', () => {
  it('recognises the block scripts by base name', () => {
    expect(scriptTargetKind('block-iscsi')).toBe('iscsi');
    expect(scriptTargetKind('/etc/xen/scripts/block-dmmd')).toBe('dmmd');
    expect(scriptTargetKind('block-drbd')).toBe('drbd');
    expect(scriptTargetKind('block-drbd-probe')).toBe('drbd');
    expect(scriptTargetKind('block-npiv')).toBe('npiv');
    expect(scriptTargetKind('block-nbd')).toBe('nbd');
    expect(scriptTargetKind('block-enbd')).toBeUndefined();
    expect(scriptTargetKind('block')).toBeUndefined();
    expect(scriptBaseName('/usr/lib/xen/bin/block-x')).toBe('block-x');
    expect(TARGET_SCRIPTS.drbd[0]).toBe('block-drbd');
  });

  it('gives qdisk for rbd and qemu nbd only', () => {
    const parse = (t: unknown) => StructuredTargetSchema.parse(t);
    expect(targetBackendtype(parse({ kind: 'rbd', pool: 'p', image: 'i' }))).toBe('qdisk');
    expect(targetBackendtype(parse({ kind: 'nbd', via: 'qdisk', server: { transport: 'unix', path: '/s' } }))).toBe('qdisk');
    expect(targetBackendtype(parse({ kind: 'nbd', via: 'script', server: { transport: 'tcp', host: 'h', port: 1 } }))).toBeUndefined();
    expect(targetBackendtype(parse({ kind: 'drbd', resource: 'r0' }))).toBeUndefined();
  });
});

describe('StructuredTargetSchema', () => {
  it('fills defaults a wizard may leave out', () => {
    expect(StructuredTargetSchema.parse({ kind: 'iscsi', iqn: 'iqn.x', portal: '10.0.0.1' })).toEqual({
      kind: 'iscsi',
      iqn: 'iqn.x',
      portal: '10.0.0.1',
      extra: [],
      script: 'block-iscsi',
    });
    expect(
      StructuredTargetSchema.parse({ kind: 'rbd', pool: 'p', image: 'i', options: [{ kind: 'mon_host', hosts: [{ host: 'm' }] }] }),
    ).toEqual({ kind: 'rbd', pool: 'p', image: 'i', options: [{ kind: 'mon_host', hosts: [{ host: 'm' }], separator: '\\;' }] });
    expect(StructuredTargetSchema.parse({ kind: 'dmmd', stanzas: [{ type: 'md', device: '/dev/md0' }] })).toMatchObject({
      prefixed: false,
      script: 'block-dmmd',
    });
  });

  it.each([
    ['an option with its own kind as other', { kind: 'rbd', pool: 'p', image: 'i', options: [{ kind: 'other', name: 'id', value: 'x' }] }],
    ['an empty id', { kind: 'rbd', pool: 'p', image: 'i', options: [{ kind: 'id', value: '' }] }],
    ['an empty pool', { kind: 'rbd', pool: '', image: 'i' }],
    ['a bare IQN with multipath', { kind: 'iscsi', iqn: 'iqn.x', multipath: 'y' }],
    ['an IQN with a blank', { kind: 'iscsi', iqn: 'iqn x', portal: 'p' }],
    ['the wrong script', { kind: 'drbd', resource: 'r', script: 'block-iscsi' }],
    ['a drbd: prefix in the resource', { kind: 'drbd', resource: 'drbd:r' }],
    ['a block-nbd socket', { kind: 'nbd', via: 'script', server: { transport: 'unix', path: '/s' } }],
    ['a tcp host named unix', { kind: 'nbd', via: 'qdisk', server: { transport: 'tcp', host: 'unix', port: 1 } }],
    ['a URL-looking socket', { kind: 'nbd', via: 'qdisk', server: { transport: 'unix', path: '//x' } }],
    ['a path with a scheme', { kind: 'path', path: 'rbd:p/i' }],
    ['a newline', { kind: 'path', path: '/a\nb' }],
    ['an unprefixed npiv field with npiv:', { kind: 'npiv', fields: ['npiv:1'] }],
    ['a dmmd device with parentheses', { kind: 'dmmd', stanzas: [{ type: 'md', device: '/dev/md0(x)' }] }],
  ])('rejects %s', (_what, t) => {
    expect(StructuredTargetSchema.safeParse(t).success).toBe(false);
  });

  it('checks monitor hosts', () => {
    expect(MonHostSchema.safeParse({ host: '2001:db8::1', port: 6789 }).success).toBe(true);
    expect(MonHostSchema.safeParse({ host: 'fe80::1%eth0' }).success).toBe(true);
    expect(MonHostSchema.safeParse({ host: '[2001:db8::1]' }).success).toBe(false);
    expect(MonHostSchema.safeParse({ host: 'mon1:6789' }).success).toBe(false);
    expect(MonHostSchema.safeParse({ host: 'a;b' }).success).toBe(false);
    expect(MonHostSchema.safeParse({ host: 'a', port: 0 }).success).toBe(false);
    expect(RbdOptionSchema.safeParse({ kind: 'auth_supported', methods: ['cephx', 'none'], separator: ';' }).success).toBe(true);
  });
});
