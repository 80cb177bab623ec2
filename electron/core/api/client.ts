// createQueueClient: submit / status / stream / result / cancel against fal's queue API, directly or
// through the aggregator. Transport (key, origin guard, deadlines) lives in transport.ts, retry
// timing in retry.ts, error wording in classify.ts; this file only wires each call's rules together.
import { ApiError } from './errors';
import { ambiguousSubmitAnswer, classifyHttpFailure, malformedReply, outcomeUnknown, retryReasonFor, transportFailure, type Operation } from './classify';
import { parseApiBase, rebaseUrl, requestIdFromUrl, streamUrlFor, urlOnBase, withLogs, type ApiBase } from './rebase';
import { parseRetryAfterMs, resolveRetryPolicy, RetrySignal, withRetry, type RetryLoopOptions } from './retry';
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, readStatusStream } from './sse';
import { readBodyText, send, TransportError, type OpenExchange, type SendRequest, type TransportConfig } from './transport';
import type { ApiConfig, CallOptions, CancelOutcome, ModelInput, QueueClient, QueueStatus, SubmitOptions, SubmitReceipt } from './types';
import { CancelBodySchema, describeIssues, parseJson, ResultBodySchema, StatusBodySchema, SubmitBodySchema, toQueueStatus, toVideoResult } from './wire';
import type { QueueUrls, VideoResult } from '../../../shared/domain';
import { DEFAULT_MODEL } from '../../../shared/models';
import type { z } from 'zod';

export interface QueueClientOptions {
  /** How long the status stream may stay silent (not even a ping) before it is given up. */
  streamIdleTimeoutMs?: number;
  /** Tests: observe the retry waits without spending them. */
  sleep?: RetryLoopOptions['sleep'];
}

interface Answer {
  response: Response;
  text: string;
  attempt: number;
}

