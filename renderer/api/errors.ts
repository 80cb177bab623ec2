// Turns failures into words. Every error the user sees has a short title, a sentence they can act
// on, and (behind "Show details") the technical facts someone debugging needs — never raw JSON.
import type { IpcError } from '../../shared/contract';
import type { ErrorKind, JobError } from '../../shared/domain';

export interface FriendlyError {
  title: string;
  message: string;
  /** Plain-text facts for "Show details" / copy (request id, HTTP status, raw server detail). */
  details?: string;
}

const JOB_ERROR_TITLES: Record<ErrorKind, string> = {
  auth: 'The API key was rejected',
  quota: 'Balance or quota exhausted',
  forbidden: 'Not allowed for this key',
  unavailable: 'The provider cannot serve this model now',
  validation: 'The request was refused',
  content_policy: 'Blocked by the content policy',
  rate_limit: 'Too many requests',
  transient: 'The service had a problem',
  expired: 'The video link expired',
  not_found: 'The server no longer knows this job',
  outcome_unknown: 'Outcome unknown',
  cancelled: 'Cancelled',
  unknown: 'Something went wrong',
};

/** A transient failure with no HTTP answer never reached a server that could "have a problem". */
const CONNECTION_PROBLEM = 'Connection problem';
const titleOf = (error: JobError): string =>
  error.kind === 'transient' && error.httpStatus === undefined ? CONNECTION_PROBLEM : JOB_ERROR_TITLES[error.kind];

export function describeJobError(error: JobError): FriendlyError {
  const facts: string[] = [`Error: ${error.kind}`];
  if (error.requestId) facts.push(`Request id: ${error.requestId}`);
  if (error.httpStatus !== undefined) facts.push(`HTTP status: ${error.httpStatus}`);
  if (error.errorType) facts.push(`Error type: ${error.errorType}`);
  if (error.field) facts.push(`Field: ${error.field}`);
  if (error.notCharged) facts.push('Charged: no (nothing was queued, or the service does not bill this failure)');
  if (error.detail) facts.push(`Detail: ${error.detail}`);
  return { title: titleOf(error), message: error.message, details: facts.join('\n') };
}

export function describeIpcError(error: IpcError, title = 'That did not work'): FriendlyError {
  if (error.jobError) {
    const job = describeJobError(error.jobError);
    // "Something went wrong" or "Connection problem" says less than what the caller was doing
    // ("Could not cancel the job"); the sentence below still names the connection.
    const generic = error.jobError.kind === 'unknown' || job.title === CONNECTION_PROBLEM;
    return { ...job, ...(generic ? { title } : {}), message: error.message || job.message };
  }
  // A plain failure carries nothing beyond its message, so there are no details worth hiding.
  return { title, message: error.message || 'Something went wrong. Try again.' };
}
