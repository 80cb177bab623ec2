// Raw-HTTP checks of the simulator against protocol.md: every endpoint, every scenario, the CDN.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_TIMING, SAMPLE_CLIP_PATH, startSimulator, type Simulator, type SimJobView } from '../../electron/core/simulator';

const AUTH = { authorization: 'Bearer test-key' };
const INPUT = { prompt: 'a cat surfing', image_url: 'https://example.com/cat.png' };
type Json = Record<string, unknown>;

let sim: Simulator;
let sample: Buffer;

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 10, downloadBytesPerSecond: 100_000 });
  sample = await readFile(SAMPLE_CLIP_PATH);
});
afterAll(() => sim.close());

const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${sim.baseUrl}${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
const jobPath = (id: string, suffix = ''): string => `/fal-ai/veo3/requests/${id}${suffix}`;
const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  api('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

async function submit(scenario?: string): Promise<{ id: string; receipt: Json }> {
  const res = await post({ ...INPUT, prompt: scenario ? `${INPUT.prompt} [sim:${scenario}]` : INPUT.prompt });
  expect(res.status).toBe(200);
  const receipt = (await res.json()) as Json;
  return { id: String(receipt.request_id), receipt };
}
async function getJson(path: string, init?: RequestInit): Promise<{ code: number; body: Json; res: Response }> {
  const res = await api(path, init);
  return { code: res.status, body: (await res.json()) as Json, res };
}
function completed(id: string): Promise<SimJobView> {
  return new Promise((resolve) => {
    const finish = (job: SimJobView): void => {
      off();
      resolve(job);
    };
    const off = sim.on('completed', (job) => {
      if (job.requestId === id) finish(job);
    });
    const now = sim.job(id);
    if (now?.state === 'COMPLETED') finish(now);
  });
}
async function videoUrl(id: string): Promise<string> {
  await completed(id);
  const { body } = await getJson(jobPath(id));
  return String((body.video as Json).url);
}
const bytesOf = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());

describe('submit', () => {
  it('answers the seed receipt with queue.fal.run URLs and counts the job', async () => {
    const before = sim.submitCount();
    const res = await post(INPUT);
    const receipt = (await res.json()) as Json;
    const id = String(receipt.request_id);
    expect(res.headers.get('x-fal-request-id')).toBe(id);
    expect(receipt).toEqual({
      status: 'IN_QUEUE',
      request_id: id,
      response_url: `https://queue.fal.run/fal-ai/veo3/requests/${id}`,
      status_url: `https://queue.fal.run/fal-ai/veo3/requests/${id}/status`,
      cancel_url: `https://queue.fal.run/fal-ai/veo3/requests/${id}/cancel`,
      logs: null,
      metrics: {},
      queue_position: 2,
    });
    expect(sim.submitCount()).toBe(before + 1);
    expect(sim.job(id)).toMatchObject({ scenario: 'happy', state: 'IN_QUEUE', cancelRequested: false });
  });

  it('requires Authorization (Bearer or Key, non-empty) on every endpoint', async () => {
    const { id } = await submit();
    const noAuth = await fetch(`${sim.baseUrl}${jobPath(id, '/status')}`);
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('x-fal-request-id')).toBe(id);
    expect(typeof ((await noAuth.json()) as Json).detail).toBe('string');
    const empty = await post(INPUT, { authorization: 'Bearer ' });
    expect(empty.status).toBe(401);
    expect((await api(jobPath(id, '/status'), { headers: { authorization: 'Key abc' } })).status).toBe(202);
  });

  it('rejects structurally bad input with a 422 detail list and creates nothing', async () => {
    const before = sim.submitCount();
    const missing = await getJson('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify({ prompt: 'x', aspect_ratio: '4:3', duration: 8 }) });
    expect(missing.code).toBe(422);
    const detail = missing.body.detail as Json[];
    expect(detail).toEqual(expect.arrayContaining([
      expect.objectContaining({ loc: ['body', 'image_url'], type: 'missing' }),
      expect.objectContaining({ loc: ['body', 'aspect_ratio'], type: 'literal_error', input: '4:3' }),
      expect.objectContaining({ loc: ['body', 'duration'], type: 'literal_error' }),
    ]));
    const notJson = await getJson('/fal-ai/veo3/image-to-video', { method: 'POST', body: '{"prompt":' });
    expect(notJson.code).toBe(422);
    expect((notJson.body.detail as Json[])[0]).toMatchObject({ type: 'json_invalid' });
    const unknownScenario = await post({ ...INPUT, prompt: 'x [sim:nope]' });
    expect(unknownScenario.status).toBe(422);
    expect(sim.submitCount()).toBe(before);
  });

  it('picks the scenario from the x-sim-scenario header too', async () => {
    const res = await post(INPUT, { 'x-sim-scenario': 'long_queue' });
    const receipt = (await res.json()) as Json;
    expect(receipt.queue_position).toBe(8);
    expect(sim.job(String(receipt.request_id))?.scenario).toBe('long_queue');
  });
});

describe('status', () => {
  it('counts queue_position down with 202, then IN_PROGRESS, then 200 COMPLETED with inference_time', async () => {
    // Its own simulator with 150 ms queue steps: a poll every few ms sees every position even on a
    // loaded machine, so the test checks the countdown rather than the scheduler.
    const slow = await startSimulator({ timing: { ...FAST_TEST_TIMING, queueStepMs: 150 } });
    const api = (path: string) => fetch(`${slow.baseUrl}${path}`, { headers: { authorization: 'Bearer test' } });
    const submitted = await fetch(`${slow.baseUrl}/fal-ai/veo3/image-to-video`, {
      method: 'POST',
      headers: { authorization: 'Bearer test', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'countdown [sim:long_queue]', image_url: 'https://example.com/a.png' }),
    });
    const id = String(((await submitted.json()) as Json).request_id);
    const getJson = async (path: string) => {
      const res = await api(path);
      return { code: res.status, body: (await res.json()) as Json };
    };
    try {
      const positions: number[] = [];
      const states: string[] = [];
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        const { code, body } = await getJson(jobPath(id, '/status'));
        expect(code).toBe(body.status === 'COMPLETED' ? 200 : 202);
        states.push(String(body.status));
        if (body.status === 'IN_QUEUE') positions.push(Number(body.queue_position));
        else expect(body).not.toHaveProperty('queue_position');
        if (body.status === 'COMPLETED') {
          expect((body.metrics as Json).inference_time).toBeGreaterThan(0);
          expect(body.logs).toBeNull(); // no logs=1
          break;
        }
      }
      expect(positions[0]).toBeLessThanOrEqual(8);
      expect(new Set(positions).size).toBeGreaterThanOrEqual(4);
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      expect(positions.at(-1)).toBe(0);
      expect(states).toContain('IN_PROGRESS');
      expect(states.at(-1)).toBe('COMPLETED');
    } finally {
      await slow.close();
    }
  });

  it('carries logs only with logs=1, in mixed shapes', async () => {
    const { id } = await submit();
    await completed(id);
    const withLogs = await getJson(jobPath(id, '/status?logs=1'));
    const logs = withLogs.body.logs as Json[];
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(logs.every((l) => typeof l.message === 'string' && typeof l.timestamp === 'string')).toBe(true);
    expect(logs.some((l) => l.level === undefined && l.source === undefined)).toBe(true);
    expect(logs.some((l) => typeof l.level === 'string' && typeof l.source === 'string')).toBe(true);
    expect(logs.some((l) => l.labels !== undefined)).toBe(true);
    expect((await getJson(jobPath(id, '/status?logs=0'))).body.logs).toBeNull();
  });

  it('answers 404 for an unknown id on status, result and cancel', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [suffix, method] of [['/status', 'GET'], ['', 'GET'], ['/cancel', 'PUT']] as const) {
      const res = await api(jobPath(id, suffix), { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-fal-request-id')).toBe(id);
    }
  });
});

