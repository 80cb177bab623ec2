// An in-process keychain for tests and for running without an OS keychain (the simulator needs none).
// Nothing is persisted: the entries die with the process.
import type { KeychainBackend } from './secret-store';

export class MemoryKeychain implements KeychainBackend {
  private readonly entries = new Map<string, string>();

  // A NUL separator (never part of a service or provider name) keeps "a|b"+"c" apart from "a"+"b|c".
  private static entryKey(service: string, account: string): string {
    return `${service}\u0000${account}`;
  }

  async get(service: string, account: string): Promise<string | null> {
    return this.entries.get(MemoryKeychain.entryKey(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.entries.set(MemoryKeychain.entryKey(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.entries.delete(MemoryKeychain.entryKey(service, account));
  }

  /** How many entries are stored (tests check that clear really removes them). */
  get size(): number {
    return this.entries.size;
  }
}
