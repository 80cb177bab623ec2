// Raw-HTTP checks of the simulator against protocol.md: the model-failure and transport-fault
// scenarios, and the CDN that serves the clip.
import { describe, expect, it } from 'vitest';
import { FAST_TEST_TIMING, startSimulator } from '../../electron/core/simulator';
import { bytesOf, jobPath, SIM_AUTH, SIM_INPUT, simJobCompleted, useSimulator, type Json } from '../support/sim-http';

const h = useSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 10, downloadBytesPerSecond: 100_000 });

describe('model failures', () => {
  it('content_policy: status error + 422 on the prompt, not retryable', async () => {
    const { id } = await h.submit('content_policy');
    await h.completed(id);
    expect((await h.getJson(jobPath(id, '/status'))).body).toMatchObject({ status: 'COMPLETED', error_type: 'content_policy_violation' });
    const { code, body, res } = await h.getJson(jobPath(id));
    expect(code).toBe(422);
    expect(res.headers.get('x-fal-retryable')).toBe('false');
    expect((body.detail as Json[])[0]).toMatchObject({ loc: ['body', 'prompt'], type: 'content_policy_violation' });
    expect(h.sim.job(id)?.outcome).toBe('error');
  });

  it('image_too_small: 422 on image_url with minimum dimensions', async () => {
    const { id } = await h.submit('image_too_small');
    await h.completed(id);
    const { code, body } = await h.getJson(jobPath(id));
    expect(code).toBe(422);
    expect((body.detail as Json[])[0]).toMatchObject({ loc: ['body', 'image_url'], type: 'image_too_small', ctx: { min_width: 1280, min_height: 720 } });
  });

  it('validation_string: 422 with detail as a plain string', async () => {
    const { id } = await h.submit('validation_string');
    await h.completed(id);
    const { code, body } = await h.getJson(jobPath(id));
    expect(code).toBe(422);
    expect(typeof body.detail).toBe('string');
  });

  it('server_error_final: 500 internal_error on every result call', async () => {
    const { id } = await h.submit('server_error_final');
    await h.completed(id);
    for (let i = 0; i < 2; i++) {
      const { code, body, res } = await h.getJson(jobPath(id));
      expect(code).toBe(500);
      expect(body).toMatchObject({ error_type: 'internal_error' });
      expect(res.headers.get('x-fal-error-type')).toBe('internal_error');
    }
  });
});

describe('transport faults', () => {
  it('rate_limit: two 429 submits with Retry-After, then a job whose first status is 429', async () => {
    const before = h.sim.submitCount();
    const body = { ...SIM_INPUT, prompt: 'x [sim:rate_limit]' };
    for (let i = 0; i < 2; i++) {
      const res = await h.post(body);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
    }
    expect(h.sim.submitCount()).toBe(before);
    const { id } = await h.submit('rate_limit');
    const first = await h.api(jobPath(id, '/status'));
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await h.api(jobPath(id, '/status'))).status).toBe(202);
    expect((await h.post(body)).status).toBe(429); // the next job starts over
  });

  it('server_errors: 500/502/503/504 on status with error types, one 503 on result, then success', async () => {
    const { id } = await h.submit('server_errors');
    for (const expected of [500, 502, 503, 504]) {
      const { code, body, res } = await h.getJson(jobPath(id, '/status'));
      expect(code).toBe(expected);
      expect(typeof body.detail).toBe('string');
      expect(res.headers.get('x-fal-error-type')).toBe(body.error_type);
    }
    expect([200, 202]).toContain((await h.api(jobPath(id, '/status'))).status);
    await h.completed(id);
    const first = await h.getJson(jobPath(id));
    expect(first).toMatchObject({ code: 503, body: { error_type: 'runner_scheduling_failure' } });
    expect((await h.api(jobPath(id))).status).toBe(200);
  });

  it('connection_reset: the first two status calls lose their socket', async () => {
    const { id } = await h.submit('connection_reset');
    await expect(h.api(jobPath(id, '/status'))).rejects.toThrow();
    await expect(h.api(jobPath(id, '/status'))).rejects.toThrow();
    expect((await h.api(jobPath(id, '/status'))).status).toBe(202);
    const logged = h.sim.requests.filter((r) => r.requestId === id && r.path.endsWith('/status'));
    expect(logged.map((r) => r.status)).toEqual([0, 0, 202]);
  });

  it('submit_reset: the socket dies after the job was created', async () => {
    const before = h.sim.submitCount();
    await expect(h.post({ ...SIM_INPUT, prompt: 'x [sim:submit_reset]' })).rejects.toThrow();
    expect(h.sim.submitCount()).toBe(before + 1);
    expect(h.sim.jobs().filter((j) => j.scenario === 'submit_reset')).toHaveLength(1);
  });

  it('invalid_json: one status answer is truncated JSON', async () => {
    const { id } = await h.submit('invalid_json');
    const res = await h.api(jobPath(id, '/status'));
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect((await h.getJson(jobPath(id, '/status'))).body.request_id).toBe(id);
  });

  it('stall: one status call sends headers and never a body', async () => {
    const { id } = await h.submit('stall');
    const stalled = await fetch(`${h.sim.baseUrl}${jobPath(id, '/status')}`, { headers: SIM_AUTH, signal: AbortSignal.timeout(300) });
    expect(stalled.status).toBe(202);
    await expect(stalled.text()).rejects.toThrow();
    expect((await h.getJson(jobPath(id, '/status'))).body.request_id).toBe(id);
  });
});

