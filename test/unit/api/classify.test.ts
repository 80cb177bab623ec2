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
    // A gateway's 502 may come after the upstream accepted the job: re-POSTing could bill it twice.
    expect(retryReasonFor('submit', 502, h())).toBeUndefined();
    expect(retryReasonFor('submit', 500, h())).toBeUndefined();
    expect(retryReasonFor('submit', 504, h())).toBeUndefined();
  });
  it('never retries a 504 that fal marks as the caller’s own timeout', () => {
    expect(retryReasonFor('result', 504, h({ 'x-fal-request-timeout-type': 'user' }))).toBeUndefined();
  });
});

describe('classifyHttpFailure', () => {
  it('401 → auth, pointing at Settings, with the server’s words', () => {
    const e = classifyHttpFailure(failure(401, { detail: 'bad key' }));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/key was rejected.*Settings.*bad key/);
  });

  it('403 without a quota signal → forbidden, never blaming the key', () => {
    const e = classifyHttpFailure(failure(403, { error: { message: '该令牌无权使用模型：fal-ai/veo3', type: 'one_api_error' } }, 'submit'));
    expect(e.kind).toBe('forbidden');
    expect(e.notCharged).toBe(true);
    expect(e.message).toMatch(/may not use this model/);
    expect(e.message).toContain('该令牌无权使用模型：fal-ai/veo3');
    expect(e.message).not.toMatch(/rejected|check it/);
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
    expect(e.message).toBe('The service refused the picture: Image is too small (min 720p). Replace the picture, then generate again.');
    expect(e.detail).toContain('image_too_small');
  });

  it('422 with detail as a plain string', () => {
    const e = classifyHttpFailure(failure(422, { detail: 'Unsupported image format' }));
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('The server rejected the input: Unsupported image format. Replace the picture, then generate again.');
    expect(e.detail).toBe('Unsupported image format');
  });

  it('422 string detail about the picture names the picture, so "Replace picture" is offered (creator round, finding 12)', () => {
    const e = classifyHttpFailure(failure(422, { detail: 'Unsupported image format' }));
    expect(e.field).toBe('image_url');
    expect(e.message).toMatch(/Replace the picture/);
    const other = classifyHttpFailure(failure(422, { detail: 'duration must be 8s' }));
    expect(other.field).toBeUndefined();
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

  it('5xx on result → transient, never "not charged" on its own (the video may exist), with the error type from body or header', () => {
    const fromBody = classifyHttpFailure(failure(503, { detail: 'x', error_type: 'runner_scheduling_failure' }));
    expect(fromBody).toMatchObject({ kind: 'transient', errorType: 'runner_scheduling_failure', httpStatus: 503 });
    expect(fromBody.notCharged).toBeUndefined();
    expect(fromBody.message).not.toMatch(/not charged/);
    expect(fromBody.message).toMatch(/Check again/);
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

describe('the aggregator’s own answers', () => {
  const quota = { error: { message: '用户额度不足, 剩余额度: ＄0.000000 (request id: 2025abc)', type: 'new_api_error', code: 'insufficient_user_quota' } };

  it('403 insufficient_user_quota → quota: top up, nothing queued, the provider’s words, no JSON', () => {
    const e = classifyHttpFailure(failure(403, quota, 'submit'));
    expect(e).toMatchObject({ kind: 'quota', httpStatus: 403, notCharged: true, errorType: 'insufficient_user_quota' });
    expect(e.message).toMatch(/top up at your provider.*Nothing was queued and you were not charged/);
    expect(e.message).toContain('用户额度不足, 剩余额度: ＄0.000000');
    expect(e.message).not.toMatch(/[{}]|key was rejected/);
    expect(e.detail).toBe('用户额度不足, 剩余额度: ＄0.000000 (request id: 2025abc)');
  });

  it('a quota is recognised by its words alone, in English or Chinese, and 402 always', () => {
    expect(classifyHttpFailure(failure(403, { message: 'insufficient balance, remaining quota: 0' }, 'submit')).kind).toBe('quota');
    expect(classifyHttpFailure(failure(429, { error: { message: '额度已用尽' } }, 'submit')).kind).toBe('quota');
    expect(classifyHttpFailure(failure(402, '', 'submit')).kind).toBe('quota');
    // fal direct locks an account whose credit ran out, with a 403 in its own {detail} shape.
    const locked = classifyHttpFailure(failure(403, { detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.' }, 'submit'));
    expect(locked.kind).toBe('quota');
    expect(locked.message).toContain('User is locked');
    // one-api answers 401 for a key whose own limit ran out: still not "check your key".
    const tokenOut = classifyHttpFailure(failure(401, { error: { message: '该令牌额度已用尽', type: 'one_api_error' } }, 'submit'));
    expect(tokenOut.kind).toBe('quota');
  });

  it('429 "upstream saturated" → rate_limit (retried), 429 quota → not retried', () => {
    const saturated = { error: { message: '当前分组上游负载已饱和，请稍后再试 (request id: x)', type: 'new_api_error' } };
    expect(retryReasonFor('submit', 429, new Headers(), JSON.stringify(saturated))).toBe('rate_limit');
    expect(retryReasonFor('submit', 429, new Headers(), JSON.stringify(quota))).toBeUndefined();
    const e = classifyHttpFailure(failure(429, saturated, 'submit'));
    expect(e.kind).toBe('rate_limit');
    expect(e.message).toMatch(/upstream is saturated.*当前分组上游负载已饱和/);
  });

  it('503 "no available channel" → unavailable, not retried; a plain 503 stays transient', () => {
    const noChannel = { error: { message: '分组 default 下模型 fal-ai/veo3 无可用渠道（distributor）', type: 'new_api_error', code: 'model_not_found' } };
    expect(retryReasonFor('submit', 503, new Headers(), JSON.stringify(noChannel))).toBeUndefined();
    expect(retryReasonFor('submit', 503, new Headers(), '{"detail":"busy"}')).toBe('transient');
    const e = classifyHttpFailure(failure(503, noChannel, 'submit'));
    expect(e).toMatchObject({ kind: 'unavailable', notCharged: true });
    expect(e.message).toMatch(/cannot serve this model right now.*无可用渠道/);
  });

  it('413 → the picture was too large, with the size that was sent; an HTML page gives only its title', () => {
    const html = '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>';
    const e = classifyHttpFailure({ ...failure(413, html, 'submit'), sentBytes: 12_345_678 });
    expect(e).toMatchObject({ kind: 'validation', field: 'image_url', notCharged: true });
    expect(e.message).toMatch(/picture was too large.*11\.8 MB/);
    expect(e.message).toContain('“413 Request Entity Too Large”');
    expect(e.message).not.toMatch(/<|nginx/);
  });

  it('reads the task relay’s {code, message, data} and a bare {message}', () => {
    const e = classifyHttpFailure(failure(403, { code: 'insufficient_user_quota', message: 'user quota is not enough', data: null }, 'submit'));
    expect(e.kind).toBe('quota');
    expect(e.message).toContain('user quota is not enough');
    const u = classifyHttpFailure(failure(418, { message: 'I am a teapot' }));
    expect(u.message).toMatch(/HTTP 418.*I am a teapot/);
    expect(u.message).not.toContain('{');
  });
});