describe('status stream', () => {
  it('sends data events on every change, pings, and closes after COMPLETED', async () => {
    const { id } = await submit();
    const text = await (await api(jobPath(id, '/status/stream?logs=1'))).text(); // ends only if the server closes
    const blocks = text.split('\n\n').filter(Boolean);
    const events = blocks.filter((b) => b.startsWith('data: ')).map((b) => JSON.parse(b.slice(6)) as Json);
    expect(blocks.some((b) => b === ': ping')).toBe(true);
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['IN_QUEUE', 'IN_PROGRESS']));
    expect(events.at(-1)?.status).toBe('COMPLETED');
    expect(events.filter((e) => e.status === 'IN_QUEUE').map((e) => e.queue_position)).toEqual([2, 1, 0]);
    // Each event carries only new lines: together they are the full log the poll returns.
    const streamed = events.flatMap((e) => (Array.isArray(e.logs) ? (e.logs as Json[]) : [])).map((l) => l.message);
    const polled = ((await getJson(jobPath(id, '/status?logs=1'))).body.logs as Json[]).map((l) => l.message);
    expect(streamed).toEqual(polled);
  });

  it('answers 404 for no_stream and when streamSupported is false', async () => {
    const { id } = await submit('no_stream');
    expect((await api(jobPath(id, '/status/stream'))).status).toBe(404);
    const noSse = await startSimulator({ timing: FAST_TEST_TIMING, streamSupported: false });
    try {
      const created = (await (await fetch(`${noSse.baseUrl}/fal-ai/veo3/image-to-video`, { method: 'POST', headers: AUTH, body: JSON.stringify(INPUT) })).json()) as Json;
      const res = await fetch(`${noSse.baseUrl}${jobPath(String(created.request_id), '/status/stream')}`, { headers: AUTH });
      expect(res.status).toBe(404);
    } finally {
      await noSse.close();
    }
  });
});

