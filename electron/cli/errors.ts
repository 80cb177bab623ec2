// Exit codes are part of the CLI's contract: 0 completed, 1 failed or cancelled, 2 bad usage/input,
// 3 the library is in use by the app or another writing command (nothing was done; scripts can wait and retry).
export const EXIT = { ok: 0, failed: 1, usage: 2, libraryInUse: 3 } as const;

/** Bad flags or input: printed as is (it already says what to do) and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
