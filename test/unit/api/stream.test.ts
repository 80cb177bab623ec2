import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient } from '../../../electron/core/api/client';
import type { QueueClient, QueueStatus } from '../../../electron/core/api/types';
import { FAST_RETRY, sendJson, startFakeServer, urlsFor, type FakeServer, type Handler } from './fake-server';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, idleMs = 5000): Promise<{ client: QueueClient; urls: ReturnType<typeof urlsFor> }> {
  server = await startFakeServer(handler);
  const client = createQueueClient({ provider: 'aggregator', baseUrl: server.origin, getKey: async () => 'k-1234', retry: FAST_RETRY }, { streamIdleTimeoutMs: idleMs });
  return { client, urls: urlsFor(server.origin) };
}

const sse = (res: http.ServerResponse): void => void res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
const event = (body: unknown): string => `data: ${JSON.stringify(body)}\n\n`;

async function collect(it: AsyncIterable<QueueStatus>): Promise<{ seen: QueueStatus[]; error?: unknown }> {
  const seen: QueueStatus[] = [];
  try {
    for await (const s of it) seen.push(s);
    return { seen };
  } catch (error) {
    return { seen, error };
  }
}

describe('stream', () => {
  it('yields each status event, skips pings and named events, and ends after COMPLETED', async () => {
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      res.write(': ping\n\n');
      res.write(event({ status: 'IN_QUEUE', queue_position: 2 }));
      // An event split across chunks must still arrive whole.
      const split = event({ status: 'IN_PROGRESS', logs: [{ message: 'rendering', extra: 1 }] });
      res.write(split.slice(0, 10));
      res.write(split.slice(10));
      res.write('event: metrics\ndata: {"cpu":1}\n\n');
      res.write(': ping\n\n');
      res.write(event({ status: 'COMPLETED', metrics: { inference_time: 3 } }));
      res.write(event({ status: 'IN_PROGRESS' })); // after COMPLETED: must be ignored
    });
    const { seen, error } = await collect(client.stream(urls));
    expect(error).toBeUndefined();
    expect(seen).toEqual([
      { status: 'IN_QUEUE', queuePosition: 2, logs: [] },
      { status: 'IN_PROGRESS', logs: [{ message: 'rendering' }] },
      { status: 'COMPLETED', logs: [], inferenceTime: 3 },
    ]);
    expect(server?.requests[0]).toMatchObject({ method: 'GET', path: '/fal-ai/veo3/requests/req-123/status/stream?logs=1' });
    expect(server?.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(server?.requests[0]?.headers.authorization).toBe('Bearer k-1234');
  });

  it.each([404, 405, 501])('HTTP %i → stream_unsupported (the runner polls instead)', async (code) => {
    const { client, urls } = await setup((_q, res) => sendJson(res, code, { detail: 'nope' }));
    const { error } = await collect(client.stream(urls));
    expect(error).toMatchObject({ kind: 'stream_unsupported', httpStatus: code });
    expect(server?.requests).toHaveLength(1);
  });

  it('a 200 that is not an event stream → stream_unsupported', async () => {
    const { client, urls } = await setup((_q, res) => sendJson(res, 200, { status: 'IN_PROGRESS' }));
    expect((await collect(client.stream(urls))).error).toMatchObject({ kind: 'stream_unsupported' });
  });

  it('a stream that goes silent (no bytes, not even a ping) ends with a transient error', async () => {
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      res.write(event({ status: 'IN_PROGRESS' }));
    }, 150);
    const { seen, error } = await collect(client.stream(urls));
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'transient', requestId: 'req-123' });
    expect((error as Error).message).toMatch(/sent nothing/);
  });

  it('pings keep a slow stream alive past the idle timeout', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      let pings = 0;
      timer = setInterval(() => {
        if (++pings < 12) res.write(': ping\n\n');
        else {
          clearInterval(timer);
          res.end(event({ status: 'COMPLETED' }));
        }
      }, 40);
    }, 300);
    const { seen, error } = await collect(client.stream(urls));
    clearInterval(timer);
    expect(error).toBeUndefined();
    expect(seen).toEqual([{ status: 'COMPLETED', logs: [] }]);
  });

  it('a stream closed before COMPLETED is a transient error; garbage events are reported', async () => {
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      res.end(event({ status: 'IN_QUEUE', queue_position: 0 }));
    });
    const closed = await collect(client.stream(urls));
    expect(closed.seen).toHaveLength(1);
    expect(closed.error).toMatchObject({ kind: 'transient' });

    server?.handle((_q, res) => {
      sse(res);
      res.write('data: {not json\n\n');
    });
    expect((await collect(client.stream(urls))).error).toMatchObject({ kind: 'unknown' });
  });

  it('retries a 503 when opening the stream', async () => {
    let n = 0;
    const { client, urls } = await setup((_q, res) => {
      if (n++ === 0) return sendJson(res, 503, {});
      sse(res);
      res.end(event({ status: 'COMPLETED' }));
    });
    expect((await collect(client.stream(urls))).seen).toHaveLength(1);
    expect(server?.requests).toHaveLength(2);
  });

  it('the caller’s abort ends the stream with the AbortError', async () => {
    const ctl = new AbortController();
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      res.write(event({ status: 'IN_PROGRESS' }));
    });
    const seen: QueueStatus[] = [];
    let error: unknown;
    try {
      for await (const s of client.stream(urls, { signal: ctl.signal })) {
        seen.push(s);
        ctl.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('breaking out of the loop early closes the connection', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((r) => (closed = r));
    const { client, urls } = await setup((_q, res) => {
      sse(res);
      res.on('close', () => closed());
      res.write(event({ status: 'IN_PROGRESS' }));
    });
    for await (const s of client.stream(urls)) {
      expect(s.status).toBe('IN_PROGRESS');
      break;
    }
    await serverSawClose;
  });
});