describe('result and cancel', () => {
  it('answers 400 before completion, then the video', async () => {
    const { id } = await submit();
    const early = await getJson(jobPath(id));
    expect(early.code).toBe(400);
    await completed(id);
    const { code, body, res } = await getJson(jobPath(id));
    expect(code).toBe(200);
    expect(res.headers.get('x-fal-request-id')).toBe(id);
    const video = body.video as Json;
    expect(video).toMatchObject({ content_type: 'video/mp4', file_size: sample.length });
    expect(String(video.url).startsWith(`${sim.cdnUrl}/`)).toBe(true);
    expect(String(video.url).endsWith(`/${String(video.file_name)}`)).toBe(true);
  });

  it('cancels a queued job: 202, then COMPLETED with request_cancelled, 422 result, 400 on a second cancel', async () => {
    const { id } = await submit('long_queue');
    const cancel = await getJson(jobPath(id, '/cancel'), { method: 'PUT' });
    expect(cancel).toMatchObject({ code: 202, body: { status: 'CANCELLATION_REQUESTED' } });
    const view = await completed(id);
    expect(view).toMatchObject({ outcome: 'cancelled', cancelRequested: true });
    const statusNow = await getJson(jobPath(id, '/status'));
    expect(statusNow.body).toMatchObject({ status: 'COMPLETED', error_type: 'request_cancelled' });
    const result = await getJson(jobPath(id));
    expect(result.code).toBe(422);
    expect((result.body.detail as Json[])[0]).toMatchObject({ type: 'request_cancelled' });
    expect(await getJson(jobPath(id, '/cancel'), { method: 'PUT' })).toMatchObject({ code: 400, body: { status: 'ALREADY_COMPLETED' } });
  });

  it('cancel_race: 202 but the job finishes with its video', async () => {
    const { id } = await submit('cancel_race');
    expect((await api(jobPath(id, '/cancel'), { method: 'PUT' })).status).toBe(202);
    expect(await completed(id)).toMatchObject({ outcome: 'video', cancelRequested: true });
    const statusNow = await getJson(jobPath(id, '/status'));
    expect(statusNow.body).not.toHaveProperty('error');
    expect((await getJson(jobPath(id))).code).toBe(200);
  });
});

