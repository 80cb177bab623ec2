import type { Catalog } from '../catalog-types';

// renderer/api/errors.ts: what a failed job or request is called, and the facts behind "Show details".
export const errors = {
  // describeJobError: one title per ErrorKind
  'errors.title.auth': 'The API key was rejected',
  'errors.title.quota': 'Balance or quota exhausted',
  'errors.title.forbidden': 'Not allowed for this key',
  'errors.title.unavailable': 'The provider cannot serve this model now',
  'errors.title.validation': 'The request was refused',
  'errors.title.content_policy': 'Blocked by the content policy',
  'errors.title.rate_limit': 'Too many requests',
  'errors.title.transient': 'The service had a problem',
  'errors.title.expired': 'The video link expired',
  'errors.title.not_found': 'The server no longer knows this job',
  'errors.title.outcome_unknown': 'Outcome unknown',
  'errors.title.cancelled': 'Cancelled',
  'errors.title.unknown': 'Something went wrong',
  'errors.title.connection': 'Connection problem',
  // "Show details" facts
  'errors.fact.kind': 'Error: {kind}',
  'errors.fact.requestId': 'Request id: {requestId}',
  'errors.fact.httpStatus': 'HTTP status: {status}',
  'errors.fact.errorType': 'Error type: {errorType}',
  'errors.fact.field': 'Field: {field}',
  'errors.fact.notCharged': 'Charged: no (nothing was queued, or the service does not bill this failure)',
  'errors.fact.detail': 'Detail: {detail}',
} as const satisfies Catalog<'errors'>;
