// Errors the runner itself decides on (as opposed to ones the API reported). Plain words, each
// saying what happened and what the user can do.
import type { JobError } from '../../../shared/domain';

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
