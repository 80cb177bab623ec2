// Pictures the user dropped live here between "image:prepare" and "jobs:create": the renderer holds
// only a random token, never the bytes or a path it could swap. Entries are kept for a while (Retry
// re-uses the same token) but bounded in both age and count, because each one can hold tens of MB.
import { randomBytes } from 'node:crypto';
import type { PreparedImage } from '../media/preflight';

export type StoredImage = PreparedImage | { url: string };

export interface ImageTokenStoreOptions {
  /** Idle time after which a token is forgotten. */
  ttlMs?: number;
  /** Most pictures held at once; the least recently used goes first. */
  maxEntries?: number;
  now?: () => number;
}

export const DEFAULT_IMAGE_TOKEN_TTL_MS = 30 * 60 * 1000;
export const DEFAULT_MAX_IMAGE_TOKENS = 20;

interface Entry {
  image: StoredImage;
  lastUsed: number;
}

export class ImageTokenStore {
  // A Map iterates in insertion order; re-inserting on every use keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: ImageTokenStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_IMAGE_TOKEN_TTL_MS;
    this.maxEntries = Math.max(1, opts.maxEntries ?? DEFAULT_MAX_IMAGE_TOKENS);
    this.now = opts.now ?? Date.now;
  }

  add(image: StoredImage): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(18).toString('base64url');
    this.entries.set(token, { image, lastUsed: this.now() });
    return token;
  }

  /** The picture behind a token, or undefined when it was discarded, evicted or expired. */
  get(token: string): StoredImage | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.isExpired(entry)) {
      this.entries.delete(token);
      return undefined;
    }
    this.entries.delete(token);
    entry.lastUsed = this.now();
    this.entries.set(token, entry);
    return entry.image;
  }

  discard(token: string): void {
    this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    for (const [token, entry] of this.entries) {
      if (this.isExpired(entry)) this.entries.delete(token);
    }
  }

  private isExpired(entry: Entry): boolean {
    return this.now() - entry.lastUsed > this.ttlMs;
  }
}
