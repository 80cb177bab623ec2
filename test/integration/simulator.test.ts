// Raw-HTTP checks of the simulator against protocol.md: submit, status (and its stream), result and
// cancel. Failure scenarios and the CDN are in simulator-faults.test.ts.
import { describe, expect, it } from 'vitest';
import { FAST_TEST_TIMING, startSimulator } from '../../electron/core/simulator';
import { jobPath, SIM_AUTH, SIM_INPUT, useSimulator, type Json } from '../support/sim-http';

const h = useSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 10, downloadBytesPerSecond: 100_000 });

describe('submit', () => {
  it('answers the seed receipt with queue.fal.run URLs and counts the job', async () => {
    const before = h.sim.submitCount();
    const res = await h.post(SIM_INPUT);
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
    expect(h.sim.submitCount()).toBe(before + 1);
    expect(h.sim.job(id)).toMatchObject({ scenario: 'happy', state: 'IN_QUEUE', cancelRequested: false });
  });

  it('requires Authorization (Bearer or Key, non-empty) on every endpoint', async () => {
    const { id } = await h.submit();
    const noAuth = await fetch(`${h.sim.baseUrl}${jobPath(id, '/status')}`);
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('x-fal-request-id')).toBe(id);
    expect(typeof ((await noAuth.json()) as Json).detail).toBe('string');
    const empty = await h.post(SIM_INPUT, { authorization: 'Bearer ' });
    expect(empty.status).toBe(401);
    expect((await h.api(jobPath(id, '/status'), { headers: { authorization: 'Key abc' } })).status).toBe(202);
  });

  it('rejects structurally bad input with a 422 detail list and creates nothing', async () => {
    const before = h.sim.submitCount();
    const missing = await h.getJson('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify({ prompt: 'x', aspect_ratio: '4:3', duration: 8 }) });
    expect(missing.code).toBe(422);
    const detail = missing.body.detail as Json[];
    expect(detail).toEqual(expect.arrayContaining([
      expect.objectContaining({ loc: ['body', 'image_url'], type: 'missing' }),
      expect.objectContaining({ loc: ['body', 'aspect_ratio'], type: 'literal_error', input: '4:3' }),
      expect.objectContaining({ loc: ['body', 'duration'], type: 'literal_error' }),
    ]));
    const notJson = await h.getJson('/fal-ai/veo3/image-to-video', { method: 'POST', body: '{"prompt":' });
    expect(notJson.code).toBe(422);
    expect((notJson.body.detail as Json[])[0]).toMatchObject({ type: 'json_invalid' });
    const unknownScenario = await h.post({ ...SIM_INPUT, prompt: 'x [sim:nope]' });
    expect(unknownScenario.status).toBe(422);
    expect(h.sim.submitCount()).toBe(before);
  });

  it('picks the scenario from the x-sim-scenario header too', async () => {
    const res = await h.post(SIM_INPUT, { 'x-sim-scenario': 'long_queue' });
    const receipt = (await res.json()) as Json;
    expect(receipt.queue_position).toBe(8);
    expect(h.sim.job(String(receipt.request_id))?.scenario).toBe('long_queue');
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
    const { id } = await h.submit();
    await h.completed(id);
    const withLogs = await h.getJson(jobPath(id, '/status?logs=1'));
    const logs = withLogs.body.logs as Json[];
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(logs.every((l) => typeof l.message === 'string' && typeof l.timestamp === 'string')).toBe(true);
    expect(logs.some((l) => l.level === undefined && l.source === undefined)).toBe(true);
    expect(logs.some((l) => typeof l.level === 'string' && typeof l.source === 'string')).toBe(true);
    expect(logs.some((l) => l.labels !== undefined)).toBe(true);
    expect((await h.getJson(jobPath(id, '/status?logs=0'))).body.logs).toBeNull();
  });

  it('answers 404 for an unknown id on status, result and cancel', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [suffix, method] of [['/status', 'GET'], ['', 'GET'], ['/cancel', 'PUT']] as const) {
      const res = await h.api(jobPath(id, suffix), { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-fal-request-id')).toBe(id);
    }
  });
});

