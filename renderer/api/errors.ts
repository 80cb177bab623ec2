// Turns failures into words. Every error the user sees has a short title, a sentence they can act
// on, and (behind "Show details") the technical facts someone debugging needs — never raw JSON.
// All in the user's language: the sentence from the core's code (its English words when it sent
// none), the provider's own words apart and untouched.
import type { IpcError } from '../../shared/contract';
import type { ErrorKind, JobError } from '../../shared/domain';
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage, renderMessage, type MessageId } from '../../shared/i18n/messages';
import { currentLocale } from '../i18n/intl';

export interface FriendlyError {
  title: string;
  message: string;
  /** Plain-text facts for "Show details" / copy (request id, HTTP status, raw server detail). */
  details?: string;
  /** What the provider itself said, shown as it came (often Chinese from the aggregator), marked as theirs. */
  providerWords?: string;
}

const JOB_ERROR_TITLES: Record<ErrorKind, MessageId> = {
  auth: 'errors.title.auth',
  quota: 'errors.title.quota',
  forbidden: 'errors.title.forbidden',
  unavailable: 'errors.title.unavailable',
  validation: 'errors.title.validation',
  content_policy: 'errors.title.content_policy',
  rate_limit: 'errors.title.rate_limit',
  transient: 'errors.title.transient',
  expired: 'errors.title.expired',
  not_found: 'errors.title.not_found',
  outcome_unknown: 'errors.title.outcome_unknown',
  cancelled: 'errors.title.cancelled',
  unknown: 'errors.title.unknown',
};

/** A transient failure with no HTTP answer never reached a server that could "have a problem". */
const isConnectionProblem = (error: JobError): boolean => error.kind === 'transient' && error.httpStatus === undefined;
const titleOf = (error: JobError): MessageId => (isConnectionProblem(error) ? 'errors.title.connection' : JOB_ERROR_TITLES[error.kind]);

function factsOf(error: JobError, locale: Locale): string {
  const say = (id: MessageId, params?: Record<string, string | number>) => formatMessage(locale, id, params);
  const facts: string[] = [say('errors.fact.kind', { kind: error.kind })];
  if (error.requestId) facts.push(say('errors.fact.requestId', { requestId: error.requestId }));
  if (error.httpStatus !== undefined) facts.push(say('errors.fact.httpStatus', { status: String(error.httpStatus) }));
  if (error.errorType) facts.push(say('errors.fact.errorType', { errorType: error.errorType }));
  if (error.field) facts.push(say('errors.fact.field', { field: error.field }));
  if (error.notCharged) facts.push(say('errors.fact.notCharged'));
  if (error.detail) facts.push(say('errors.fact.detail', { detail: error.detail }));
  return facts.join('\n');
}

export function describeJobError(error: JobError, locale: Locale = currentLocale()): FriendlyError {
  return {
    title: formatMessage(locale, titleOf(error)),
    message: renderMessage(locale, error),
    details: factsOf(error, locale),
    ...(error.providerWords ? { providerWords: error.providerWords } : {}),
  };
}

/** `title` names what the caller was doing ("Could not cancel the job"), already in the user's language. */
export function describeIpcError(error: IpcError, title?: string, locale: Locale = currentLocale()): FriendlyError {
  const ownTitle = title ?? formatMessage(locale, 'common.thatDidNotWork');
  const ownMessage = error.message || error.code ? renderMessage(locale, error) : '';
  if (error.jobError) {
    const job = describeJobError(error.jobError, locale);
    // "Something went wrong" or "Connection problem" says less than what the caller was doing
    // ("Could not cancel the job"); the sentence below still names the connection.
    const generic = error.jobError.kind === 'unknown' || isConnectionProblem(error.jobError);
    return { ...job, ...(generic ? { title: ownTitle } : {}), message: ownMessage || job.message };
  }
  // A plain failure carries nothing beyond its message, so there are no details worth hiding.
  return { title: ownTitle, message: ownMessage || formatMessage(locale, 'common.somethingWentWrong') };
}
