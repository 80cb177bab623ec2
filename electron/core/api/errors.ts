// Every failure of the queue API becomes one ApiError with a kind the UI can branch on and a message
// a person can act on (protocol.md, "Errors users must be able to read").
import type { ErrorKind, JobError } from '../../../shared/domain';
import { say, type MessageId, type MessageParams } from '../../../shared/i18n/messages';
import { quoted } from './provider-words';

/** Kinds that only make sense inside the core: the runner handles them, users never see them. */
export type InternalErrorKind =
  | 'not_ready' // result asked before COMPLETED (HTTP 400)
  | 'stream_unsupported'; // the provider does not proxy SSE: fall back to polling

export type ApiErrorKind = ErrorKind | InternalErrorKind;

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** English, for the CLI and logs; build it with `say(code, params)` so the app can translate it. */
  message: string;
  code?: MessageId;
  params?: MessageParams;
  /** The provider's own words, kept apart so the app can show them as the provider's. */
  providerWords?: string;
  httpStatus?: number;
  requestId?: string;
  field?: string;
  errorType?: string;
  detail?: string;
  /** What the server said via X-Fal-Retryable, if anything. */
  retryable?: boolean;
  notCharged?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly code?: MessageId;
  readonly params?: MessageParams;
  readonly providerWords?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly field?: string;
  readonly errorType?: string;
  readonly detail?: string;
  readonly retryable?: boolean;
  readonly notCharged?: boolean;

  constructor(init: ApiErrorInit) {
    super(tidySentence(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.code = init.code;
    this.params = init.params;
    this.providerWords = init.providerWords;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.field = init.field;
    this.errorType = init.errorType;
    this.detail = init.detail;
    this.retryable = init.retryable;
    this.notCharged = init.notCharged;
  }

  /** The persisted form. Internal kinds never reach a record; if one does, it is `unknown`. */
  toJobError(): JobError {
    const kind: ErrorKind = this.kind === 'not_ready' || this.kind === 'stream_unsupported' ? 'unknown' : this.kind;
    const out: JobError = { kind, message: this.message };
    if (this.code !== undefined) out.code = this.code;
    if (this.params !== undefined) out.params = this.params;
    if (this.providerWords !== undefined) out.providerWords = this.providerWords;
    if (this.httpStatus !== undefined) out.httpStatus = this.httpStatus;
    if (this.requestId !== undefined) out.requestId = this.requestId;
    if (this.field !== undefined) out.field = this.field;
    if (this.errorType !== undefined) out.errorType = this.errorType;
    if (this.detail !== undefined) out.detail = this.detail;
    if (this.notCharged !== undefined) out.notCharged = this.notCharged;
    return out;
  }
}

/** The words of an ApiError: a coded sentence (English as `message`), with the provider's own words quoted after it in English but kept out of the code — the app shows them apart, as the provider's. */
export function coded(code: MessageId, params?: MessageParams, words?: string): Pick<ApiErrorInit, 'message' | 'code' | 'params' | 'providerWords'> {
  const said = say(code, params);
  if (words === undefined) return said;
  return { ...said, message: said.message + quoted({ message: words }), providerWords: words };
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/**
 * Server text spliced into our sentences brings its own full stop ("…(Prompt flagged.).", "…min 720p..").
 * Collapses the doubles, keeps an ellipsis, and drops a space before punctuation.
 */
export function tidySentence(text: string): string {
  return text
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/([!?])\./g, '$1')
    .replace(/\.\)\./g, '.)')
    .replace(/[ \t]+([.,;:])(?=\s|$)/g, '$1');
}

/** Server words to embed mid-sentence: trimmed, without their own closing punctuation. */
export function clause(text: string, maxChars = 200): string {
  return text.trim().slice(0, maxChars).replace(/[\s.!?;:,]+$/, '');
}
