// The key goes to the configured origin and nowhere else: not to queue URLs naming another host, not
// to the video CDN, not along redirects.
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient } from '../../../electron/core/api/client';
import { ApiError } from '../../../electron/core/api/errors';
import { FAST_RETRY, receipt, sendJson, startFakeServer, urlsFor, type FakeServer } from './fake-server';

const KEY = 'sk-live-TOPSECRET-9999';
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(...args: Parameters<typeof startFakeServer>) {
  const s = await startFakeServer(...args);
  servers.push(s);
  return s;
}
const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('the key never leaves the configured origin', () => {
  it('queue URLs naming a honeypot are re-based; the honeypot sees nothing, the CDN URL is untouched', async () => {
    const honeypot = await server((_q, res) => sendJson(res, 200, {}));
    const api = await server();
    api.handle((req, res) => {
      if (req.method === 'POST') return sendJson(res, 200, receipt(honeypot.origin, 'abc'));
      if (req.path.endsWith('/status?logs=1')) return sendJson(res, 200, { status: 'COMPLETED', logs: [] });
      if (req.path.endsWith('/cancel')) return sendJson(res, 400, { status: 'ALREADY_COMPLETED' });
      return sendJson(res, 200, { video: { url: `${honeypot.origin}/files/out.mp4` } });
    });
    const client = createQueueClient({ provider: 'aggregator', baseUrl: api.origin, getKey: async () => KEY, retry: FAST_RETRY });

    const { urls } = await client.submit({ prompt: 'p', image_url: 'https://cdn.example/i.png' });
    expect(Object.values(urls).every((u) => u.startsWith(`${api.origin}/`))).toBe(true);
    await client.status(urls);
    const video = await client.result(urls);
    await client.cancel(urls);

    expect(video.url).toBe(`${honeypot.origin}/files/out.mp4`);
    expect(honeypot.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(4);
    expect(api.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('URLs from a record that point elsewhere are refused loudly, before the key is even read', async () => {
    const honeypot = await server();
    const api = await server();
    let keyReads = 0;
    const client = createQueueClient({ provider: 'aggregator', baseUrl: api.origin, getKey: async () => (keyReads++, KEY), retry: FAST_RETRY });
    const foreign = urlsFor(honeypot.origin);
    for (const call of [client.status(foreign), client.result(foreign), client.cancel(foreign)]) {
      const err = await rejection(call);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).message).toMatch(/Refused to send the API key/);
    }
    await expect(rejection(client.stream(foreign)[Symbol.asyncIterator]().next())).resolves.toMatchObject({ message: expect.stringMatching(/Refused/) });
    expect(keyReads).toBe(0);
    expect(honeypot.requests).toHaveLength(0);
  });

  it('a client built on a base it was handed (a record\'s) gets no key there: only keyOrigins count, read per request', async () => {
    const foreign = await server((_q, res) => sendJson(res, 202, { status: 'IN_QUEUE', queue_position: 1 }));
    const api = await server((_q, res) => sendJson(res, 202, { status: 'IN_QUEUE', queue_position: 1 }));
    let configured = api.origin;
    let keyReads = 0;
    const client = createQueueClient({ provider: 'aggregator', baseUrl: foreign.origin, keyOrigins: () => [configured], getKey: async () => (keyReads++, KEY), retry: FAST_RETRY });
    const err = await rejection(client.submit({ prompt: 'p', image_url: 'https://cdn.example/i.png' }));
    expect(err).toMatchObject({ kind: 'validation', field: 'apiBase' });
    await expect(rejection(client.status(urlsFor(foreign.origin)))).resolves.toMatchObject({ message: expect.stringMatching(/Refused to send the API key/) });
    expect(foreign.requests).toHaveLength(0);
    expect(keyReads).toBe(0);

    configured = foreign.origin; // the user points Settings at it: from the next request on, it may have the key
    await client.status(urlsFor(foreign.origin));
    expect(foreign.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('redirects are not followed, so the key cannot ride along to another host', async () => {
    const honeypot = await server((_q, res) => sendJson(res, 200, { status: 'COMPLETED' }));
    const api = await server((_q, res) => res.writeHead(307, { location: `${honeypot.origin}/steal` }).end());
    const client = createQueueClient({ provider: 'aggregator', baseUrl: api.origin, getKey: async () => KEY, retry: FAST_RETRY });
    const err = await rejection(client.status(urlsFor(api.origin)));
    expect(err).toMatchObject({ kind: 'unknown', httpStatus: 307 });
    expect((err as ApiError).message).toMatch(/redirect/);
    expect(honeypot.requests).toHaveLength(0);
  });

  it('a server echoing the key back does not get it into an error message or detail', async () => {
    const api = await server((req, res) => sendJson(res, 418, { detail: `you sent ${req.headers.authorization ?? ''}` }));
    const client = createQueueClient({ provider: 'aggregator', baseUrl: api.origin, getKey: async () => KEY, retry: FAST_RETRY });
    const err = (await rejection(client.result(urlsFor(api.origin)))) as ApiError;
    expect(err.kind).toBe('unknown');
    expect(err.detail).toContain('[redacted]');
    expect(JSON.stringify(err.toJobError())).not.toContain(KEY);
    expect(err.message).not.toContain(KEY);
  });
});
