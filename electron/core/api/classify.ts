// Turns what the server (or the network) did into one ApiError a person can act on, following
// protocol.md's "Errors users must be able to read". Also decides which HTTP answers are worth
// another try. Pure functions: no I/O, so every rule is unit-testable on its own.
import { ApiError, clause, coded } from './errors';
import { say, type MessageParams } from '../../../shared/i18n/messages';
import type { RetryNotice } from './types';
import { DetailItemSchema, ErrorBodySchema, parseJson, type DetailItem } from './wire';
import { aggregatorRefusal } from './aggregator-refusals';
import { reasonText } from './network-words';
import { providerWords, saysNoChannel, saysQuota, type ProviderWords } from './provider-words';
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
export function ambiguousSubmitAnswer(status: number, headers: Headers, bodyText: string): OutcomeWhy | undefined {
  if (status === 504) return { why: 'gateway504' };
  if (status === 502) return { why: 'gateway502' };
  if (status === 500 && !signedByFal(headers, bodyText)) return { why: 'server500' };
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
    return new ApiError({ ...base, kind: 'not_ready', message: 'The result is not ready yet: the job has not completed.' }); // internal: the runner waits
  }
  if (f.status === 404 && f.op !== 'submit') {
    const words = requestId === undefined ? say('api.http.notFoundThisRequest') : say('api.http.notFoundRequest', { requestId });
    return new ApiError({ ...base, kind: 'not_found', ...words });
  }
  if (f.status === 404) {
    return new ApiError({ ...base, kind: 'unknown', ...say('api.http.endpointNotFound') });
  }
  if (f.op === 'cancel') {
    // 405 from an aggregator that does not route fal's cancel, or any other refusal of it.
    // The provider's words sit inside the English sentence; the code leaves them to providerWords.
    const said = words.message === undefined ? '' : `: “${words.message}”`;
    return new ApiError({
      ...base,
      kind: 'unknown',
      ...say('api.http.cancelRefused', { status: f.status }),
      ...(words.message === undefined ? {} : { providerWords: words.message }),
      message: `The provider refused to cancel this job (HTTP ${f.status}${said}). It keeps running on the server and will be charged when it finishes; its video will still be saved here.`,
    });
  }
  return unknownReply(f.status, requestId, detail, words);
}

function unknownReply(status: number, requestId: string | undefined, detail: string | undefined, words: ProviderWords): ApiError {
  const sentence = say('api.http.unexpected', { status, ...idParams(requestId) });
  // The provider's words when it has any; never the raw JSON or HTML around them.
  const said = words.message === undefined ? {} : { providerWords: words.message, message: `${sentence.message}: ${words.message}` };
  return new ApiError({ kind: 'unknown', httpStatus: status, requestId, detail, ...sentence, ...said });
}

/** A 2xx whose body we cannot use (not JSON, or not the shape protocol.md describes). */
export function malformedReply(op: Operation, status: number, requestId: string | undefined, detail: string): ApiError {
  return new ApiError({
    kind: 'unknown',
    httpStatus: status,
    requestId,
    detail: detail.slice(0, MAX_DETAIL_CHARS),
    // What did not parse (zod's paths, a body fragment) is for "Show details", not the sentence.
    ...say('api.http.malformed', { op, status, ...idParams(requestId) }),
  });
}

const idParams = (requestId: string | undefined): MessageParams => (requestId === undefined ? { hasId: 'no' } : { hasId: 'yes', requestId });

export function transportFailure(op: Operation, err: TransportError, origin: string, attempts: number, requestId?: string): ApiError {
  const why = err.why ?? { reason: err.kind === 'timeout' ? 'noAnswer' : 'couldNotReach', host: origin };
  // A failure no retry can fix was not retried: "gave up after 1 attempt" would only puzzle.
  const tried = err.final ? 0 : attempts;
  // The certificate and proxy advice already say nothing was sent: only the charge is left to say.
  const charge = op !== 'submit' ? 'unknown' : err.adviceKey === undefined ? 'nothingSent' : 'notCharged';
  const sentence = say('api.network.failure', { ...why, attempts: tried, advice: err.adviceKey ?? op, charge });
  // A proxy's refusal is worded in detail in English (proxy-tunnel.ts: its host, status, what it wants); the code says it plainly.
  const message = err.reason === undefined ? sentence.message : sentence.message.replace(reasonText(why), err.reason);
  return new ApiError({
    kind: 'transient',
    requestId,
    cause: err,
    // The socket code (ENOTFOUND, UND_ERR_SOCKET…) is for "Show details", never the sentence.
    detail: err.code ?? err.message,
    notCharged: op === 'submit' ? true : undefined,
    ...sentence,
    message,
  });
}

/** The POST may have reached the server: re-sending could queue (and bill) a second video. */
export function outcomeUnknown(why: OutcomeWhy | string, extra: { httpStatus?: number; requestId?: string; cause?: unknown; detail?: string } = {}): ApiError {
  // Words given as English (a test's, an old caller's) stay English: there is no code for them.
  const sentence =
    typeof why === 'string'
      ? { message: `The request was sent, but ${why}, so the video may or may not have been queued and charged. Check the request history in your provider dashboard before generating again; Veo Studio will not re-send it on its own.` }
      : say('api.outcomeUnknown', why);
  return new ApiError({ ...extra, kind: 'outcome_unknown', ...sentence });
}

