// status / result / cancel against a scripted local server.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient } from '../../../electron/core/api/client';
import type { RetryNotice } from '../../../electron/core/api/types';
import { FAST_RETRY, sendJson, startFakeServer, urlsFor, type FakeServer, type Handler } from './fake-server';

let server: FakeServer;
const opened: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function setup(handler: Handler, retry = FAST_RETRY) {
  server = await startFakeServer(handler);
  opened.push(server);
  const slept: number[] = [];
  const client = createQueueClient(
    { provider: 'fal', baseUrl: server.origin, getKey: async () => 'fal-key-5678', retry },
    { sleep: async (ms) => void slept.push(ms) },
  );
  return { client, urls: urlsFor(server.origin), slept };
}
const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('status', () => {
  it('asks for logs and maps IN_QUEUE / IN_PROGRESS (202) and COMPLETED (200)', async () => {
    const bodies: [number, unknown][] = [
      [202, { status: 'IN_QUEUE', queue_position: 3, logs: null, response_url: 'x' }],
      [202, { status: 'IN_PROGRESS', logs: [{ message: 'step 1', timestamp: '2025-01-01T00:00:00Z', labels: {} }, { message: 'step 2', level: 'INFO', source: 'user' }, { nope: 1 }] }],
      [200, { status: 'COMPLETED', logs: [], metrics: { inference_time: 42.5 }, error: 'Internal error', error_type: 'runner_failed' }],
      [200, { status: 'COMPLETED' }],
    ];
    const { client, urls } = await setup((_req, res) => {
      const [code, body] = bodies.shift() ?? [500, {}];
      sendJson(res, code, body);
    });
    expect(await client.status(urls)).toEqual({ status: 'IN_QUEUE', queuePosition: 3, logs: [] });
    expect(await client.status(urls)).toEqual({
      status: 'IN_PROGRESS',
      logs: [{ message: 'step 1', timestamp: '2025-01-01T00:00:00Z' }, { message: 'step 2', level: 'INFO', source: 'user' }],
    });
    expect(await client.status(urls)).toEqual({ status: 'COMPLETED', logs: [], inferenceTime: 42.5, error: 'Internal error', errorType: 'runner_failed' });
    expect(await client.status(urls)).toEqual({ status: 'COMPLETED', logs: [] });
    expect(server.requests.map((r) => r.path)).toEqual(Array(4).fill('/fal-ai/veo3/requests/req-123/status?logs=1'));
    expect(server.requests[0]?.headers.authorization).toBe('Key fal-key-5678');
  });

  it('retries invalid JSON and 500s, then succeeds', async () => {
    const answers: Handler[] = [
      (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops'),
      (_q, res) => sendJson(res, 500, { detail: 'boom' }),
      (_q, res) => sendJson(res, 202, { status: 'IN_PROGRESS', logs: [] }),
    ];
    const { client, urls } = await setup((q, res) => answers.shift()?.(q, res));
    const notices: RetryNotice[] = [];
    expect(await client.status(urls, { onRetry: (n) => notices.push(n) })).toEqual({ status: 'IN_PROGRESS', logs: [] });
    expect(notices.map((n) => [n.reason, n.httpStatus])).toEqual([['transient', 200], ['transient', 500]]);
  });

  it('malformed bodies, once retries run out, become unknown with detail and request id', async () => {
    const { client, urls } = await setup((_q, res) => sendJson(res, 202, { status: 'RUNNING_WILD' }));
    const err = await rejection(client.status(urls));
    expect(err).toMatchObject({ kind: 'unknown', requestId: 'req-123', httpStatus: 202 });
    expect((err as Error & { detail: string }).detail).toMatch(/status/);
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP-date, capped by maxRetryAfterMs', async () => {
    const answers: Handler[] = [
      (_q, res) => sendJson(res, 429, {}, { 'retry-after': '1' }),
      // The date is taken when the answer is sent, so a loaded machine cannot eat into the wait.
      (_q, res) => sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() + 3000).toUTCString() }),
      (_q, res) => sendJson(res, 202, { status: 'IN_QUEUE', queue_position: 0 }),
    ];
    const { client, urls, slept } = await setup((q, res) => answers.shift()?.(q, res), { ...FAST_RETRY, maxAttempts: 5, maxRetryAfterMs: 10_000 });
    await client.status(urls);
    expect(slept[0]).toBe(1000);
    // HTTP-dates have one-second resolution, so the wait lies within a second below the target
    // (and clearly above the 5–20 ms backoff FAST_RETRY would otherwise use).
    expect(slept[1]).toBeGreaterThan(1000);
    expect(slept[1]).toBeLessThanOrEqual(3000);

    const capped = await setup((_q, res) => sendJson(res, 429, {}, { 'retry-after': '3600' }), FAST_RETRY);
    const err = await rejection(capped.client.status(capped.urls));
    expect(err).toMatchObject({ kind: 'rate_limit' });
    expect(capped.slept).toEqual([FAST_RETRY.maxRetryAfterMs, FAST_RETRY.maxRetryAfterMs]);
  });

  it('does not retry a 504 marked as a user timeout', async () => {
    const { client, urls } = await setup((_q, res) => sendJson(res, 504, { detail: 'timeout' }, { 'x-fal-request-timeout-type': 'user' }));
    expect(await rejection(client.status(urls))).toMatchObject({ kind: 'transient', httpStatus: 504 });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a stalled response per request and retries it', async () => {
    let n = 0;
    const { client, urls } = await setup(
      (_q, res) => {
        if (n++ === 0) res.writeHead(202, { 'content-type': 'application/json' }).write('{"status":'); // headers, then silence
        else sendJson(res, 202, { status: 'IN_PROGRESS' });
      },
      // Long enough that the answered retry never misses it on a busy machine (150 ms flaked here).
      { ...FAST_RETRY, requestTimeoutMs: 1000 },
    );
    const notices: RetryNotice[] = [];
    expect(await client.status(urls, { onRetry: (x) => notices.push(x) })).toEqual({ status: 'IN_PROGRESS', logs: [] });
    expect(notices).toHaveLength(1);
  });

  it('leaves no listeners on a long-lived caller signal', async () => {
    const ctl = new AbortController();
    const { client, urls } = await setup((_q, res) => sendJson(res, 202, { status: 'IN_QUEUE', queue_position: 1 }));
    for (let i = 0; i < 5; i++) await client.status(urls, { signal: ctl.signal });
    expect(server.requests).toHaveLength(5);
    expect(getEventListeners(ctl.signal, 'abort')).toHaveLength(0);
  });

  it('a caller abort mid-request rethrows the AbortError without retrying', async () => {
    const ctl = new AbortController();
    const { client, urls } = await setup(() => ctl.abort());
    const err = await rejection(client.status(urls, { signal: ctl.signal }));
    expect(err).toBeInstanceOf(DOMException);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('result', () => {
  it('200 → the video, with the CDN URL left untouched', async () => {
    const video = { url: 'https://v3.fal.media/files/x/out.mp4', content_type: 'video/mp4', file_name: 'out.mp4', file_size: 1234 };
    const { client, urls } = await setup((_q, res) => sendJson(res, 200, { video, metrics: { inference_time: 9 } }));
    expect(await client.result(urls)).toEqual({ url: video.url, contentType: 'video/mp4', fileName: 'out.mp4', fileSize: 1234, inferenceTime: 9 });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/fal-ai/veo3/requests/req-123' });
  });

  it.each([
    [400, { detail: 'Request is still in progress' }, {}, { kind: 'not_ready' }],
    [404, { detail: 'Request not found' }, {}, { kind: 'not_found', requestId: 'req-123' }],
    // A result is asked for a job the provider accepted: paid for, so the advice is to fix the key and Check again.
    [401, { detail: 'no' }, {}, { kind: 'auth', message: 'The API key was rejected while this job was being followed (HTTP 401). This job is still running on the server and paid for — fix the key in Settings, then press "Check again" (CLI: resume) to pick it up. The provider said: “no”' }],
    // 403 is not "the key was rejected": the key authenticated but may not use this endpoint.
    [403, { detail: 'no' }, {}, { kind: 'forbidden' }],
    [422, { detail: [{ loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation' }] }, {}, { kind: 'content_policy', field: 'prompt' }],
    [422, { detail: [{ loc: ['body', 'image_url'], msg: 'Image is too small (min 720p)', type: 'image_too_small' }] }, {}, { kind: 'validation', field: 'image_url', message: 'The service refused the picture: Image is too small (min 720p). Replace the picture, then generate again.' }],
    [422, { detail: 'Invalid duration' }, {}, { kind: 'validation', detail: 'Invalid duration' }],
    // A result 5xx alone does not say whether the video exists: never "not charged" here (the runner decides).
    [503, { detail: 'no runners' }, { 'x-fal-error-type': 'runner_unavailable' }, { kind: 'transient', errorType: 'runner_unavailable' }],
    [429, {}, {}, { kind: 'rate_limit' }],
    [409, { detail: 'odd' }, { 'x-fal-request-id': 'hdr-77' }, { kind: 'unknown', httpStatus: 409, requestId: 'hdr-77', detail: 'odd' }],
  ])('HTTP %i → typed error', async (code, body, headers, expected) => {
    const { client, urls } = await setup((_q, res) => sendJson(res, code, body, headers));
    const err = await rejection(client.result(urls));
    expect(err).toMatchObject(expected);
    expect((err as Error).message).not.toContain('fal-key-5678');
  });

  it('an unusable video URL in a 200 is a malformed reply, not a download target', async () => {
    const { client, urls } = await setup((_q, res) => sendJson(res, 200, { video: { url: 'file:///etc/passwd' } }));
    expect(await rejection(client.result(urls))).toMatchObject({ kind: 'unknown', httpStatus: 200 });
  });
});

describe('cancel', () => {
  it.each([
    [202, { status: 'CANCELLATION_REQUESTED' }, 'requested'],
    [400, { status: 'ALREADY_COMPLETED' }, 'already_completed'],
    [404, { detail: 'not found' }, 'not_found'],
  ] as const)('HTTP %i → %s', async (code, body, expected) => {
    const { client, urls } = await setup((_q, res) => sendJson(res, code, body));
    expect(await client.cancel(urls)).toBe(expected);
    expect(server.requests[0]).toMatchObject({ method: 'PUT', path: '/fal-ai/veo3/requests/req-123/cancel' });
  });

  it('retries a 500 on cancel', async () => {
    let n = 0;
    const { client, urls } = await setup((_q, res) => (n++ === 0 ? sendJson(res, 500, {}) : sendJson(res, 202, { status: 'CANCELLATION_REQUESTED' })));
    expect(await client.cancel(urls)).toBe('requested');
    expect(server.requests).toHaveLength(2);
  });
});
