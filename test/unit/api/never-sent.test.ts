// Failures that happen before a single request byte leaves for the API — an untrusted certificate,
// a proxy that refuses or never answers CONNECT, a proxy scheme we cannot speak — are "never sent":
// a submit was not queued and not charged, and the message names the real cause, not a lost answer
// or an offline network.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient } from '../../../electron/core/api/client';
import { ApiError } from '../../../electron/core/api/errors';
import { createProxyResolver } from '../../../electron/core/api/proxy-config';
import { createProxyFetch } from '../../../electron/core/api/proxy-tunnel';
import type { ModelInput } from '../../../electron/core/api/types';
import { FAST_RETRY } from './fake-server';

const INPUT: ModelInput = { prompt: 'a cat surfing', image_url: 'https://cdn.example/cat.png', duration: '8s' };
const API = 'https://aggregator.test';
let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

const submitWith = (fetchImpl: typeof fetch) =>
  createQueueClient({ provider: 'aggregator', baseUrl: API, getKey: async () => 'sk-secret-1234', retry: FAST_RETRY, fetch: fetchImpl })
    .submit(INPUT)
    .then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e as ApiError,
    );

/** A proxy on loopback that answers CONNECT with `reply` (undefined: never answers). */
async function fakeProxy(reply: string | undefined): Promise<string> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      if (reply !== undefined) socket.end(reply);
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const throughProxy = (proxy: string, connectTimeoutMs = 5000): typeof fetch =>
  createProxyFetch(createProxyResolver({ setting: () => proxy }), () => Promise.reject(new Error('not direct')), { connectTimeoutMs });

function expectNeverSent(err: ApiError, cause: RegExp): void {
  expect(err).toBeInstanceOf(ApiError);
  expect(err.kind, err.message).not.toBe('outcome_unknown');
  expect(err.notCharged).toBe(true);
  expect(err.message).toMatch(/not charged/);
  expect(err.message).not.toMatch(/may or may not|ECONNREFUSED|ETIMEDOUT/);
  expect(err.message).toMatch(cause);
  // Said once, not twice (issue 12 item 4: messages without repeats or doubled punctuation).
  expect(err.message.match(/Nothing was sent/g)?.length ?? 0).toBeLessThanOrEqual(1);
}

describe('failures before anything is sent', () => {
  it('an untrusted (self-signed) certificate', async () => {
    const tlsFailure: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }));
    expectNeverSent(await submitWith(tlsFailure), /certificate.*not trusted|untrusted certificate/i);
  });

  it('a proxy that asks for authentication (407)', async () => {
    const proxy = await fakeProxy('HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n');
    const err = await submitWith(throughProxy(proxy));
    expectNeverSent(err, /proxy .*refused.*HTTP 407/);
    expect(err.message).not.toMatch(/internet connection/);
  });

  it('a proxy that blocks by policy (403)', async () => {
    const proxy = await fakeProxy('HTTP/1.1 403 Blocked by policy\r\ncontent-length: 0\r\n\r\n');
    expectNeverSent(await submitWith(throughProxy(proxy)), /proxy .*refused.*HTTP 403/);
  });

  it('a proxy that never answers CONNECT', async () => {
    const proxy = await fakeProxy(undefined);
    expectNeverSent(await submitWith(throughProxy(proxy, 50)), /proxy .*did not answer/);
  });

  it('a proxy scheme we cannot speak (socks5)', async () => {
    expectNeverSent(await submitWith(throughProxy('socks5://127.0.0.1:1080')), /Only http:\/\/ proxies/);
  });
});
