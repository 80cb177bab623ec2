// Turns what the server (or the network) did into one ApiError a person can act on, following
// protocol.md's "Errors users must be able to read". Also decides which HTTP answers are worth
// another try. Pure functions: no I/O, so every rule is unit-testable on its own.
import { ApiError } from './errors';
import type { RetryNotice } from './types';
import { DetailItemSchema, ErrorBodySchema, parseJson, type DetailItem } from './wire';
import { aggregatorRefusal, attemptsText } from './aggregator-refusals';
import { providerWords, quoted, saysNoChannel, saysQuota, type ProviderWords } from './provider-words';
import type { TransportError } from './transport';

export type Operation = 'submit' | 'status' | 'stream' | 'result' | 'cancel';

export interface HttpFailure {
  op: Operation;
  status: number;
  headers: Headers;
  bodyText: string;
  /** Known from the queue URL when the response does not say. */
  requestId?: string;
  /** Attempts made so far, for "gave up after n attempts". */
  attempts: number;
  /** Bytes of the request body, so a 413 can say what size was refused. */
  sentBytes?: number;
}

const MAX_DETAIL_CHARS = 2000;

/**
 * Which HTTP answers deserve another try, and why. Submit is stricter than the rest: only answers
 * given before anything was queued are retried — a 429 and a 503 (rate limits and the aggregator's
 * own refusals answer before relaying). 502/504 come from a gateway that may already have passed the
 * POST on (see `ambiguousSubmitAnswer`). A 504 that fal marks as the caller's own timeout is never retried.
 */
export function retryReasonFor(op: Operation, status: number, headers: Headers, bodyText = ''): RetryNotice['reason'] | undefined {
  // An aggregator's own refusals that waiting does not fix: a quota 429, a 503 "no available channel".
  const words = status === 429 || status === 503 ? providerWords(bodyText) : {};
  if (status === 429) return saysQuota(words) ? undefined : 'rate_limit';
  if (status === 503 && saysNoChannel(words)) return undefined;
  if (status === 504 && headers.get('x-fal-request-timeout-type')?.toLowerCase() === 'user') return undefined;
  if (op === 'submit') return status === 503 ? 'transient' : undefined;
  return status === 500 || status === 502 || status === 503 || status === 504 ? 'transient' : undefined;
}

/**
 * A submit answer that does not prove the POST stopped short of the video service, so its outcome is
 * unknown and it is never re-sent (docs/protocol.md, Submit: a second POST is a second charge). Why
 * per status: a 504 is a gateway that gave up waiting for an upstream that may have queued the job; a
 * 502 is a gateway that got a broken answer — possibly after the upstream accepted; a 500 that fal did
 * not sign (no `x-fal-error-type`, no `error_type`) may come from anything after the POST passed. fal's
 * own 5xx, a 503 and a 429 are refusals before queueing (fal does not bill 5xx).
 */
export function ambiguousSubmitAnswer(status: number, headers: Headers, bodyText: string): string | undefined {
  if (status === 504) return 'a gateway timed out waiting for the video service (HTTP 504)';
  if (status === 502) return 'a gateway got a broken answer from the video service (HTTP 502), possibly after it accepted the job';
  if (status === 500 && !signedByFal(headers, bodyText)) return 'the server failed (HTTP 500) after the request reached it';
  return undefined;
}

function signedByFal(headers: Headers, bodyText: string): boolean {
  if (headers.get('x-fal-error-type') !== null) return true;
  const body = ErrorBodySchema.safeParse(parseJson(bodyText) ?? {});
  return body.success && body.data.error_type !== undefined;
}

export function requestIdOf(headers: Headers, known?: string): string | undefined {
  return headers.get('x-fal-request-id') ?? known;
}

