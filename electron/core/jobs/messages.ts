// Errors the runner itself decides on (as opposed to ones the API reported). Plain words, each
// saying what happened and what the user can do.
import type { JobError, LogLine } from '../../../shared/domain';
import type { CancelOutcome, RetryNotice } from '../api/types';

export const outcomeUnknownError = (): JobError => ({
  kind: 'outcome_unknown',
  message:
    'Veo Studio stopped while this job was being sent, so it may or may not have been queued (and charged). ' +
    'Check your provider dashboard before re-running it.',
});

export const cancelledError = (requestId?: string): JobError => ({
  kind: 'cancelled',
  message: 'Cancelled at your request.',
  ...(requestId ? { requestId } : {}),
});

export const notReadyError = (requestId?: string): JobError => ({
  kind: 'unknown',
  message:
    'The server said the job finished but would not hand over the result. Use "Check again" in a minute.',
  ...(requestId ? { requestId } : {}),
});

export const internalError = (err: unknown, requestId?: string): JobError => ({
  kind: 'unknown',
  message: `Something went wrong inside Veo Studio: ${err instanceof Error ? err.message : String(err)}`,
  ...(requestId ? { requestId } : {}),
});

/**
 * The status said the job failed on the server and the result answered 5xx: fal does not bill its
 * 5xx failures (docs/protocol.md, Result), so this one — and only this one — is "not charged".
 */
export const unbilledServerFailure = (error: JobError): JobError =>
  error.kind === 'transient' && (error.httpStatus ?? 0) >= 500
    ? { ...error, notCharged: true, message: `The job failed on the server (HTTP ${error.httpStatus}); failed jobs are not billed, so you were not charged. Try again in a few minutes.` }
    : error;

/** What a job shows while it waits to try again. `n.attempt` is already the attempt about to run (retry.ts). */
export function retryNote(n: RetryNotice): string {
  const at = new Date(Date.now() + n.delayMs).toLocaleTimeString();
  const what = n.reason === 'rate_limit' ? 'Rate limited' : n.reason === 'unreachable' ? `Can’t reach ${n.host ?? 'the server'}` : 'Server trouble';
  return `${what} — retrying at ${at} (attempt ${n.attempt} of ${n.maxAttempts})`;
}

/** The server's link to a finished video stopped working before it was saved: it was made, so it was paid for. */
export const expiredError = (): Pick<JobError, 'kind' | 'message'> => ({
  kind: 'expired',
  message:
    'The video was made — and charged — but its link on the server expired before Veo Studio could save it. ' +
    'It cannot be fetched any more; Retry makes a new video and is charged again.',
});

/**
 * Said (and kept on the record, one line per spell: the timestamp is when it began) while the
 * follower keeps trying a server it cannot reach (follow.ts, onUnreachable).
 */
export function stillUnreachableLine(baseUrl: string, sinceMs: number): LogLine & { source: string; timestamp: string } {
  let host = baseUrl;
  try {
    host = new URL(baseUrl).host;
  } catch {
    /* keep the base as given */
  }
  const since = new Date(sinceMs).toLocaleTimeString();
  return {
    message: `Can’t reach ${host} since ${since} — still trying. The job may still be running on the server; nothing is lost.`,
    source: 'veo-studio',
    timestamp: new Date(sinceMs).toISOString(),
  };
}

/** What the server said to a cancel, as a line on the job's log. */
export const CANCEL_OUTCOME_NOTES: Record<CancelOutcome, string> = {
  requested: 'Cancel requested; the server may still finish the job.',
  already_completed: 'Cancel arrived after the job had finished on the server.',
  not_found: 'The server no longer knows this request.',
};
