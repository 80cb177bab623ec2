// Where the API key lives: the OS keychain, one entry per provider (the account name is the provider).
// The key is handed to the core only (the queue client reads it per request); anything that faces the
// renderer gets `status()`, which reveals whether a key is set and its last 4 characters, nothing more.
// No error thrown from here may contain the key: backend failures are re-worded, never passed through.
import type { KeyStore } from '../../../shared/contract';
import type { Provider } from '../../../shared/domain';
import { needsKey, type KeyedProvider } from '../../../shared/providers';
import { say } from '../../../shared/i18n/messages';
import { KeychainError, isKeychainError, redact } from './keychain-error';

export { KeychainError, isKeychainError } from './keychain-error';
export { MemoryKeychain } from './memory-keychain';

/** The whole surface the app needs from a keychain; small so replacing keytar stays a one-file change. */
export interface KeychainBackend {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(service: string, account: string): Promise<boolean>;
  /** Which store holds this entry; backends that are only ever one store may omit it. */
  where?(service: string, account: string): Promise<KeyStore | undefined>;
}

export interface KeyStatus {
  isSet: boolean;
  last4?: string;
  /** Where the key is kept (the OS keychain, or an encrypted file in the app's data folder). */
  store?: KeyStore;
}

/** Which providers need a key is in shared/providers.ts (re-exported for the core's callers). */
export { needsKey, type KeyedProvider };

export const DEFAULT_KEYCHAIN_SERVICE = 'Veo Studio';
export const MIN_KEY_LENGTH = 8;
export const MAX_KEY_LENGTH = 512;

/**
 * Trims and checks a pasted key. Messages describe the problem, never the key (not even its length:
 * a wrong paste can be a password or another secret).
 */
export function validateApiKey(input: string): string {
  const key = input.trim();
  if (!key) throw new Error('The API key is empty. Paste the key from your provider’s dashboard.');
  if (/\s/.test(key)) {
    throw new Error('The API key contains spaces or line breaks. Copy it again, without anything around it.');
  }
  // Control characters and anything outside visible ASCII (curly quotes, zero-width spaces from a web
  // page) cannot be sent in an HTTP header, so the key would fail on every request.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new Error('The API key contains invisible or non-ASCII characters. Copy it again from the provider’s dashboard.');
  }
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`That is too short to be an API key (keys have at least ${MIN_KEY_LENGTH} characters). Check you copied all of it.`);
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new Error(`That is too long to be an API key (over ${MAX_KEY_LENGTH} characters). Check you copied only the key.`);
  }
  return key;
}

const statusOf = (key: string | null): KeyStatus => (key ? { isSet: true, last4: key.slice(-4) } : { isSet: false });

export class SecretStore {
  private readonly service: string;

  constructor(
    private readonly backend: KeychainBackend,
    opts: { service?: string } = {},
  ) {
    this.service = opts.service ?? DEFAULT_KEYCHAIN_SERVICE;
  }

  /** For the core only (the queue client's getKey); never send the result across IPC. */
  async get(provider: Provider): Promise<string | null> {
    if (!needsKey(provider)) return null;
    let stored: string | null;
    try {
      stored = await this.backend.get(this.service, provider);
    } catch (err) {
      throw failure('read', provider, err);
    }
    const key = stored?.trim();
    return key ? key : null;
  }

  async set(provider: Provider, key: string): Promise<KeyStatus> {
    if (!needsKey(provider)) throw new Error('The simulator needs no API key; nothing was saved.');
    const clean = validateApiKey(key);
    try {
      await this.backend.set(this.service, provider, clean);
    } catch (err) {
      throw failure('save', provider, err, key, clean);
    }
    const store = await this.backend.where?.(this.service, provider).catch(() => undefined);
    return store ? { ...statusOf(clean), store } : statusOf(clean);
  }

  async clear(provider: Provider): Promise<KeyStatus> {
    if (!needsKey(provider)) return { isSet: false };
    try {
      await this.backend.delete(this.service, provider);
    } catch (err) {
      throw failure('remove', provider, err);
    }
    return { isSet: false };
  }

  /** Safe to show anywhere: whether a key is set, its last 4 characters, and which store holds it. */
  async status(provider: Provider): Promise<KeyStatus> {
    const status = statusOf(await this.get(provider));
    if (!status.isSet || !needsKey(provider)) return status;
    const store = await this.backend.where?.(this.service, provider).catch(() => undefined);
    return store ? { ...status, store } : status;
  }
}

/**
 * Our keychain facades throw KeychainError with scrubbed, user-facing text, which is kept (and scrubbed
 * again when the secret is known). Anything else could quote the secret, so its text is dropped.
 */
/**
 * What the user reads when the keychain fails: which operation, for which provider, and the
 * keychain's advice — as one coded sentence (app.keychain.failed) when the advice is ours, else
 * with the backend's own words (already scrubbed) as the reason.
 */
function failure(op: 'read' | 'save' | 'remove', provider: Provider, err: unknown, ...secrets: string[]): KeychainError {
  if (!isKeychainError(err)) return new KeychainError(say('app.keychain.failed', { op, provider, advice: 'unexpected', detail: '' }));
  const advice = err.said?.code === 'app.keychain.advice' ? err.said.params : undefined;
  if (advice) return new KeychainError(say('app.keychain.failed', { op, provider, advice: String(advice.advice), detail: redact(String(advice.detail), ...secrets) }));
  return new KeychainError(say('app.keychain.failedBecause', { op, provider, reason: redact(err.message, ...secrets) }));
}