export function classifyHttpFailure(f: HttpFailure): ApiError {
  const requestId = requestIdOf(f.headers, f.requestId);
  const body = ErrorBodySchema.safeParse(parseJson(f.bodyText) ?? {});
  const parsed = body.success ? body.data : {};
  const items = detailItems(parsed.detail);
  const errorType = parsed.error_type ?? f.headers.get('x-fal-error-type') ?? items[0]?.type ?? undefined;
  const detail = detailText(parsed.detail, f.bodyText);
  const retryableHeader = f.headers.get('x-fal-retryable')?.toLowerCase();
  const retryable = retryableHeader === 'true' ? true : retryableHeader === 'false' ? false : undefined;
  const words = providerWords(f.bodyText);
  // "Show details" keeps fal's own `detail`; an aggregator's envelope gives its words, never its JSON.
  const shown = parsed.detail !== undefined || parseJson(f.bodyText) === undefined ? detail : words.message;
  const base = { httpStatus: f.status, requestId, errorType: errorType ?? words.code, detail: shown, retryable };
  const refusal = aggregatorRefusal(f, words, base);
  if (refusal !== undefined) return refusal;
  if (f.status >= 500) return serverError(f, base, words);
  if (f.status === 422 || (f.status === 400 && f.op === 'submit')) return inputRejected(items, parsed.detail, errorType, base);
  if (f.status === 400 && f.op === 'result') {
    return new ApiError({ ...base, kind: 'not_ready', message: 'The result is not ready yet: the job has not completed.' });
  }
  if (f.status === 404 && f.op !== 'submit') {
    const which = requestId === undefined ? 'this request' : `request ${requestId}`;
    return new ApiError({ ...base, kind: 'not_found', message: `The server does not know ${which} (HTTP 404). It may have expired, or belong to another provider or key.` });
  }
  if (f.status === 404) {
    return new ApiError({ ...base, kind: 'unknown', message: 'The video endpoint was not found (HTTP 404). Check the API base URL in Settings.' });
  }
  if (f.op === 'cancel') {
    // 405 from an aggregator that does not route fal's cancel, or any other refusal of it.
    const said = words.message === undefined ? '' : `: “${words.message}”`;
    return new ApiError({
      ...base,
      kind: 'unknown',
      message: `The provider refused to cancel this job (HTTP ${f.status}${said}). It keeps running on the server and will be charged when it finishes; its video will still be saved here.`,
    });
  }
  return unknownReply(f.status, requestId, detail, words);
}

function unknownReply(status: number, requestId: string | undefined, detail: string | undefined, words: ProviderWords): ApiError {
  const id = requestId === undefined ? '' : `, request id ${requestId}`;
  // The provider's words when it has any; never the raw JSON or HTML around them.
  const said = words.message === undefined ? '' : `: ${words.message}`;
  return new ApiError({ kind: 'unknown', httpStatus: status, requestId, detail, message: `Unexpected reply from the server (HTTP ${status}${id})${said}` });
}

/** A 2xx whose body we cannot use (not JSON, or not the shape protocol.md describes). */
export function malformedReply(op: Operation, status: number, requestId: string | undefined, detail: string): ApiError {
  const id = requestId === undefined ? '' : ` (request id ${requestId})`;
  return new ApiError({
    kind: 'unknown',
    httpStatus: status,
    requestId,
    detail: detail.slice(0, MAX_DETAIL_CHARS),
    message: `The server's ${op} reply${id} could not be read (HTTP ${status}). Details: ${detail.slice(0, 200)}`,
  });
}

export function transportFailure(op: Operation, err: TransportError, origin: string, attempts: number, requestId?: string): ApiError {
  const what = err.reason ?? (err.kind === 'timeout' ? `${origin} did not answer in time` : `could not reach ${origin} (${err.code ?? err.message})`);
  const charge = op === 'submit' ? ' Nothing was sent, so you were not charged.' : '';
  const advice = err.advice ?? 'Check your internet connection and the API base URL.';
  return new ApiError({
    kind: 'transient',
    requestId,
    cause: err,
    notCharged: op === 'submit' ? true : undefined,
    message: `Network problem: ${what}; gave up after ${attemptsText(attempts)}. ${advice}${charge}`,
  });
}

/** The POST may have reached the server: re-sending could queue (and bill) a second video. */
export function outcomeUnknown(why: string, extra: { httpStatus?: number; requestId?: string; cause?: unknown } = {}): ApiError {
  return new ApiError({
    ...extra,
    kind: 'outcome_unknown',
    message:
      `The request was sent, but ${why}, so the video may or may not have been queued and charged. ` +
      'Check the request history in your provider dashboard before generating again; Veo Studio will not re-send it on its own.',
  });
}