export function createQueueClient(config: ApiConfig, options: QueueClientOptions = {}): QueueClient {
  const base: ApiBase = parseApiBase(config.baseUrl);
  const policy = resolveRetryPolicy(config.retry);
  const transport: TransportConfig = {
    provider: config.provider,
    base,
    keyOrigins: config.keyOrigins ?? (() => [base.origin]),
    getKey: config.getKey,
    // Looked up per call, so a fetch patched after creation (tests, instrumentation) is honoured.
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    requestTimeoutMs: policy.requestTimeoutMs,
  };
  const idleTimeoutMs = options.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS;
  // Following a job: a short deadline, so a silent network is named in seconds (RetryPolicy.followTimeoutMs).
  const followTimeoutMs = Math.min(policy.requestTimeoutMs, policy.followTimeoutMs);
  const loop = (opts: CallOptions): RetryLoopOptions => ({ policy, signal: opts.signal, onRetry: opts.onRetry, sleep: options.sleep });

  /**
   * One attempt's transport failure: a RetrySignal for network trouble (naming the host, so a job can
   * say "can't reach …" at once), the final error for trouble no retry fixes, anything else as is.
   */
  const retryableTransport = (op: Operation, err: unknown, attempt: number, requestId?: string): unknown => {
    if (!(err instanceof TransportError)) return err;
    const error = transportFailure(op, err, base.origin, attempt, requestId);
    return err.final ? error : new RetrySignal(error, 'unreachable', undefined, undefined, new URL(base.origin).host);
  };

  /** A non-success answer: retry if the status says so, else the final classified error. */
  const failed = (op: Operation, a: Answer, requestId?: string, sentBytes?: number): Error => {
    const { status, headers } = a.response;
    const error = classifyHttpFailure({ op, status, headers, bodyText: a.text, requestId, attempts: a.attempt, sentBytes });
    const reason = retryReasonFor(op, status, headers, a.text);
    return reason === undefined ? error : new RetrySignal(error, reason, status, parseRetryAfterMs(headers.get('retry-after')));
  };

  /** GET/PUT with retries; `handle` turns an answer into a value or throws (ApiError / RetrySignal). */
  const call = <T>(op: Operation, req: SendRequest, requestId: string | undefined, opts: CallOptions, handle: (a: Answer) => T): Promise<T> =>
    withRetry(async (attempt) => {
      let text: string;
      let response: Response;
      try {
        const ex = await send(transport, { ...req, signal: opts.signal, timeoutMs: followTimeoutMs });
        response = ex.response;
        text = await readBodyText(ex);
      } catch (err) {
        throw retryableTransport(op, err, attempt, requestId);
      }
      return handle({ response, text, attempt });
    }, loop(opts));

  /** A 2xx body that must match `schema`; garbage is retried like a transient failure (GETs only). */
  const decode = <S extends z.ZodType>(op: Operation, schema: S, a: Answer, requestId?: string): z.output<S> => {
    const json = parseJson(a.text);
    const parsed = json === undefined ? undefined : schema.safeParse(json);
    if (parsed?.success) return parsed.data;
    const detail = parsed === undefined ? `not JSON: ${a.text.slice(0, 200)}` : describeIssues(parsed.error);
    const rid = a.response.headers.get('x-fal-request-id') ?? requestId;
    throw new RetrySignal(malformedReply(op, a.response.status, rid, detail), 'transient', a.response.status);
  };

  async function submit(input: ModelInput, opts: SubmitOptions = {}): Promise<SubmitReceipt> {
    const body = JSON.stringify(input);
    // The endpoint names the model; the receipt's queue URLs name its app (re-based like any other).
    const path = `/${opts.model ?? DEFAULT_MODEL}`;
    return withRetry(async (attempt) => {
      let ex: OpenExchange;
      try {
        ex = await send(transport, { method: 'POST', url: urlOnBase(base, path), body, signal: opts.signal });
      } catch (err) {
        // Only a refused connection or a failed DNS lookup proves the POST never left this machine.
        if (err instanceof TransportError && err.kind === 'connect') throw retryableTransport('submit', err, attempt);
        if (err instanceof TransportError) {
          const why = err.kind === 'timeout' ? { why: 'noAnswer' } : { why: 'reason', ...(err.why ?? { reason: 'broke', host: new URL(base.origin).host }) };
          throw outcomeUnknown(why, { cause: err, detail: err.code ?? err.message });
        }
        throw err;
      }
      const { response } = ex;
      const rid = response.headers.get('x-fal-request-id') ?? undefined;
      let text = '';
      try {
        text = await readBodyText(ex);
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        // A refusal (4xx/5xx) is still a refusal without its body; a 2xx without one is a lost receipt.
        if (response.ok) throw outcomeUnknown({ why: 'brokeOff' }, { httpStatus: response.status, requestId: rid, cause: err });
      }
      const ambiguous = ambiguousSubmitAnswer(response.status, response.headers, text);
      if (ambiguous !== undefined) throw outcomeUnknown(ambiguous, { httpStatus: response.status, requestId: rid });
      if (!response.ok) throw failed('submit', { response, text, attempt }, undefined, Buffer.byteLength(body));
      const parsed = SubmitBodySchema.safeParse(parseJson(text));
      if (!parsed.success) {
        const why = parseJson(text) === undefined ? 'reply is not JSON' : describeIssues(parsed.error);
        // What did not parse is for "Show details", not the sentence.
        throw outcomeUnknown({ why: 'unreadable' }, { httpStatus: response.status, requestId: rid, detail: why });
      }
      const receipt: SubmitReceipt = {
        requestId: parsed.data.request_id,
        urls: {
          status: rebaseUrl(parsed.data.status_url, base),
          response: rebaseUrl(parsed.data.response_url, base),
          cancel: rebaseUrl(parsed.data.cancel_url, base),
        },
      };
      if (typeof parsed.data.queue_position === 'number') receipt.queuePosition = parsed.data.queue_position;
      return receipt;
    }, loop(opts));
  }

  function status(urls: QueueUrls, opts: CallOptions = {}): Promise<QueueStatus> {
    const rid = requestIdFromUrl(urls.status);
    return call('status', { method: 'GET', url: withLogs(urls.status) }, rid, opts, (a) => {
      // 202 while queued/running, 200 once done; the body's `status` is what counts.
      if (a.response.status !== 200 && a.response.status !== 202) throw failed('status', a, rid);
      return toQueueStatus(decode('status', StatusBodySchema, a, rid));
    });
  }

  async function* stream(urls: QueueUrls, opts: CallOptions = {}): AsyncGenerator<QueueStatus> {
    const rid = requestIdFromUrl(urls.status);
    const ex = await openStream(streamUrlFor(urls.status), rid, opts);
    yield* readStatusStream(ex, { idleTimeoutMs, requestId: rid, signal: opts.signal });
  }

  function openStream(url: string, rid: string | undefined, opts: CallOptions): Promise<OpenExchange> {
    return withRetry(async (attempt) => {
      let ex: OpenExchange;
      try {
        ex = await send(transport, { method: 'GET', url, accept: 'text/event-stream', signal: opts.signal, timeoutMs: followTimeoutMs });
      } catch (err) {
        throw retryableTransport('stream', err, attempt, rid);
      }
      const { response } = ex;
      const contentType = response.headers.get('content-type') ?? '';
      if (response.ok && /^text\/event-stream\b/i.test(contentType)) return ex;
      if (response.ok || [404, 405, 501].includes(response.status)) {
        ex.abort(new DOMException('stream not supported', 'AbortError'));
        ex.dispose();
        throw new ApiError({
          kind: 'stream_unsupported',
          httpStatus: response.status,
          requestId: rid,
          message: `The provider does not offer a status stream (HTTP ${response.status}${contentType ? `, ${contentType.split(';')[0]}` : ''}); polling instead.`,
        });
      }
      let text = '';
      try {
        text = await readBodyText(ex);
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
      }
      throw failed('stream', { response, text, attempt }, rid);
    }, loop(opts));
  }

  function result(urls: QueueUrls, opts: CallOptions = {}): Promise<VideoResult> {
    const rid = requestIdFromUrl(urls.response);
    return call('result', { method: 'GET', url: urls.response }, rid, opts, (a) => {
      if (a.response.status !== 200) throw failed('result', a, rid);
      // The video URL is a public CDN link: kept as is, never re-based, never sent the key.
      return toVideoResult(decode('result', ResultBodySchema, a, rid));
    });
  }

  function cancel(urls: QueueUrls, opts: CallOptions = {}): Promise<CancelOutcome> {
    const rid = requestIdFromUrl(urls.cancel);
    return call('cancel', { method: 'PUT', url: urls.cancel }, rid, opts, (a): CancelOutcome => {
      const said = CancelBodySchema.safeParse(parseJson(a.text) ?? {});
      const bodyStatus = said.success ? said.data.status : undefined;
      if (a.response.status === 202 || a.response.status === 200) return bodyStatus === 'ALREADY_COMPLETED' ? 'already_completed' : 'requested';
      if (a.response.status === 400) return 'already_completed';
      if (a.response.status === 404) return 'not_found';
      throw failed('cancel', a, rid);
    });
  }

  return { provider: config.provider, baseUrl: config.baseUrl, submit, status, stream, result, cancel };
}
