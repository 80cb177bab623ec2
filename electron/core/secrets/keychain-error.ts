// The error every keychain failure becomes. Its message is built only from our own sentences plus
// details that were scrubbed of the secret, which is what lets the SecretStore pass it on to users.

import type { Said } from '../util/said';

export class KeychainError extends Error {
  /**
   * True when the keychain cannot be reached at all (its module did not load, no Secret Service
   * answers), as opposed to one that is there and refused (locked, prompt dismissed). Only the
   * former may send a key to the fallback store.
   */
  readonly unavailable: boolean;
  /** The sentence as data (shared/i18n), when it is one of ours: faces say it in their language. */
  readonly said?: Said;

  constructor(words: string | Said, opts: { unavailable?: boolean } = {}) {
    // Deliberately no `cause`: the raw error from a backend may quote the secret, and loggers print causes.
    super(typeof words === 'string' ? words : words.message);
    this.name = 'KeychainError';
    this.unavailable = opts.unavailable ?? false;
    if (typeof words !== 'string') this.said = words;
  }
}

export const isKeychainError = (e: unknown): e is KeychainError => e instanceof KeychainError;
export const isKeychainUnavailable = (e: unknown): boolean => isKeychainError(e) && e.unavailable;

const REDACTED = '[redacted]';

/** Removes every occurrence of each secret (as typed, trimmed, and JSON-escaped) from a text. */
export function redact(text: string, ...secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = new Set([secret, secret.trim(), JSON.stringify(secret).slice(1, -1)].filter((s) => s.length > 0));
    for (const form of forms) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** A short, single-line, scrubbed version of whatever a backend threw, for "Details: …". */
export function describeCause(err: unknown, ...secrets: (string | undefined)[]): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  const line = redact(raw, ...secrets).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