function serverError(f: HttpFailure, base: ApiErrorBase, words: ProviderWords): ApiError {
  // fal does not bill 5xx, and a submit 5xx that reaches here (500/503, see retryReasonFor and the
  // client's 502/504 rule) was refused before anything was queued. A result 5xx proves nothing about
  // the job: after a clean COMPLETED the video exists and is billed, only fetching it failed (the
  // runner, which saw the status, adds `notCharged` when the status itself reported a failure).
  const notCharged = f.op === 'submit' ? true : undefined;
  const type = base.errorType === undefined ? '' : `, ${base.errorType}`;
  const tail = notCharged
    ? ' You were not charged. Try again in a few minutes.'
    : f.op === 'result'
      ? ' The video may be finished (and charged) on the server; use "Check again" in a few minutes to fetch it.'
      : ' The job may still be running on the server; try again later.';
  return new ApiError({ ...base, kind: 'transient', notCharged, message: `The server had a temporary problem (HTTP ${f.status}${type}); gave up after ${attemptsText(f.attempts)}.${tail}${quoted(words)}` });
}

export type ApiErrorBase = { httpStatus: number; requestId?: string; errorType?: string; detail?: string; retryable?: boolean };

function inputRejected(items: DetailItem[], rawDetail: unknown, errorType: string | undefined, base: ApiErrorBase): ApiError {
  const policyItem = items.find((i) => i.type === 'content_policy_violation');
  if (policyItem !== undefined || errorType === 'content_policy_violation') {
    const field = policyItem === undefined ? undefined : fieldOf(policyItem);
    const said = policyItem?.msg ?? (typeof rawDetail === 'string' ? rawDetail : undefined);
    return new ApiError({
      ...base,
      kind: 'content_policy',
      field,
      errorType: 'content_policy_violation',
      message:
        `The safety filter refused the ${field === 'image_url' ? 'picture' : field === 'prompt' ? 'prompt' : 'prompt or picture'}` +
        `${said ? ` (${said.slice(0, 200)})` : ''}. Reword the prompt or use a different picture, then try again.`,
    });
  }
  if (items.length > 0) {
    const first = items[0] as DetailItem;
    const message = items
      .slice(0, 5)
      .map((i) => {
        const field = fieldOf(i);
        const reason = i.msg ?? i.type ?? 'invalid value';
        return field === undefined ? reason : `${field}: ${reason}`;
      })
      .join('; ');
    return new ApiError({ ...base, kind: 'validation', field: fieldOf(first), message });
  }
  const text = typeof rawDetail === 'string' && rawDetail.trim() !== '' ? rawDetail.trim() : undefined;
  return new ApiError({ ...base, kind: 'validation', message: text === undefined ? `The server rejected the input (HTTP ${base.httpStatus}).` : `The server rejected the input: ${text.slice(0, 300)}` });
}

/** `loc: ["body", "image_url"]` → "image_url"; nested locations join with dots. */
function fieldOf(item: DetailItem): string | undefined {
  const loc = item.loc ?? [];
  const path = loc[0] === 'body' ? loc.slice(1) : loc;
  return path.length === 0 ? undefined : path.join('.');
}

function detailItems(detail: unknown): DetailItem[] {
  const list = Array.isArray(detail) ? detail : typeof detail === 'object' && detail !== null ? [detail] : [];
  return list.flatMap((d) => {
    const p = DetailItemSchema.safeParse(d);
    return p.success ? [p.data] : [];
  });
}

function detailText(detail: unknown, bodyText: string): string | undefined {
  if (typeof detail === 'string') return detail.slice(0, MAX_DETAIL_CHARS);
  if (detail !== undefined && detail !== null) return JSON.stringify(detail).slice(0, MAX_DETAIL_CHARS);
  const raw = bodyText.trim();
  return raw === '' ? undefined : raw.slice(0, MAX_DETAIL_CHARS);
}