describe('model failures', () => {
  it('content_policy: status error + 422 on the prompt, not retryable', async () => {
    const { id } = await submit('content_policy');
    await completed(id);
    expect((await getJson(jobPath(id, '/status'))).body).toMatchObject({ status: 'COMPLETED', error_type: 'content_policy_violation' });
    const { code, body, res } = await getJson(jobPath(id));
    expect(code).toBe(422);
    expect(res.headers.get('x-fal-retryable')).toBe('false');
    expect((body.detail as Json[])[0]).toMatchObject({ loc: ['body', 'prompt'], type: 'content_policy_violation' });
    expect(sim.job(id)?.outcome).toBe('error');
  });

  it('image_too_small: 422 on image_url with minimum dimensions', async () => {
    const { id } = await submit('image_too_small');
    await completed(id);
    const { code, body } = await getJson(jobPath(id));
    expect(code).toBe(422);
    expect((body.detail as Json[])[0]).toMatchObject({ loc: ['body', 'image_url'], type: 'image_too_small', ctx: { min_width: 1280, min_height: 720 } });
  });

  it('validation_string: 422 with detail as a plain string', async () => {
    const { id } = await submit('validation_string');
    await completed(id);
    const { code, body } = await getJson(jobPath(id));
    expect(code).toBe(422);
    expect(typeof body.detail).toBe('string');
  });

  it('server_error_final: 500 internal_error on every result call', async () => {
    const { id } = await submit('server_error_final');
    await completed(id);
    for (let i = 0; i < 2; i++) {
      const { code, body, res } = await getJson(jobPath(id));
      expect(code).toBe(500);
      expect(body).toMatchObject({ error_type: 'internal_error' });
      expect(res.headers.get('x-fal-error-type')).toBe('internal_error');
    }
  });
});

describe('transport faults', () => {
  it('rate_limit: two 429 submits with Retry-After, then a job whose first status is 429', async () => {
    const before = sim.submitCount();
    const body = { ...INPUT, prompt: 'x [sim:rate_limit]' };
    for (let i = 0; i < 2; i++) {
      const res = await post(body);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
    }
    expect(sim.submitCount()).toBe(before);
    const { id } = await submit('rate_limit');
    const first = await api(jobPath(id, '/status'));
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await api(jobPath(id, '/status'))).status).toBe(202);
    expect((await post(body)).status).toBe(429); // the next job starts over
  });

  it('server_errors: 500/502/503/504 on status with error types, one 503 on result, then success', async () => {
    const { id } = await submit('server_errors');
    for (const expected of [500, 502, 503, 504]) {
      const { code, body, res } = await getJson(jobPath(id, '/status'));
      expect(code).toBe(expected);
      expect(typeof body.detail).toBe('string');
      expect(res.headers.get('x-fal-error-type')).toBe(body.error_type);
    }
    expect([200, 202]).toContain((await api(jobPath(id, '/status'))).status);
    await completed(id);
    const first = await getJson(jobPath(id));
    expect(first).toMatchObject({ code: 503, body: { error_type: 'runner_scheduling_failure' } });
    expect((await api(jobPath(id))).status).toBe(200);
  });

  it('connection_reset: the first two status calls lose their socket', async () => {
    const { id } = await submit('connection_reset');
    await expect(api(jobPath(id, '/status'))).rejects.toThrow();
    await expect(api(jobPath(id, '/status'))).rejects.toThrow();
    expect((await api(jobPath(id, '/status'))).status).toBe(202);
    const logged = sim.requests.filter((r) => r.requestId === id && r.path.endsWith('/status'));
    expect(logged.map((r) => r.status)).toEqual([0, 0, 202]);
  });

  it('submit_reset: the socket dies after the job was created', async () => {
    const before = sim.submitCount();
    await expect(post({ ...INPUT, prompt: 'x [sim:submit_reset]' })).rejects.toThrow();
    expect(sim.submitCount()).toBe(before + 1);
    expect(sim.jobs().filter((j) => j.scenario === 'submit_reset')).toHaveLength(1);
  });

  it('invalid_json: one status answer is truncated JSON', async () => {
    const { id } = await submit('invalid_json');
    const res = await api(jobPath(id, '/status'));
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect((await getJson(jobPath(id, '/status'))).body.request_id).toBe(id);
  });

  it('stall: one status call sends headers and never a body', async () => {
    const { id } = await submit('stall');
    const stalled = await fetch(`${sim.baseUrl}${jobPath(id, '/status')}`, { headers: AUTH, signal: AbortSignal.timeout(300) });
    expect(stalled.status).toBe(202);
    await expect(stalled.text()).rejects.toThrow();
    expect((await getJson(jobPath(id, '/status'))).body.request_id).toBe(id);
  });
});

