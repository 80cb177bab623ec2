// The real keytar against a real Secret Service (gnome-keyring in a private D-Bus session):
//   bash test/with-keyring.sh npx vitest run test/integration/keychain.test.ts
// Without that script the test is skipped with the reason in its name — except on CI, where a
// missing keyring must turn the build red instead of hiding behind a skip.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarBackend } from '../../electron/core/secrets/keytar-backend';
import { SecretStore, type KeychainBackend } from '../../electron/core/secrets/secret-store';

const available = process.env.VEO_KEYRING_AVAILABLE === '1';
const onCi = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI ?? '');
const SKIP_REASON = 'no keyring: VEO_KEYRING_AVAILABLE is not set (run via bash test/with-keyring.sh)';

if (!available && onCi) {
  it('has a keyring on CI', () => {
    throw new Error(`The keychain integration test cannot run on CI: ${SKIP_REASON}. Install dbus and gnome-keyring on the runner.`);
  });
}

if (!available && !onCi) console.warn(`[keychain.test] skipped — ${SKIP_REASON}`);

describe.skipIf(!available)(`OS keychain through keytar${available ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  // A fresh service per run keeps runs apart and never touches a real "Veo Studio" entry.
  const service = `Veo Studio Test ${randomUUID()}`;
  let backend: KeychainBackend | undefined;

  const open = async (): Promise<SecretStore> => {
    backend ??= await createKeytarBackend();
    return new SecretStore(backend, { service });
  };

  afterAll(async () => {
    if (!backend) return;
    for (const account of ['aggregator', 'fal']) await backend.delete(service, account);
  });

  it('loads keytar lazily through ESM/CommonJS interop', async () => {
    const loaded = await createKeytarBackend();
    expect(typeof loaded.get).toBe('function');
    expect(typeof loaded.set).toBe('function');
    expect(typeof loaded.delete).toBe('function');
  });

  it('stores, reads, reports and clears a key per provider', async () => {
    const store = await open();
    expect(await store.status('aggregator')).toEqual({ isSet: false });

    expect(await store.set('aggregator', ' agg-key-aaaa1111 ')).toEqual({ isSet: true, last4: '1111' });
    expect(await store.set('fal', 'fal-key-bbbb2222')).toEqual({ isSet: true, last4: '2222' });

    // A second store on a fresh backend sees the same entries: they live in the keyring, not in memory.
    const again = new SecretStore(await createKeytarBackend(), { service });
    expect(await again.get('aggregator')).toBe('agg-key-aaaa1111');
    expect(await again.status('fal')).toEqual({ isSet: true, last4: '2222' });

    expect(await store.clear('aggregator')).toEqual({ isSet: false });
    expect(await again.get('aggregator')).toBeNull();
    expect(await again.get('fal')).toBe('fal-key-bbbb2222');
  });

  it('replaces a key on a second set', async () => {
    const store = await open();
    await store.set('fal', 'first-key-0000');
    await store.set('fal', 'second-key-9999');
    expect(await store.get('fal')).toBe('second-key-9999');
  });

  it('clear reports success when nothing was stored', async () => {
    const store = await open();
    await store.clear('fal');
    await expect(store.clear('fal')).resolves.toEqual({ isSet: false });
  });
});

// Runs whether or not a keyring is available: a child process with no D-Bus session in its
// environment sees what a user without gnome-keyring/KWallet sees.
describe.skipIf(process.platform !== 'linux')('OS keychain missing (Linux)', () => {
  it('explains what to install instead of failing with a raw D-Bus error', async () => {
    const home = await mkdtemp(join(tmpdir(), 'veo-nokeyring-'));
    const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
    const modules = (file: string): string => JSON.stringify(join(repoRoot, 'electron/core/secrets', file));
    const script = `
      const { createKeytarBackend } = await import(${modules('keytar-backend.ts')});
      const { SecretStore } = await import(${modules('secret-store.ts')});
      const store = new SecretStore(await createKeytarBackend(), { service: 'Veo Studio Test ${randomUUID()}' });
      try { await store.set('fal', 'never-stored-key-1234'); console.log('STORED'); } catch (e) { console.log(e.message); }`;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '--eval', script],
        { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 20_000 },
      );
      expect(stdout).toMatch(/^Could not save the fal API key in the system keychain\. No keyring service is running/);
      expect(stdout).toMatch(/gnome-keyring or KWallet/);
      expect(stdout).not.toContain('never-stored-key-1234');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
