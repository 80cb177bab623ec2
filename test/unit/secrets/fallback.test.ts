// Linux without a Secret Service: keytar throws on every call, and before the fallback no real
// provider's key could ever be stored. Now safeStorage's encrypted file takes over, Settings learns
// which store holds the key, and basic_text (no real encryption) is refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedFileBackend, type StringCipher } from '../../../electron/core/secrets/encrypted-file-backend';
import { keychainWithFallback } from '../../../electron/core/secrets/fallback-backend';
import { keychainFromKeytar, lazyKeytarBackend } from '../../../electron/core/secrets/keytar-backend';
import { KeychainError } from '../../../electron/core/secrets/keychain-error';
import { MemoryKeychain, SecretStore, type KeychainBackend } from '../../../electron/core/secrets/secret-store';

const KEY = 'fal-key-abcdef123456';

/** Reversible and visibly not plain text, like safeStorage; `backend` is what getSelectedStorageBackend says. */
function fakeSafeStorage(backend = 'gnome_libsecret'): StringCipher {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

/** keytar on a machine with no Secret Service on D-Bus (what libsecret really says). */
const noSecretService = keychainFromKeytar(
  {
    getPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    deletePassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
  },
  'linux',
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'veo-fallback-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const withFallback = (primary: KeychainBackend, cipher = fakeSafeStorage()) =>
  new SecretStore(
    keychainWithFallback(
      { backend: primary, store: { kind: 'keychain' } },
      { backend: encryptedFileBackend(path.join(dir, 'keys.json'), cipher), store: { kind: 'encryptedFile' } },
    ),
  );

describe('keychain fallback to safeStorage', () => {
  it('stores the key encrypted in a file when no Secret Service answers, and says where', async () => {
    const store = withFallback(noSecretService);
    const status = await store.set('fal', KEY);
    expect(status).toMatchObject({ isSet: true, last4: '3456' });
    expect(status.store).toEqual({ kind: 'encryptedFile', holder: 'gnome_libsecret' });
    expect(await store.get('fal')).toBe(KEY);
    expect(await readFile(path.join(dir, 'keys.json'), 'utf8')).not.toContain(KEY);
    expect(await store.status('fal')).toMatchObject({ isSet: true, store: { kind: 'encryptedFile' } });
  });

  it('also covers a machine where keytar did not build (optional dependency missing)', async () => {
    const store = withFallback(lazyKeytarBackend(() => Promise.reject(new KeychainError('keytar could not be loaded', { unavailable: true }))));
    await store.set('aggregator', KEY);
    expect(await store.get('aggregator')).toBe(KEY);
  });

  it('refuses to store a key when safeStorage would use basic_text (a fixed, public password)', async () => {
    const store = withFallback(noSecretService, fakeSafeStorage('basic_text'));
    await expect(store.set('fal', KEY)).rejects.toThrow(/basic_text.*not saved/s);
    await expect(store.set('fal', KEY)).rejects.not.toThrow(KEY);
    expect(await store.get('fal')).toBeNull();
  });

  it('keeps keytar first: with a working keychain nothing is written to the file', async () => {
    const keychain = new MemoryKeychain();
    const store = withFallback(keychain);
    expect((await store.set('fal', KEY)).store).toEqual({ kind: 'keychain' });
    expect(await keychain.get('Veo Studio', 'fal')).toBe(KEY);
    await expect(readFile(path.join(dir, 'keys.json'))).rejects.toThrow(/ENOENT/);
  });

  it('never routes around a keychain that is there but locked', async () => {
    const locked = keychainFromKeytar(
      {
        getPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
        setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
        deletePassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      },
      'linux',
    );
    await expect(withFallback(locked).set('fal', KEY)).rejects.toThrow(/locked/);
  });

  it('clears the key from both stores', async () => {
    const store = withFallback(noSecretService);
    await store.set('fal', KEY);
    expect(await store.clear('fal')).toEqual({ isSet: false });
    expect(await store.get('fal')).toBeNull();
  });
});