describe('CDN', () => {
  it('serves the clip without auth: HEAD, full GET, Range 206, suffix range, 416', async () => {
    const { id } = await h.submit();
    const url = await h.videoUrl(id);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('video/mp4');
    expect(Number(head.headers.get('content-length'))).toBe(h.sample.length);
    expect((await bytesOf(await fetch(url))).equals(h.sample)).toBe(true);
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${h.sample.length}`);
    expect((await bytesOf(part)).equals(h.sample.subarray(100, 200))).toBe(true);
    expect((await bytesOf(await fetch(url, { headers: { range: 'bytes=-10' } }))).equals(h.sample.subarray(-10))).toBe(true);
    const beyond = await fetch(url, { headers: { range: `bytes=${h.sample.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${h.sample.length}`);
    const cdnLog = h.sim.requests.filter((r) => r.server === 'cdn' && r.requestId === id);
    expect(cdnLog.length).toBe(5);
    expect(cdnLog.every((r) => r.authorization === undefined)).toBe(true);
    expect((await fetch(`${h.sim.cdnUrl}/files/nope/x.mp4`)).status).toBe(404);
  });

  it('truncated_download: full Content-Length, about half the bytes, then a Range resume works', async () => {
    const url = await h.videoUrl((await h.submit('truncated_download')).id);
    const res = await fetch(url);
    expect(Number(res.headers.get('content-length'))).toBe(h.sample.length);
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
    expect(head.length).toBeLessThan(h.sample.length);
    const rest = await fetch(url, { headers: { range: `bytes=${head.length}-` } });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([head, await bytesOf(rest)]).equals(h.sample)).toBe(true);
  });

  it('expired_url: 403', async () => {
    const url = await h.videoUrl((await h.submit('expired_url')).id);
    expect((await fetch(url)).status).toBe(403);
  });

  it('slow_download: throttled to downloadBytesPerSecond', async () => {
    const url = await h.videoUrl((await h.submit('slow_download')).id);
    const started = Date.now();
    const body = await bytesOf(await fetch(url));
    expect(body.equals(h.sample)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual((h.sample.length / 100_000) * 1000 * 0.8);
  });

  it('serves N deterministic generated bytes when video.sizeBytes is set, and close() cuts open sockets', async () => {
    const big = await startSimulator({ timing: FAST_TEST_TIMING, video: { sizeBytes: 300_000 }, pingIntervalMs: 10 });
    const req = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${big.baseUrl}${path}`, { ...init, headers: SIM_AUTH });
    const created = (await (await req('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify(SIM_INPUT) })).json()) as Json;
    const id = String(created.request_id);
    await simJobCompleted(big, id);
    const video = ((await (await req(jobPath(id))).json()) as Json).video as Json;
    expect(video.file_size).toBe(300_000);
    const full = await bytesOf(await fetch(String(video.url)));
    expect(full.length).toBe(300_000);
    expect(full.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const tail = await bytesOf(await fetch(String(video.url), { headers: { range: 'bytes=299990-' } }));
    expect(tail.equals(full.subarray(299_990))).toBe(true);

    const stalledJob = (await (await req('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify({ ...SIM_INPUT, prompt: '[sim:stall]' }) })).json()) as Json;
    const stalled = await req(jobPath(String(stalledJob.request_id), '/status'));
    const body = stalled.text();
    await big.close();
    await expect(body).rejects.toThrow();
  });
});
