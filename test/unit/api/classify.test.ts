import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, retryReasonFor, type HttpFailure, type Operation } from '../../../electron/core/api/classify';

const failure = (status: number, body: unknown, op: Operation = 'result', headers: Record<string, string> = {}): HttpFailure => ({
  op,
  status,
  headers: new Headers(headers),
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  requestId: 'req-9',
  attempts: 5,
});

describe('retryReasonFor', () => {
  const h = (x: Record<string, string> = {}) => new Headers(x);
  it('retries 429 everywhere and 5xx on reads', () => {
    for (const op of ['status', 'result', 'cancel', 'stream'] as const) {
      expect(retryReasonFor(op, 429, h())).toBe('rate_limit');
      for (const s of [500, 502, 503, 504]) expect(retryReasonFor(op, s, h())).toBe('transient');
      for (const s of [400, 401, 404, 422, 501]) expect(retryReasonFor(op, s, h())).toBeUndefined();
    }
  });
  it('on submit retries only answers that prove nothing was queued', () => {
    expect(retryReasonFor('submit', 429, h())).toBe('rate_limit');
    expect(retryReasonFor('submit', 503, h())).toBe('transient');
    expect(retryReasonFor('submit', 502, h())).toBe('transient');
    expect(retryReasonFor('submit', 500, h())).toBeUndefined();
    expect(retryReasonFor('submit', 504, h())).toBeUndefined();
  });
  it('never retries a 504 that fal marks as the caller’s own timeout', () => {
    expect(retryReasonFor('result', 504, h({ 'x-fal-request-timeout-type': 'user' }))).toBeUndefined();
  });
});

describe('classifyHttpFailure', () => {
  it('401/403 → auth, pointing at Settings', () => {
    for (const s of [401, 403]) {
      const e = classifyHttpFailure(failure(s, { detail: 'bad key' }));
      expect(e.kind).toBe('auth');
      expect(e.message).toMatch(/key was rejected.*Settings/);
    }
  });

  it('422 content_policy_violation → content_policy with the field', () => {
    const e = classifyHttpFailure(
      failure(422, { detail: [{ loc: ['body', 'prompt'], msg: 'Prompt flagged', type: 'content_policy_violation' }] }, 'result', { 'x-fal-retryable': 'false' }),
    );
    expect(e).toMatchObject({ kind: 'content_policy', field: 'prompt', errorType: 'content_policy_violation', retryable: false, httpStatus: 422, requestId: 'req-9' });
    expect(e.message).toMatch(/safety filter refused the prompt.*Reword/);
  });

  it('422 other → validation with "field: reason" messages', () => {
    const e = classifyHttpFailure(failure(422, { detail: [{ loc: ['body', 'image_url'], msg: 'Image is too small (min 720p)', type: 'image_too_small', ctx: {} }] }));
    expect(e).toMatchObject({ kind: 'validation', field: 'image_url', errorType: 'image_too_small' });
    expect(e.message).toBe('image_url: Image is too small (min 720p)');
    expect(e.detail).toContain('image_too_small');
  });

  it('422 with detail as a plain string', () => {
    const e = classifyHttpFailure(failure(422, { detail: 'Unsupported image format' }));
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('The server rejected the input: Unsupported image format');
    expect(e.detail).toBe('Unsupported image format');
  });

  it('422 string detail with a content-policy error type is still a content_policy error', () => {
    const e = classifyHttpFailure(failure(422, { detail: 'flagged', error_type: 'content_policy_violation' }));
    expect(e.kind).toBe('content_policy');
  });

  it('400 on result → not_ready; 404 → not_found naming the request', () => {
    expect(classifyHttpFailure(failure(400, { detail: 'Request is still in progress' })).kind).toBe('not_ready');
    const nf = classifyHttpFailure(failure(404, { detail: 'Request not found' }));
    expect(nf.kind).toBe('not_found');
    expect(nf.message).toContain('req-9');
  });

  it('429 after retries → rate_limit', () => {
    const e = classifyHttpFailure(failure(429, ''));
    expect(e.kind).toBe('rate_limit');
    expect(e.message).toMatch(/Rate limited.*5 attempts/);
  });

  it('5xx on result → transient, not charged, with the error type from body or header', () => {
    const fromBody = classifyHttpFailure(failure(503, { detail: 'x', error_type: 'runner_scheduling_failure' }));
    expect(fromBody).toMatchObject({ kind: 'transient', notCharged: true, errorType: 'runner_scheduling_failure', httpStatus: 503 });
    expect(fromBody.message).toMatch(/not charged/);
    const fromHeader = classifyHttpFailure(failure(504, { detail: 'Request timed out' }, 'result', { 'x-fal-error-type': 'request_timeout' }));
    expect(fromHeader.errorType).toBe('request_timeout');
    expect(classifyHttpFailure(failure(500, 'oops', 'status')).notCharged).toBeUndefined();
  });

  it('anything else → unknown with status, request id (header wins) and raw detail', () => {
    const e = classifyHttpFailure(failure(418, { detail: 'teapot' }, 'result', { 'x-fal-request-id': 'hdr-id' }));
    expect(e).toMatchObject({ kind: 'unknown', httpStatus: 418, requestId: 'hdr-id', detail: 'teapot' });
    expect(e.message).toMatch(/HTTP 418.*hdr-id.*teapot/);
    const raw = classifyHttpFailure(failure(409, '<html>conflict</html>'));
    expect(raw.detail).toBe('<html>conflict</html>');
  });
});
