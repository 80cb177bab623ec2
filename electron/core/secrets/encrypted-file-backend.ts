// The fallback store: API keys encrypted with Electron's safeStorage in one file under userData,
// for machines where the OS keychain cannot be reached through keytar (Linux without a Secret
// Service, which many KDE and tiling setups are; a build where keytar did not compile). The cipher
// is injected (electron/main passes safeStorage), so the core stays free of Electron.
//
// safeStorage on Linux reports `basic_text` when it found no secret store: it then "encrypts" with a
// hard-coded password (Electron docs, docs/api/safe-storage.md), which protects nothing. We refuse
// to write a key in that case rather than pretend it is stored safely.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { KeychainError, describeCause } from './keychain-error';
import type { KeyStore } from '../../../shared/contract';
import type { KeychainBackend } from './secret-store';

/** The part of Electron's safeStorage this store uses (main process, after app 'ready'). */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; undefined elsewhere. */
  getSelectedStorageBackend?(): string;
}

/** Where the key is, in words a user can act on. */
export function encryptedFileStore(cipher: StringCipher): KeyStore {
  const backend = cipher.getSelectedStorageBackend?.();
  return backend && backend !== 'unknown' ? { kind: 'encryptedFile', holder: backend.slice(0, 100) } : { kind: 'encryptedFile' };
}

const FileSchema = z.object({ version: z.literal(1), entries: z.record(z.string().max(300), z.string().max(8192)) });
/** Entries in a Map: account names are never looked up in a plain object. */
interface SecretsFile {
  version: 1;
  entries: Map<string, string>;
}
const empty = (): SecretsFile => ({ version: 1, entries: new Map() });
const MAX_FILE_CHARS = 1_000_000;

const entryKey = (service: string, account: string): string => `${service}\u0000${account}`;

const START_A_KEYRING =
  'Start a Secret Service (gnome-keyring or KWallet, e.g. `sudo apt install gnome-keyring`, then log in again), ' +
  'or launch Veo Studio with --password-store=gnome-libsecret (or kwallet6).';
const NO_REAL_ENCRYPTION =
  'No keyring is available to protect the key: Electron would store it with a fixed, public password ' +
  `(safeStorage backend "basic_text"), so it was not saved. ${START_A_KEYRING}`;
const NO_ENCRYPTION = `The system cannot encrypt the key (safeStorage is unavailable), so it was not saved. ${START_A_KEYRING}`;

export function encryptedFileBackend(file: string, cipher: StringCipher): KeychainBackend {
  const usable = (): void => {
    if (cipher.getSelectedStorageBackend?.() === 'basic_text') throw new KeychainError(NO_REAL_ENCRYPTION);
    if (!cipher.isEncryptionAvailable()) {
      throw new KeychainError(NO_ENCRYPTION);
    }
  };
  const load = async (): Promise<SecretsFile> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return empty();
      throw new KeychainError(`The encrypted key file could not be read. (Details: ${describeCause(err)})`);
    }
    // A damaged file is not fatal: the key can be entered again; the file is rewritten on the next save.
    try {
      const parsed = FileSchema.safeParse(text.length > MAX_FILE_CHARS ? null : JSON.parse(text));
      return parsed.success ? { version: 1, entries: new Map(Object.entries(parsed.data.entries)) } : empty();
    } catch {
      return empty();
    }
  };
  const save = (data: SecretsFile): Promise<void> =>
    writeFileAtomic(file, `${JSON.stringify({ version: 1, entries: Object.fromEntries(data.entries) })}\n`);

  return {
    async get(service, account) {
      const sealed = (await load()).entries.get(entryKey(service, account));
      if (!sealed) return null;
      try {
        return cipher.decryptString(Buffer.from(sealed, 'base64'));
      } catch (err) {
        throw new KeychainError(`The stored key could not be decrypted (the keyring that protects it changed?). Enter the key again. (Details: ${describeCause(err)})`);
      }
    },
    async set(service, account, secret) {
      usable();
      const data = await load();
      let sealed: Buffer;
      try {
        sealed = cipher.encryptString(secret);
      } catch (err) {
        throw new KeychainError(`The key could not be encrypted. (Details: ${describeCause(err, secret)})`);
      }
      data.entries.set(entryKey(service, account), sealed.toString('base64'));
      await save(data);
    },
    async delete(service, account) {
      const data = await load();
      if (!data.entries.delete(entryKey(service, account))) return false;
      await save(data);
      return true;
    },
    where: async () => encryptedFileStore(cipher),
  };
}
