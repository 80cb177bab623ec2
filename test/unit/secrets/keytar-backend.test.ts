import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  explainKeytarFailure,
  keychainFromKeytar,
  type KeytarApi,
} from '../../../electron/core/secrets/keytar-backend';
import { KeychainError, SecretStore } from '../../../electron/core/secrets/secret-store';

const KEY = 'sk-chainhub-0123456789abcdef';

/** A keytar look-alike whose calls fail with the given native message (quoting the password, if any). */
function brokenKeytar(nativeMessage: string): KeytarApi {
  return {
    getPassword: async () => Promise.reject(new Error(nativeMessage)),
    setPassword: async (_s, _a, password) => Promise.reject(new Error(`${nativeMessage} [while storing ${password}]`)),
    deletePassword: async () => Promise.reject(new Error(nativeMessage)),
  };
}

describe('keychainFromKeytar', () => {
  it('passes calls straight through to keytar', async () => {
    const calls: string[] = [];
    const stored = new Map<string, string>();
    const api: KeytarApi = {
      getPassword: async (s, a) => (calls.push(`get ${s}/${a}`), stored.get(`${s}/${a}`) ?? null),
      setPassword: async (s, a, p) => void (calls.push(`set ${s}/${a}`), stored.set(`${s}/${a}`, p)),
      deletePassword: async (s, a) => (calls.push(`delete ${s}/${a}`), stored.delete(`${s}/${a}`)),
    };
    const store = new SecretStore(keychainFromKeytar(api), { service: 'Svc' });
    await store.set('fal', KEY);
    expect(await store.status('fal')).toEqual({ isSet: true, last4: 'cdef' });
    await store.clear('fal');
    expect(calls).toEqual(['set Svc/fal', 'get Svc/fal', 'delete Svc/fal']);
  });

  it('on Linux without a Secret Service, says to install/unlock gnome-keyring or KWallet — and never quotes the key', async () => {
    const store = new SecretStore(keychainFromKeytar(brokenKeytar('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux'));
    const err = await store.set('aggregator', KEY).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KeychainError);
    const message = (err as Error).message;
    expect(message).toMatch(/^Could not save the aggregator API key in the system keychain\. No keyring service is running/);
    expect(message).toMatch(/gnome-keyring or KWallet/);
    expect(message).toContain('Cannot autolaunch D-Bus'); // the native reason is kept for support…
    expect(message).toContain('[redacted]'); // …scrubbed of the key it quoted
    expect(`${inspect(err, { depth: 10 })} ${String(err)}`).not.toContain(KEY);
  });

  it('tells a locked keyring apart from a missing one', async () => {
    const store = new SecretStore(keychainFromKeytar(brokenKeytar('Cannot create an item in a locked collection'), 'linux'));
    await expect(store.status('fal')).rejects.toThrow(/keyring is locked.*Unlock it/);
  });
});

describe('explainKeytarFailure', () => {
  it.each([
    ['linux', 'The name org.freedesktop.secrets was not provided by any .service files', /gnome-keyring or KWallet/],
    ['darwin', 'User canceled the operation.', /macOS Keychain.*Keychain Access/],
    ['win32', 'Element not found.', /Windows Credential Manager/],
    ['aix', 'weird', /system keychain refused/],
  ] as const)('on %s: %s', (platform, native, advice) => {
    const text = explainKeytarFailure(new Error(native), platform).message;
    expect(text).toMatch(advice);
    expect(text).toContain(`(Details: ${native})`);
  });

  it('redacts the secret and keeps details to one short line', () => {
    const text = explainKeytarFailure(new Error(`bad\n\n${KEY} ${'x'.repeat(400)}`), 'linux', KEY).message;
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(600);
  });
});
