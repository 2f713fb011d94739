import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_USAGE, MASKED_KEY, randomUuid, rbdSecret, secretUsageFor, shellQuote } from './secret';

const UUID = '2a5b0a2e-8a1f-4b7a-9d0c-3f1e2d4c5b6a';
const KEY = 'AQBvaWxlcnBsYXRla2V5Zm9yZXhhbXBsZQ==';

describe('RBD secrets', () => {
  it('default usage is "client.ID secret"', () => {
    expect(DEFAULT_SECRET_USAGE).toBe('client.{id} secret');
    expect(secretUsageFor('admin')).toBe('client.admin secret');
    expect(secretUsageFor('admin', 'ceph-{id}')).toBe('ceph-admin');
  });

  it('gives the <secret> XML, in libvirt’s format', () => {
    expect(rbdSecret({ username: 'admin', uuid: UUID }).xml).toBe(
      `<secret ephemeral='no' private='yes'>\n  <uuid>${UUID}</uuid>\n  <description>Ceph key of client.admin</description>\n  <usage type='ceph'>\n    <name>client.admin secret</name>\n  </usage>\n</secret>\n`,
    );
  });

  it('masks the key unless asked', () => {
    const masked = rbdSecret({ username: 'admin', uuid: UUID, key: KEY });
    expect(masked.keyShown).toBe(false);
    expect(masked.commands.join('\n')).not.toContain(KEY);
    expect(masked.commands).toEqual([
      'virsh secret-define --file ceph-client.admin.secret.xml',
      `(umask 077; printf '%s' ${shellQuote(MASKED_KEY)} > ceph-client.admin.key)`,
      `virsh secret-set-value --secret ${UUID} --file ceph-client.admin.key`,
      'rm ceph-client.admin.key',
    ]);
    const shown = rbdSecret({ username: 'admin', uuid: UUID, key: KEY, revealKey: true });
    expect(shown.keyShown).toBe(true);
    expect(shown.commands[1]).toBe(`(umask 077; printf '%s' ${KEY} > ceph-client.admin.key)`);
  });

  it('without a key, a placeholder; without a uuid, a fresh one', () => {
    const s = rbdSecret({ username: 'libvirt', usage: 'my {id}' });
    expect(s.usage).toBe('my libvirt');
    expect(s.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.commands[1]).toContain('<base64 key of client.libvirt>');
    expect(s.xml).toContain(`<uuid>${s.uuid}</uuid>`);
  });

  it('makes version-4 UUIDs, also without crypto.randomUUID (insecure browser contexts)', () => {
    const orig = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: orig, configurable: true });
    }
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('quotes for the shell', () => {
    expect(shellQuote('abc/def.key')).toBe('abc/def.key');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
