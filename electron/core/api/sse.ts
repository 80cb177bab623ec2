// Reads fal's status stream (`data: <status JSON>` events, `: ping` comments about every 15 s,
// closed after COMPLETED) into QueueStatus values. An idle timer replaces the request deadline once
// headers are in: any bytes, pings included, reset it, so a healthy but slow job is never cut off
// while a dead connection cannot hang the runner forever.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ApiError } from './errors';
import { say } from '../../../shared/i18n/messages';
import { malformedReply } from './classify';
import type { OpenExchange } from './transport';
import type { QueueStatus } from './types';
import { describeIssues, parseJson, StatusBodySchema, toQueueStatus } from './wire';

export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 45_000;
const MAX_EVENT_CHARS = 1024 * 1024;

export interface StatusStreamOptions {
  idleTimeoutMs: number;
  requestId?: string;
  /** The caller's signal: its abort is rethrown as is, never turned into an ApiError. */
  signal?: AbortSignal;
}

class IdleTimeout extends Error {}

export async function* readStatusStream(ex: OpenExchange, opts: StatusStreamOptions): AsyncGenerator<QueueStatus> {
  ex.stopDeadline();
  const body = ex.response.body;
  if (body === null) throw streamEnded(opts.requestId);
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const pending: QueueStatus[] = [];
  let failure: ApiError | undefined;

  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (event) => {
      // Redacted before it is parsed: a provider echoing the request must not land the key in logs.
      const outcome = decodeEvent({ ...event, data: ex.redact(event.data) }, opts.requestId);
      if (outcome instanceof ApiError) failure ??= outcome;
      else if (outcome !== undefined) pending.push(outcome);
    },
    onError: (err) => {
      // Unknown fields are legal SSE noise; only a runaway event is worth stopping for.
      if (err.type === 'max-buffer-size-exceeded') failure ??= malformedReply('stream', 200, opts.requestId, 'a status event exceeded 1 MiB');
    },
  });

  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => ex.abort(new IdleTimeout()), opts.idleTimeoutMs);
  };

  try {
    armIdleTimer();
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw readFailure(err, ex, opts);
      }
      if (chunk.done) break;
      armIdleTimer();
      parser.feed(chunk.value);
      while (pending.length > 0) {
        const status = pending.shift() as QueueStatus;
        yield status;
        if (status.status === 'COMPLETED') return;
      }
      if (failure !== undefined) throw failure;
    }
    // The server hung up without a COMPLETED event: the job is still open, let the runner poll.
    throw streamEnded(opts.requestId);
  } finally {
    clearTimeout(idle);
    ex.abort(new DOMException('status stream closed by the client', 'AbortError'));
    reader.cancel().catch(() => undefined);
    ex.dispose();
  }
}

function decodeEvent(event: EventSourceMessage, requestId: string | undefined): QueueStatus | ApiError | undefined {
  // fal sends unnamed events; a named one (e.g. `event: error`) is not a status and is skipped.
  if (event.event !== undefined && event.event !== 'message') return undefined;
  if (event.data.trim() === '') return undefined;
  const json = parseJson(event.data);
  if (json === undefined) return malformedReply('stream', 200, requestId, `event is not JSON: ${event.data.slice(0, 200)}`);
  const parsed = StatusBodySchema.safeParse(json);
  if (!parsed.success) return malformedReply('stream', 200, requestId, describeIssues(parsed.error));
  return toQueueStatus(parsed.data);
}

function readFailure(err: unknown, ex: OpenExchange, opts: StatusStreamOptions): unknown {
  if (opts.signal?.aborted) return opts.signal.reason;
  const translated = ex.translate(err);
  if (translated instanceof IdleTimeout) {
    return new ApiError({
      kind: 'transient',
      requestId: opts.requestId,
      ...say('api.stream.idle', { seconds: Math.round(opts.idleTimeoutMs / 1000) }),
    });
  }
  if (translated instanceof Error && translated.name === 'TransportError') {
    // The transport's own words ("Network error (ECONNRESET)") stay in the English only: the code says it plainly.
    const sentence = say('api.stream.brokeOff');
    return new ApiError({ kind: 'transient', requestId: opts.requestId, cause: translated, ...sentence, message: `The status stream broke off (${translated.message}).` });
  }
  return translated;
}

function streamEnded(requestId: string | undefined): ApiError {
  return new ApiError({ kind: 'transient', requestId, ...say('api.stream.closedEarly') });
}
