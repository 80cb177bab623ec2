// The only file that knows about keytar. It is kept this small on purpose: keytar is archived
// upstream, and moving to Electron's safeStorage or a maintained keyring binding must stay a
// one-file change (implement KeychainBackend, swap createKeytarBackend in the composition root).
//
// keytar is loaded lazily so the core still loads (CLI, tests, the simulator) where the native module
// or libsecret is missing; only using the keychain fails then, with a message saying what to install.
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';
import { KeychainError, describeCause } from './keychain-error';
import type { KeychainBackend } from './secret-store';

/** The three keytar calls we use, so tests can hand in a keytar look-alike. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const LINUX_REFUSED = /locked|unlock|dismiss|cancel/i;
const LINUX_SERVICE_MISSING = /d-?bus|secret ?service|org\.freedesktop\.secrets|not provided by any|autolaunch/i;

/** Which advice fits what the keychain said (the words are in the catalog: app.keychain.*). */
export type KeychainAdvice = 'linuxLocked' | 'linuxNoService' | 'linuxRefused' | 'mac' | 'windows' | 'other';

function adviceFor(detail: string, platform: NodeJS.Platform): KeychainAdvice {
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    if (LINUX_REFUSED.test(detail)) return 'linuxLocked';
    return LINUX_SERVICE_MISSING.test(detail) ? 'linuxNoService' : 'linuxRefused';
  }
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'other';
}

/** Turns what keytar/libsecret/Keychain/Credential Manager said into what the user should do. */
export function explainKeytarFailure(err: unknown, platform: NodeJS.Platform, secret?: string): Said {
  const detail = describeCause(err, secret);
  return say('app.keychain.advice', { advice: adviceFor(detail, platform), detail });
}

/** Wraps a keytar-like API so every failure becomes a KeychainError that never quotes the secret. */
export function keychainFromKeytar(api: KeytarApi, platform: NodeJS.Platform = process.platform): KeychainBackend {
  const guard = async <T>(call: () => Promise<T>, secret?: string): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      const detail = describeCause(err);
      const isLinux = platform === 'linux' || platform === 'freebsd' || platform === 'openbsd';
      const unavailable = isLinux && !LINUX_REFUSED.test(detail) && LINUX_SERVICE_MISSING.test(detail);
      throw new KeychainError(explainKeytarFailure(err, platform, secret), { unavailable });
    }
  };
  return {
    get: (service, account) => guard(() => api.getPassword(service, account)),
    set: (service, account, secret) => guard(() => api.setPassword(service, account, secret), secret),
    delete: (service, account) => guard(() => api.deletePassword(service, account)),
  };
}

function hasKeytarShape(value: unknown): value is KeytarApi {
  const api = value as Partial<KeytarApi> | null | undefined;
  return typeof api?.getPassword === 'function' && typeof api.setPassword === 'function' && typeof api.deletePassword === 'function';
}

export async function createKeytarBackend(): Promise<KeychainBackend> {
  let loaded: unknown;
  try {
    loaded = await import('keytar');
  } catch (err) {
    throw new KeychainError(
      'The keychain module (keytar) could not be loaded, so the API key cannot be stored. On Linux install ' +
        `libsecret (\`sudo apt install libsecret-1-0\`); otherwise reinstall Veo Studio. (Details: ${describeCause(err)})`,
      { unavailable: true },
    );
  }
  // keytar is CommonJS: under ESM its functions sit on `default` (and maybe also as named exports).
  const candidate = (loaded as { default?: unknown }).default;
  const api = hasKeytarShape(candidate) ? candidate : loaded;
  if (!hasKeytarShape(api)) {
    throw new KeychainError('The keychain module (keytar) loaded but does not look like keytar. Reinstall Veo Studio.');
  }
  return keychainFromKeytar(api);
}

/**
 * The keychain as the app uses it: keytar is loaded on first use, not at start-up, so a machine
 * whose keychain module cannot load still opens the library and runs the simulator; only storing
 * or reading a key then fails, with the explanation above.
 */
export function lazyKeytarBackend(load: () => Promise<KeychainBackend> = createKeytarBackend): KeychainBackend {
  let backend: Promise<KeychainBackend> | undefined;
  const get = (): Promise<KeychainBackend> => {
    backend ??= load();
    // A failed load is not cached: the user may unlock or install the keyring and try again.
    backend.catch(() => (backend = undefined));
    return backend;
  };
  return {
    get: async (service, account) => (await get()).get(service, account),
    set: async (service, account, secret) => (await get()).set(service, account, secret),
    delete: async (service, account) => (await get()).delete(service, account),
  };
}
