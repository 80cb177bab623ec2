// The desktop app's key store: keytar (the OS keychain) first; when it cannot be reached at all
// (no Secret Service on many KDE and tiling Linux setups, or keytar did not build), Electron's
// safeStorage encrypts the key into a file in userData. safeStorage is injected here so the core
// stays Electron-free. Settings shows which of the two holds the key.
import path from 'node:path';
import { safeStorage } from 'electron';
import { encryptedFileBackend } from '../core/secrets/encrypted-file-backend';
import { keychainWithFallback } from '../core/secrets/fallback-backend';
import { lazyKeytarBackend } from '../core/secrets/keytar-backend';
import type { KeychainBackend } from '../core/secrets/secret-store';

export const ENCRYPTED_KEYS_FILE = 'keys.safestorage.json';

export function desktopKeychain(dataDir: string): KeychainBackend {
  return keychainWithFallback(
    { backend: lazyKeytarBackend(), store: { kind: 'keychain' } },
    {
      backend: encryptedFileBackend(path.join(dataDir, ENCRYPTED_KEYS_FILE), {
        isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
        encryptString: (plain) => safeStorage.encryptString(plain),
        decryptString: (sealed) => safeStorage.decryptString(sealed),
        // Linux only (docs/api/safe-storage.md); "basic_text" means no real encryption.
        ...(process.platform === 'linux' ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() } : {}),
      }),
      store: { kind: 'encryptedFile' },
    },
  );
}