/** Why the outcome is unknown, as the `why` select of `api.outcomeUnknown` (a network reason's parameters beside `why: 'reason'`). */
export type OutcomeWhy = MessageParams & { why: string };

function serverError(f: HttpFailure, base: ApiErrorBase, words: ProviderWords): ApiError {
  // fal does not bill 5xx, and a submit 5xx that reaches here (500/503, see retryReasonFor and the
  // client's 502/504 rule) was refused before anything was queued. A result 5xx proves nothing about
  // the job: after a clean COMPLETED the video exists and is billed, only fetching it failed (the
  // runner, which saw the status, adds `notCharged` when the status itself reported a failure).
  const notCharged = f.op === 'submit' ? true : undefined;
  const type: MessageParams = base.errorType === undefined ? { hasType: 'no' } : { hasType: 'yes', errorType: base.errorType };
  const tail = notCharged ? 'notCharged' : f.op === 'result' ? 'result' : 'following';
  const sentence = coded('api.http.serverProblem', { status: f.status, ...type, attempts: f.attempts, tail }, words.message);
  return new ApiError({ ...base, kind: 'transient', notCharged, ...sentence });
}

export type ApiErrorBase = { httpStatus: number; requestId?: string; errorType?: string; detail?: string; retryable?: boolean };

function inputRejected(items: DetailItem[], rawDetail: unknown, errorType: string | undefined, base: ApiErrorBase): ApiError {
  const policyItem = items.find((i) => i.type === 'content_policy_violation');
  if (policyItem !== undefined || errorType === 'content_policy_violation') {
    const field = policyItem === undefined ? undefined : fieldOf(policyItem);
    const said = policyItem?.msg ?? (typeof rawDetail === 'string' ? rawDetail : undefined);
    const what = field === 'image_url' ? 'picture' : field === 'prompt' ? 'prompt' : 'both';
    // Retrying the same input is refused the same way: the sentence says what to change. The filter's
    // own words sit inside the English sentence; the code leaves them to providerWords.
    const sentence = say('api.input.contentPolicy', { what });
    const message = said ? sentence.message.replace(/\. /, ` (${clause(said)}). `) : sentence.message;
    return new ApiError({ ...base, kind: 'content_policy', field, errorType: 'content_policy_violation', ...sentence, ...(said ? { providerWords: said } : {}), message });
  }
  if (items.length > 0) {
    const first = items[0] as DetailItem;
    const field = fieldOf(first);
    const reasons = items
      .slice(0, 5)
      .map((i) => `${FIELD_WORDS[fieldOf(i) ?? ''] ?? 'a setting'}: ${clause(i.msg ?? humanType(i.type))}`)
      .join('; ');
    // The code names the first field; the service's reasons (its words) go to providerWords.
    const sentence = say('api.input.refusedField', { field: FIELD_KEY[field ?? ''] ?? 'other', more: Math.min(items.length, 5) - 1 });
    const providerSaid = items.slice(0, 5).map((i) => clause(i.msg ?? humanType(i.type))).join('; ');
    return new ApiError({
      ...base,
      kind: 'validation',
      field,
      ...sentence,
      providerWords: providerSaid,
      message: `The service refused ${reasons}. ${FIELD_FIX[field ?? ''] ?? 'Change it, then try again.'}`,
    });
  }
  const text = typeof rawDetail === 'string' && rawDetail.trim() !== '' ? rawDetail.trim() : undefined;
  if (text === undefined) return new ApiError({ ...base, kind: 'validation', ...say('api.input.rejected', { status: base.httpStatus }) });
  // A bare sentence names no field; one about the picture still gets "Replace picture" on the card.
  const field = SAYS_PICTURE.test(text) ? 'image_url' : undefined;
  const fix = field === undefined ? '' : ` ${FIELD_FIX.image_url}`;
  const sentence = say('api.input.rejectedSaying', { picture: field === undefined ? 'no' : 'yes' });
  return new ApiError({ ...base, kind: 'validation', ...(field ? { field } : {}), ...sentence, providerWords: clause(text, 300), message: `The server rejected the input: ${clause(text, 300)}.${fix}` });
}

/** fal's input fields as a person names them; the field name itself stays on the error for "Show details". */
const FIELD_WORDS: Record<string, string> = {
  image_url: 'the picture',
  prompt: 'the prompt',
  negative_prompt: 'the negative prompt',
  aspect_ratio: 'the aspect ratio',
  duration: 'the duration',
  resolution: 'the resolution',
  generate_audio: 'the audio setting',
  seed: 'the seed',
};
/** fal's input fields as the `field` select of `api.input.refusedField`. */
const FIELD_KEY: Record<string, string> = {
  image_url: 'picture',
  prompt: 'prompt',
  negative_prompt: 'negativePrompt',
  aspect_ratio: 'aspectRatio',
  duration: 'duration',
  resolution: 'resolution',
  generate_audio: 'audio',
  seed: 'seed',
};
const FIELD_FIX: Record<string, string> = {
  image_url: 'Replace the picture, then generate again.',
  prompt: 'Edit the prompt, then generate again.',
  negative_prompt: 'Edit the negative prompt, then generate again.',
};
const SAYS_PICTURE = /\b(image|picture|photo)s?\b|image_url/i;
const humanType = (type: string | undefined): string => (type === undefined ? 'invalid value' : type.replace(/[_.]+/g, ' '));

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
