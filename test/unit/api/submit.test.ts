import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient } from '../../../electron/core/api/client';
import { ApiError } from '../../../electron/core/api/errors';
import type { ApiConfig, ModelInput, RetryNotice } from '../../../electron/core/api/types';
import { closedPort, FAST_RETRY, receipt, sendJson, startFakeServer, type FakeServer } from './fake-server';

const INPUT: ModelInput = { prompt: 'a cat surfing', image_url: 'https://cdn.example/cat.png', duration: '8s' };
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (baseUrl: string, extra: Partial<ApiConfig> = {}) =>
  createQueueClient({ provider: 'aggregator', baseUrl, getKey: async () => 'sk-secret-1234', retry: FAST_RETRY, ...extra });

const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('submit', () => {
  it('POSTs the input to the model path under the prefix and re-bases the returned URLs', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, receipt('https://queue.fal.run', 'abc')));
    const receiptOut = await clientFor(`${server.origin}/proxy`).submit(INPUT);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/proxy/fal-ai/veo3/image-to-video' });
    expect(JSON.parse(req?.body ?? '')).toEqual(INPUT);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(receiptOut).toEqual({
      requestId: 'abc',
      queuePosition: 0,
      urls: {
        status: `${server.origin}/proxy/fal-ai/veo3/requests/abc/status`,
        response: `${server.origin}/proxy/fal-ai/veo3/requests/abc`,
        cancel: `${server.origin}/proxy/fal-ai/veo3/requests/abc/cancel`,
      },
    });
  });

  it.each([
    ['aggregator', 'k-agg', 'Bearer k-agg'],
    ['fal', 'k-fal', 'Key k-fal'],
    ['simulator', null, 'Bearer simulator'],
  ] as const)('sends the %s auth header', async (provider, key, expected) => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, receipt('https://queue.fal.run')));
    await createQueueClient({ provider, baseUrl: server.origin, getKey: async () => key, retry: FAST_RETRY }).submit(INPUT);
    expect(server.requests[0]?.headers.authorization).toBe(expected);
  });

  it('refuses to send anything without a key for real providers', async () => {
    server = await startFakeServer();
    const err = await rejection(clientFor(server.origin, { getKey: async () => null }).submit(INPUT));
    expect(err).toMatchObject({ kind: 'auth' });
    expect(server.requests).toHaveLength(0);
  });

  it('retries a 429 (honouring Retry-After) and then succeeds', async () => {
    server = await startFakeServer();
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? sendJson(res, 429, { detail: 'slow down' }, { 'retry-after': '0.03' }) : sendJson(res, 200, receipt(server!.origin))));
    const notices: RetryNotice[] = [];
    const out = await clientFor(server.origin).submit(INPUT, { onRetry: (x) => notices.push(x) });
    expect(out.requestId).toBe('req-123');
    expect(server.requests).toHaveLength(2);
    expect(notices).toEqual([{ attempt: 2, maxAttempts: 3, delayMs: 30, reason: 'rate_limit', httpStatus: 429 }]);
  });

  it('gives up on persistent 503 as transient and not charged', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 503, { detail: 'busy', error_type: 'runner_scheduling_failure' }));
    const err = await rejection(clientFor(server.origin).submit(INPUT));
    expect(err).toMatchObject({ kind: 'transient', notCharged: true, httpStatus: 503, errorType: 'runner_scheduling_failure' });
    expect(server.requests).toHaveLength(3);
  });

  it('retries a refused connection (nothing was sent) and reports it after the last attempt', async () => {
    const port = await closedPort();
    const notices: RetryNotice[] = [];
    const err = await rejection(clientFor(`http://127.0.0.1:${port}`).submit(INPUT, { onRetry: (x) => notices.push(x) }));
    expect(err).toMatchObject({ kind: 'transient', notCharged: true });
    expect((err as ApiError).message).toMatch(/refused the connection/);
    expect((err as ApiError).detail).toBe('ECONNREFUSED');
    expect(notices.map((x) => x.attempt)).toEqual([2, 3]);
  });

  it('retries after ECONNREFUSED and succeeds once the server answers', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, receipt(server!.origin)));
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (calls++ === 0) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      return fetch(input, init);
    };
    const out = await clientFor(server.origin, { fetch: flaky }).submit(INPUT);
    expect(out.requestId).toBe('req-123');
    expect(calls).toBe(2);
  });

  it('a socket destroyed after the body arrived → outcome_unknown and exactly one POST', async () => {
    server = await startFakeServer((_req, res) => res.socket?.destroy());
    const err = await rejection(clientFor(server.origin).submit(INPUT));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: 'outcome_unknown' });
    expect((err as ApiError).message).toMatch(/may or may not have been queued and charged/);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a submit that times out is outcome_unknown, not retried', async () => {
    server = await startFakeServer(() => undefined); // never answers; the timeout leaves a loaded machine time to connect and send first
    const client = createQueueClient({ provider: 'aggregator', baseUrl: server.origin, getKey: async () => 'k', retry: { ...FAST_RETRY, requestTimeoutMs: 1500 } });
    const err = await rejection(client.submit(INPUT));
    expect(err).toMatchObject({ kind: 'outcome_unknown' });
    expect(server.requests).toHaveLength(1);
  });

  it('a gateway 504 or an unreadable 200 is outcome_unknown, never re-POSTed', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 504, { detail: 'upstream timeout' }));
    expect(await rejection(clientFor(server.origin).submit(INPUT))).toMatchObject({ kind: 'outcome_unknown', httpStatus: 504 });
    server.handle((_req, res) => sendJson(res, 200, { status: 'IN_QUEUE' }, { 'x-fal-request-id': 'hdr-1' }));
    expect(await rejection(clientFor(server.origin).submit(INPUT))).toMatchObject({ kind: 'outcome_unknown', requestId: 'hdr-1' });
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{not json'));
    expect(await rejection(clientFor(server.origin).submit(INPUT))).toMatchObject({ kind: 'outcome_unknown' });
    expect(server.requests).toHaveLength(3);
  });

  it('a gateway 502 (the red-team p502 scenario: 502, 502, then 200) is outcome_unknown after exactly one POST', async () => {
    server = await startFakeServer();
    let posts = 0;
    server.handle((_req, res) => {
      if (++posts <= 2) return res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
      return sendJson(res, 200, receipt(server!.origin));
    });
    const err = await rejection(clientFor(server.origin).submit(INPUT));
    expect(err).toMatchObject({ kind: 'outcome_unknown', httpStatus: 502 });
    expect((err as ApiError).notCharged).toBeUndefined();
    expect(posts).toBe(1);
  });

  it('a 500 nobody signed is outcome_unknown; fal’s own 500 (error_type) was refused unbilled', async () => {
    server = await startFakeServer((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error'));
    expect(await rejection(clientFor(server.origin).submit(INPUT))).toMatchObject({ kind: 'outcome_unknown', httpStatus: 500 });
    server.handle((_req, res) => sendJson(res, 500, { detail: 'boom', error_type: 'internal_error' }));
    expect(await rejection(clientFor(server.origin).submit(INPUT))).toMatchObject({ kind: 'transient', notCharged: true, httpStatus: 500 });
    expect(server.requests).toHaveLength(2);
  });

  it('a 422 at submit time is a validation error with the field', async () => {
    server = await startFakeServer((_req, res) =>
      sendJson(res, 422, { detail: [{ loc: ['body', 'image_url'], msg: 'Image is too small (min 720p)', type: 'image_too_small' }] }),
    );
    const err = await rejection(clientFor(server.origin).submit(INPUT));
    expect(err).toMatchObject({ kind: 'validation', field: 'image_url', message: 'The service refused the picture: Image is too small (min 720p). Replace the picture, then generate again.' });
    expect(server.requests).toHaveLength(1);
  });

  it('the caller’s abort during a retry wait ends the submit with the AbortError', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 503, {}));
    const ctl = new AbortController();
    const client = createQueueClient({ provider: 'aggregator', baseUrl: server.origin, getKey: async () => 'k', retry: { ...FAST_RETRY, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const err = await rejection(client.submit(INPUT, { signal: ctl.signal, onRetry: () => ctl.abort() }));
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });
});
