// What a job's outcome means for the person looking at it, whichever face shows it (Jobs panel,
// Library card and detail, CLI): the status as words, and which actions can change a failure's
// outcome — the first one offered being the one that can work. A Retry of a refused picture or
// prompt is refused the same way (and a Retry after an expired link pays again), so those lead with
// what to change instead.
import { isFinalState, type JobError, type JobState } from './domain';
import type { Locale } from './i18n/locales';
import { formatMessage, type MessageId } from './i18n/messages';

export const FAILURE_FIXES = ['check_again', 'edit_prompt', 'replace_picture', 'retry', 'edit_settings'] as const;
export type FailureFix = (typeof FAILURE_FIXES)[number];

/** Each action's words in the catalogs (shared/i18n): the app shows them in the user's language. */
const FAILURE_FIX_MESSAGES: Record<FailureFix, MessageId> = {
  check_again: 'jobs.fix.checkAgain',
  edit_prompt: 'jobs.fix.editPrompt',
  replace_picture: 'jobs.fix.replacePicture',
  retry: 'common.retry',
  edit_settings: 'jobs.fix.editSettings',
};

export const failureFixLabel = (fix: FailureFix, locale: Locale = 'en'): string => formatMessage(locale, FAILURE_FIX_MESSAGES[fix]);

/** The same words in English, for the CLI (which speaks English). */
export const FAILURE_FIX_LABELS = Object.fromEntries(FAILURE_FIXES.map((fix) => [fix, failureFixLabel(fix)])) as Record<FailureFix, string>;

/** The words for a job's state; `waiting` is a submitting job not yet sent (jobs-store jobStateLabel). */
const STATE_MESSAGES: Record<JobState | 'waiting', MessageId> = {
  submitting: 'jobs.state.submitting',
  waiting: 'jobs.state.waiting',
  queued: 'jobs.state.queued',
  running: 'jobs.state.running',
  downloading: 'jobs.state.downloading',
  completed: 'jobs.state.completed',
  failed: 'jobs.state.failed',
  cancelled: 'jobs.state.cancelled',
};

export const stateWord = (state: JobState | 'waiting', locale: Locale = 'en'): string => formatMessage(locale, STATE_MESSAGES[state]);

interface JobOutcome {
  state: JobState;
  error?: Pick<JobError, 'kind'> & Partial<Pick<JobError, 'field' | 'notCharged'>>;
  /** The service accepted the job: there is something to ask it about. */
  requestId?: string;
}

/**
 * Accepted, then refused (key, balance, rights) while being followed: still made and paid for on the
 * server, so it stays unfinished with that refusal until "Check again" (docs/protocol.md).
 */
export const isPaused = (job: JobOutcome): boolean => !isFinalState(job.state) && job.error !== undefined;

/** The state as a person reads it; a paused job is not "running" as far as anyone here can tell. */
export function statusLabel(job: JobOutcome, locale: Locale = 'en'): string {
  return isPaused(job) ? formatMessage(locale, 'jobs.state.needsAttention') : stateWord(job.state, locale);
}

/** The actions a failed, cancelled or paused job offers, the one most likely to work first. None for the rest. */
export function failureFixes(job: JobOutcome): FailureFix[] {
  if (isPaused(job)) return ['check_again'];
  if (job.state === 'cancelled') return ['retry', 'edit_settings'];
  if (job.state !== 'failed') return [];
  const error = job.error;
  if (error === undefined) return ['retry', 'edit_settings'];
  const accepted = job.requestId !== undefined;
  switch (error.kind) {
    case 'outcome_unknown':
      // A Retry could be a second charge for a job the service may already be making — except on a
      // free provider (notCharged: the simulator), where nothing can be charged twice.
      return error.notCharged === true ? ['retry', 'edit_settings'] : ['check_again', 'edit_settings'];
    case 'content_policy':
      // Led by what to change; a plain Retry stays last, since a filter that judges the generated
      // video need not refuse the same input twice (it is charged again).
      return error.field === 'image_url' ? ['replace_picture', 'edit_prompt', 'retry'] : ['edit_prompt', 'replace_picture', 'retry'];
    case 'validation':
      if (error.field === 'image_url') return ['replace_picture', 'edit_prompt'];
      if (error.field === 'prompt' || error.field === 'negative_prompt') return ['edit_prompt', 'replace_picture'];
      // The key was kept from an address that is not the configured one: fix Settings, then ask again.
      if (error.field === 'apiBase' && accepted) return ['check_again', 'edit_settings'];
      return ['edit_settings', 'retry'];
    case 'expired':
      // Made and paid for, but gone: only a new (paid) job brings a video back.
      return ['retry', 'edit_settings'];
    case 'cancelled':
    case 'not_found': // the service no longer knows it: asking again cannot help
      return ['retry', 'edit_settings'];
    default:
      // Failed while being followed (network, the server, a lost download): the job may be done there.
      return accepted ? ['check_again', 'retry', 'edit_settings'] : ['retry', 'edit_settings'];
  }
}