describe('status stream', () => {
  it('sends data events on every change, pings, and closes after COMPLETED', async () => {
    const { id } = await h.submit();
    const text = await (await h.api(jobPath(id, '/status/stream?logs=1'))).text(); // ends only if the server closes
    const blocks = text.split('\n\n').filter(Boolean);
    const events = blocks.filter((b) => b.startsWith('data: ')).map((b) => JSON.parse(b.slice(6)) as Json);
    expect(blocks.some((b) => b === ': ping')).toBe(true);
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['IN_QUEUE', 'IN_PROGRESS']));
    expect(events.at(-1)?.status).toBe('COMPLETED');
    expect(events.filter((e) => e.status === 'IN_QUEUE').map((e) => e.queue_position)).toEqual([2, 1, 0]);
    // Each event carries only new lines: together they are the full log the poll returns.
    const streamed = events.flatMap((e) => (Array.isArray(e.logs) ? (e.logs as Json[]) : [])).map((l) => l.message);
    const polled = ((await h.getJson(jobPath(id, '/status?logs=1'))).body.logs as Json[]).map((l) => l.message);
    expect(streamed).toEqual(polled);
  });

  it('answers 404 for no_stream and when streamSupported is false', async () => {
    const { id } = await h.submit('no_stream');
    expect((await h.api(jobPath(id, '/status/stream'))).status).toBe(404);
    const noSse = await startSimulator({ timing: FAST_TEST_TIMING, streamSupported: false });
    try {
      const created = (await (await fetch(`${noSse.baseUrl}/fal-ai/veo3/image-to-video`, { method: 'POST', headers: SIM_AUTH, body: JSON.stringify(SIM_INPUT) })).json()) as Json;
      const res = await fetch(`${noSse.baseUrl}${jobPath(String(created.request_id), '/status/stream')}`, { headers: SIM_AUTH });
      expect(res.status).toBe(404);
    } finally {
      await noSse.close();
    }
  });
});

describe('result and cancel', () => {
  it('answers 400 before completion, then the video', async () => {
    const { id } = await h.submit();
    const early = await h.getJson(jobPath(id));
    expect(early.code).toBe(400);
    await h.completed(id);
    const { code, body, res } = await h.getJson(jobPath(id));
    expect(code).toBe(200);
    expect(res.headers.get('x-fal-request-id')).toBe(id);
    const video = body.video as Json;
    expect(video).toMatchObject({ content_type: 'video/mp4', file_size: h.sample.length });
    expect(String(video.url).startsWith(`${h.sim.cdnUrl}/`)).toBe(true);
    expect(String(video.url).endsWith(`/${String(video.file_name)}`)).toBe(true);
  });

  it('cancels a queued job: 202, then COMPLETED with request_cancelled, 422 result, 400 on a second cancel', async () => {
    const { id } = await h.submit('long_queue');
    const cancel = await h.getJson(jobPath(id, '/cancel'), { method: 'PUT' });
    expect(cancel).toMatchObject({ code: 202, body: { status: 'CANCELLATION_REQUESTED' } });
    const view = await h.completed(id);
    expect(view).toMatchObject({ outcome: 'cancelled', cancelRequested: true });
    const statusNow = await h.getJson(jobPath(id, '/status'));
    expect(statusNow.body).toMatchObject({ status: 'COMPLETED', error_type: 'request_cancelled' });
    const result = await h.getJson(jobPath(id));
    expect(result.code).toBe(422);
    expect((result.body.detail as Json[])[0]).toMatchObject({ type: 'request_cancelled' });
    expect(await h.getJson(jobPath(id, '/cancel'), { method: 'PUT' })).toMatchObject({ code: 400, body: { status: 'ALREADY_COMPLETED' } });
  });

  it('cancel_race: 202 but the job finishes with its video', async () => {
    const { id } = await h.submit('cancel_race');
    expect((await h.api(jobPath(id, '/cancel'), { method: 'PUT' })).status).toBe(202);
    expect(await h.completed(id)).toMatchObject({ outcome: 'video', cancelRequested: true });
    const statusNow = await h.getJson(jobPath(id, '/status'));
    expect(statusNow.body).not.toHaveProperty('error');
    expect((await h.getJson(jobPath(id))).code).toBe(200);
  });
});
