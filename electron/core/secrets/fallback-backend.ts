// keytar first (the product owner's choice), the encrypted file when the OS keychain cannot be
// reached at all. "Cannot be reached" means keytar did not load or no Secret Service answers; a
// keychain that is there but refuses (locked, prompt dismissed) is reported, never routed around,
// so a key never moves to a weaker store behind the user's back.
import { isKeychainUnavailable } from './keychain-error';
import type { KeyStore } from '../../../shared/contract';
import type { KeychainBackend } from './secret-store';

export interface NamedBackend {
  backend: KeychainBackend;
  /** Which store this is, shown in Settings next to the key. */
  store: KeyStore;
}

export function keychainWithFallback(primary: NamedBackend, fallback: NamedBackend): KeychainBackend {
  /** Decided on the first call that reaches the keychain; a failed probe is retried next time. */
  const pick = async <T>(call: (b: KeychainBackend) => Promise<T>): Promise<{ value: T; used: NamedBackend }> => {
    try {
      return { value: await call(primary.backend), used: primary };
    } catch (err) {
      if (!isKeychainUnavailable(err)) throw err;
      return { value: await call(fallback.backend), used: fallback };
    }
  };
  const storeOf = async (used: NamedBackend, service: string, account: string): Promise<KeyStore> =>
    (await used.backend.where?.(service, account)) ?? used.store;

  /** A key saved in the file while the keychain was away is still found once the keychain is back. */
  const find = async (service: string, account: string): Promise<{ value: string | null; used: NamedBackend }> => {
    const first = await pick((b) => b.get(service, account));
    if (first.value !== null || first.used === fallback) return first;
    const value = await fallback.backend.get(service, account).catch(() => null);
    return { value, used: value === null ? first.used : fallback };
  };

  return {
    async get(service, account) {
      return (await find(service, account)).value;
    },
    async set(service, account, secret) {
      await pick((b) => b.set(service, account, secret));
    },
    async delete(service, account) {
      // Both: a key saved while the keychain was away must not linger in the file once it is back.
      const [fromPrimary, fromFallback] = await Promise.all([
        pick((b) => b.delete(service, account)).then((r) => r.value),
        fallback.backend.delete(service, account).catch(() => false),
      ]);
      return fromPrimary || fromFallback;
    },
    async where(service, account) {
      const { value, used } = await find(service, account);
      return value ? storeOf(used, service, account) : undefined;
    },
  };
}