describe('CDN', () => {
  it('serves the clip without auth: HEAD, full GET, Range 206, suffix range, 416', async () => {
    const { id } = await submit();
    const url = await videoUrl(id);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('video/mp4');
    expect(Number(head.headers.get('content-length'))).toBe(sample.length);
    expect((await bytesOf(await fetch(url))).equals(sample)).toBe(true);
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${sample.length}`);
    expect((await bytesOf(part)).equals(sample.subarray(100, 200))).toBe(true);
    expect((await bytesOf(await fetch(url, { headers: { range: 'bytes=-10' } }))).equals(sample.subarray(-10))).toBe(true);
    const beyond = await fetch(url, { headers: { range: `bytes=${sample.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${sample.length}`);
    const cdnLog = sim.requests.filter((r) => r.server === 'cdn' && r.requestId === id);
    expect(cdnLog.length).toBe(5);
    expect(cdnLog.every((r) => r.authorization === undefined)).toBe(true);
    expect((await fetch(`${sim.cdnUrl}/files/nope/x.mp4`)).status).toBe(404);
  });

  it('truncated_download: full Content-Length, about half the bytes, then a Range resume works', async () => {
    const url = await videoUrl((await submit('truncated_download')).id);
    const res = await fetch(url);
    expect(Number(res.headers.get('content-length'))).toBe(sample.length);
    const received: Buffer[] = [];
    const reader = res.body!.getReader();
    await expect((async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received.push(Buffer.from(value));
      }
    })()).rejects.toThrow();
    const head = Buffer.concat(received);
    expect(head.length).toBeGreaterThan(0);
    expect(head.length).toBeLessThan(sample.length);
    const rest = await fetch(url, { headers: { range: `bytes=${head.length}-` } });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([head, await bytesOf(rest)]).equals(sample)).toBe(true);
  });

  it('expired_url: 403', async () => {
    const url = await videoUrl((await submit('expired_url')).id);
    expect((await fetch(url)).status).toBe(403);
  });

  it('slow_download: throttled to downloadBytesPerSecond', async () => {
    const url = await videoUrl((await submit('slow_download')).id);
    const started = Date.now();
    const body = await bytesOf(await fetch(url));
    expect(body.equals(sample)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual((sample.length / 100_000) * 1000 * 0.8);
  });

  it('serves N deterministic generated bytes when video.sizeBytes is set, and close() cuts open sockets', async () => {
    const big = await startSimulator({ timing: FAST_TEST_TIMING, video: { sizeBytes: 300_000 }, pingIntervalMs: 10 });
    const req = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${big.baseUrl}${path}`, { ...init, headers: AUTH });
    const created = (await (await req('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify(INPUT) })).json()) as Json;
    const id = String(created.request_id);
    const done = new Promise((resolve) => big.on('completed', resolve));
    await done;
    const video = ((await (await req(jobPath(id))).json()) as Json).video as Json;
    expect(video.file_size).toBe(300_000);
    const full = await bytesOf(await fetch(String(video.url)));
    expect(full.length).toBe(300_000);
    expect(full.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const tail = await bytesOf(await fetch(String(video.url), { headers: { range: 'bytes=299990-' } }));
    expect(tail.equals(full.subarray(299_990))).toBe(true);

    const stalledJob = (await (await req('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify({ ...INPUT, prompt: '[sim:stall]' }) })).json()) as Json;
    const stalled = await req(jobPath(String(stalledJob.request_id), '/status'));
    const body = stalled.text();
    await big.close();
    await expect(body).rejects.toThrow();
  });
});
