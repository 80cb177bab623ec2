// Errors the runner itself decides on (as opposed to ones the API reported). Plain words, each
// saying what happened and what the user can do.
import type { JobError, LogLine } from '../../../shared/domain';
import { OWN_LOG_SOURCE } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
import type { CancelOutcome, RetryNotice } from '../api/types';
import type { Said } from '../util/said';

export const outcomeUnknownError = (): JobError => ({
  kind: 'outcome_unknown',
  ...say('app.job.outcomeUnknown'),
});

export const cancelledError = (requestId?: string): JobError => ({
  kind: 'cancelled',
  ...say('app.job.cancelled'),
  ...(requestId ? { requestId } : {}),
});

export const notReadyError = (requestId?: string): JobError => ({
  kind: 'unknown',
  ...say('app.job.notReady'),
  ...(requestId ? { requestId } : {}),
});

export const internalError = (err: unknown, requestId?: string): JobError => ({
  kind: 'unknown',
  ...say('app.job.internal', { detail: err instanceof Error ? err.message : String(err) }),
  ...(requestId ? { requestId } : {}),
});

/**
 * The status said the job failed on the server and the result answered 5xx: fal does not bill its
 * 5xx failures (docs/protocol.md, Result), so this one — and only this one — is "not charged".
 */
export const unbilledServerFailure = (error: JobError): JobError =>
  error.kind === 'transient' && (error.httpStatus ?? 0) >= 500
    ? { ...error, notCharged: true, ...say('app.job.serverFailedNotCharged', { status: error.httpStatus ?? 0 }) }
    : error;

/** What a job shows while it waits to try again. `n.attempt` is already the attempt about to run (retry.ts). */
export function retryNote(n: RetryNotice): string {
  return retryNoteSaid(n).message;
}

/** `retryNote` as a coded message: the English for the event's `retryNote`, the code for `retryNoteText`. */
export function retryNoteSaid(n: RetryNotice): Said {
  return say('app.retry.note', {
    reason: n.reason === 'rate_limit' || n.reason === 'unreachable' ? n.reason : 'other',
    hostKnown: n.host === undefined ? 'no' : 'yes',
    host: n.host ?? '',
    at: Date.now() + n.delayMs,
    attempt: n.attempt,
    maxAttempts: n.maxAttempts,
  });
}

/** The server's link to a finished video stopped working before it was saved: it was made, so it was paid for. */
export const expiredError = (): Pick<JobError, 'kind' | 'message' | 'code' | 'params'> => ({
  kind: 'expired',
  ...say('app.job.expired'),
});

/**
 * Said (and kept on the record, one line per spell: the timestamp is when it began) while the
 * follower keeps trying a server it cannot reach (follow.ts, onUnreachable).
 */
export function stillUnreachableLine(baseUrl: string, sinceMs: number): LogLine & Said & { source: string; timestamp: string } {
  let host = baseUrl;
  try {
    host = new URL(baseUrl).host;
  } catch {
    /* keep the base as given */
  }
  return {
    ...say('app.job.stillUnreachable', { host, since: sinceMs }),
    source: OWN_LOG_SOURCE,
    timestamp: new Date(sinceMs).toISOString(),
  };
}

/** What the server said to a cancel, as a line on the job's log. */
export function cancelOutcomeLine(outcome: CancelOutcome): LogLine & { source: string } {
  const code = ({ requested: 'app.cancel.requested', already_completed: 'app.cancel.alreadyCompleted', not_found: 'app.cancel.notFound' } as const)[outcome];
  return { ...say(code), source: OWN_LOG_SOURCE };
}
