// The simulator's record of what it was asked, bounded. Anything on this machine — a page in any
// browser tab (no-cors fetches need no token), any local user — can send it requests, so an unbounded
// log is an unbounded heap (red-team F1). Tests and `npm run sim` keep the newest entries; the app's
// in-process simulator keeps none.
import type { SimRequestLog } from './types';

/** Enough for any test's assertions and a manual session's recent history. */
export const DEFAULT_REQUEST_LOG_LIMIT = 1000;
/** A logged path is cut to this: the entry says what arrived, not all of it. */
export const LOGGED_PATH_CHARS = 256;

export interface RequestLog {
  /** Oldest first; at most `limit` entries, the same array for the simulator's whole life. */
  readonly entries: SimRequestLog[];
  add(entry: SimRequestLog): void;
}

export function createRequestLog(limit: number): RequestLog {
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`simulator: requestLogLimit must be a whole number ≥ 0, got ${limit}`);
  const entries: SimRequestLog[] = [];
  return {
    entries,
    add(entry) {
      if (limit === 0) return;
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
  };
}
