// Issue 12 item 4: failures say what happened and what to do, in words — no socket codes, no wire
// field names, no doubled punctuation — and failures no retry can fix are not retried five times.
import { describe, expect, it } from 'vitest';
import { classifyHttpFailure } from '../../../electron/core/api/classify';
import { createQueueClient } from '../../../electron/core/api/client';
import type { ApiError } from '../../../electron/core/api/errors';
import type { RetryNotice } from '../../../electron/core/api/types';
import { FAST_RETRY, startFakeServer, urlsFor } from './fake-server';

const API = 'https://api.example.test';
const coded = (code: string, extra: Record<string, unknown> = {}) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code, ...extra }) });

function clientFailing(err: Error) {
  let calls = 0;
  const notices: RetryNotice[] = [];
  const client = createQueueClient({
    provider: 'aggregator',
    baseUrl: API,
    getKey: async () => 'sk-secret-1234',
    retry: FAST_RETRY,
    fetch: () => {
      calls++;
      return Promise.reject(err);
    },
  });
  const status = () =>
    client.status(urlsFor(API), { onRetry: (n) => notices.push(n) }).then(
      () => expect.unreachable('expected a rejection'),
      (e: unknown) => e as ApiError,
    );
  return { status, calls: () => calls, notices };
}

const NO_RAW = /UND_ERR|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|DEPTH_ZERO|ERR_PROXY|image_url|\.\.(?!\.)|\.\)\./;

describe('network failures in words', () => {
  it('a DNS failure says the name could not be resolved and what to check, with the code kept for details', async () => {
    const { status } = clientFailing(coded('ENOTFOUND', { hostname: 'api.example.test' }));
    const err = await status();
    expect(err.message).toMatch(/name api\.example\.test could not be resolved/);
    expect(err.message).toMatch(/network connection and the API base URL/);
    expect(err.message).not.toMatch(NO_RAW);
    expect(err.detail).toBe('ENOTFOUND');
  });

  it('a broken socket (UND_ERR_SOCKET) is "the connection broke", never the code', async () => {
    const err = await clientFailing(coded('UND_ERR_SOCKET')).status();
    expect(err.message).toMatch(/connection to api\.example\.test broke/);
    expect(err.message).not.toMatch(NO_RAW);
  });

  it('every retry notice of an unreachable server names the host at once', async () => {
    const c = clientFailing(coded('ECONNREFUSED'));
    await c.status();
    expect(c.notices.length).toBe(FAST_RETRY.maxAttempts - 1);
    expect(c.notices[0]).toMatchObject({ reason: 'unreachable', host: 'api.example.test', attempt: 2 });
    expect(c.notices.every((n) => n.attempt <= n.maxAttempts)).toBe(true);
  });

  it('a server that never answers a status poll is named after the short follow deadline, not the minute-long submit one', async () => {
    const server = await startFakeServer(() => undefined); // holds every request open, like a silent network
    try {
      const notices: RetryNotice[] = [];
      const client = createQueueClient({
        provider: 'simulator',
        baseUrl: server.origin,
        getKey: async () => null,
        retry: { ...FAST_RETRY, maxAttempts: 2, requestTimeoutMs: 600_000, followTimeoutMs: 50 },
      });
      const err = (await client.status(urlsFor(server.origin), { onRetry: (n) => notices.push(n) }).catch((e: unknown) => e)) as ApiError;
      const host = new URL(server.origin).host;
      expect(notices).toEqual([expect.objectContaining({ reason: 'unreachable', host })]);
      expect(err.message).toMatch(new RegExp(`${host.replace('.', '\\.')} did not answer within 50 ms; gave up after 2 attempts`));
    } finally {
      await server.close();
    }
  }, 10_000);

  it('an untrusted certificate is not retried: the same certificate fails the same way', async () => {
    const c = clientFailing(coded('DEPTH_ZERO_SELF_SIGNED_CERT'));
    const err = await c.status();
    expect(c.calls()).toBe(1);
    expect(c.notices).toEqual([]);
    expect(err.message).toMatch(/certificate of api\.example\.test is not trusted/);
    expect(err.message).not.toMatch(/gave up after|attempt/);
    expect(err.message).not.toMatch(NO_RAW);
  });

  it('a proxy that wants credentials (407) is not retried; one that timed out is', async () => {
    const refused = Object.assign(new Error('the proxy p:8080 refused to connect to api.example.test:443 (HTTP 407)'), { code: 'ERR_PROXY_REFUSED', statusCode: 407 });
    const c = clientFailing(new TypeError('fetch failed', { cause: refused }));
    await c.status();
    expect(c.calls()).toBe(1);
    const slow = clientFailing(new TypeError('fetch failed', { cause: Object.assign(new Error('the proxy p:8080 did not answer'), { code: 'ERR_PROXY_TIMEOUT' }) }));
    await slow.status();
    expect(slow.calls()).toBe(FAST_RETRY.maxAttempts);
  });

  it('a cancel that cannot reach the server says the job may still finish and be charged', async () => {
    const client = createQueueClient({ provider: 'aggregator', baseUrl: API, getKey: async () => 'k-1234', retry: FAST_RETRY, fetch: () => Promise.reject(coded('ECONNREFUSED')) });
    const err = (await client.cancel(urlsFor(API)).catch((e: unknown) => e)) as ApiError;
    expect(err.message).toMatch(/cancel did not reach the server/);
    expect(err.message).toMatch(/may still finish there and be charged/);
    expect(err.message).toMatch(/press Cancel again/);
  });
});

describe('refusals of the input in words', () => {
  const failure = (body: unknown) => ({ op: 'submit' as const, status: 422, headers: new Headers(), bodyText: JSON.stringify(body), attempts: 1 });

  it('a picture that is too small names the picture, not image_url, and says to replace it', () => {
    const e = classifyHttpFailure(failure({ detail: [{ loc: ['body', 'image_url'], msg: 'Image is too small (min 720p).', type: 'image_too_small' }] }));
    expect(e).toMatchObject({ kind: 'validation', field: 'image_url' });
    expect(e.message).toBe('The service refused the picture: Image is too small (min 720p). Replace the picture, then generate again.');
  });

  it('a content-policy refusal ending in a full stop does not double it, and says what to change', () => {
    const e = classifyHttpFailure(failure({ detail: [{ loc: ['body', 'prompt'], msg: 'Prompt flagged.', type: 'content_policy_violation' }] }));
    expect(e.message).toBe('The safety filter refused the prompt (Prompt flagged). Reword the prompt, then generate again.');
    expect(e.message).not.toMatch(NO_RAW);
  });
});

describe('an unreadable reply', () => {
  it('keeps what did not parse for "Show details" and says what to check instead', async () => {
    const { malformedReply } = await import('../../../electron/core/api/classify');
    const e = malformedReply('status', 200, 'req-1', 'status_url: Required; not JSON: <html>');
    expect(e.message).not.toMatch(/status_url|Required|<html>/);
    expect(e.message).toMatch(/Check the API base URL/);
    expect(e.detail).toBe('status_url: Required; not JSON: <html>');
  });
});
