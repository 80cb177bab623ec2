// The downloader's one error type, in its own file so the transport and the body pump can throw it
// without importing download.ts (which imports them). download.ts re-exports it: callers import
// DownloadError from there.
import type { Said } from '../util/said';

/** `refused`: a non-public address (download-address.ts); `too_large`: over the size cap. Neither is retried. */
export type DownloadErrorCode = 'expired' | 'integrity' | 'network' | 'http' | 'refused' | 'too_large';

export class DownloadError extends Error {
  readonly code: DownloadErrorCode;
  readonly httpStatus?: number;
  /** Worth another attempt (network trouble, truncated body, 5xx); the .part is kept for resuming. */
  readonly retryable: boolean;
  /** The message as a catalog code, for the ones a person reads as the job's error. */
  readonly said?: Said;

  constructor(code: DownloadErrorCode, words: string | Said, init: { httpStatus?: number; retryable?: boolean; cause?: unknown } = {}) {
    super(typeof words === 'string' ? words : words.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DownloadError';
    this.code = code;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? false;
    if (typeof words !== 'string') this.said = words;
  }
}
