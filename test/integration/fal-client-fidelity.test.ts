// Fidelity: fal's own client (@fal-ai/client 1.10.1, unmodified) must work against the simulator
// exactly as protocol.md's last section says. If it does not, the simulator is wrong, not the client.
import { ApiError, createFalClient, type FalClient, type QueueStatus } from '@fal-ai/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CLIP_PATH, startSimulator, type Simulator, type SimJobView } from '../../electron/core/simulator';
import { stat } from 'node:fs/promises';
import { simJobCompleted } from '../support/sim-http';

const ENDPOINT = 'fal-ai/veo3/image-to-video';
const KEY = 'fidelity-test-key';
const IMAGE = 'https://storage.googleapis.com/falserverless/example_inputs/veo3-i2v-input.png';

let sim: Simulator;
let fal: FalClient;
let sampleSize: number;

beforeAll(async () => {
  // Slower than FAST_TEST_TIMING so fal's 500 ms poll observes a queued state at least once.
  sim = await startSimulator({ timing: { queueStepMs: 150, runMs: 400, logEveryMs: 60, cancelMs: 20 } });
  sampleSize = (await stat(SAMPLE_CLIP_PATH)).size;
  fal = createFalClient({
    credentials: 'unused',
    // protocol.md: keep the path of every URL fal builds, re-base it onto our origin, send Bearer.
    requestMiddleware: async (request) => {
      const original = new URL(request.url);
      return {
        ...request,
        url: new URL(`${original.pathname}${original.search}`, sim.baseUrl).toString(),
        headers: { ...request.headers, Authorization: `Bearer ${KEY}` },
      };
    },
  });
});
afterAll(() => sim.close());

const completed = (id: string): Promise<SimJobView> => simJobCompleted(sim, id);

describe('@fal-ai/client against the simulator', () => {
  it('submit → status with logs → result', async () => {
    const receipt = await fal.queue.submit(ENDPOINT, { input: { prompt: 'a lighthouse at dusk', image_url: IMAGE } });
    expect(receipt.status).toBe('IN_QUEUE');
    const requestId = receipt.request_id;
    expect(sim.job(requestId)?.scenario).toBe('happy');

    const queued = await fal.queue.status(ENDPOINT, { requestId, logs: true });
    expect(queued).toMatchObject({ status: 'IN_QUEUE', request_id: requestId });
    expect((queued as QueueStatus & { queue_position: number }).queue_position).toBeGreaterThanOrEqual(0);
    await completed(requestId);
    const last = await fal.queue.status(ENDPOINT, { requestId, logs: true });
    expect(last.status).toBe('COMPLETED');
    if (last.status !== 'COMPLETED') return;
    expect(last.logs.length).toBeGreaterThan(0);
    expect(last.logs.some((line) => line.level === undefined)).toBe(true);
    expect(last.metrics?.inference_time).toBeGreaterThan(0);

    const result = await fal.queue.result(ENDPOINT, { requestId });
    expect(result.requestId).toBe(requestId);
    expect(result.data.video.file_size).toBe(sampleSize);
    expect(result.data.video.url.startsWith(`${sim.cdnUrl}/`)).toBe(true);
    const video = await fetch(result.data.video.url);
    expect(Number(video.headers.get('content-length'))).toBe(sampleSize);
    await video.arrayBuffer();

    // Every call fal made reached the simulator with our Bearer key (the capital-A header wins).
    const calls = sim.requests.filter((r) => r.server === 'api' && r.requestId === requestId);
    expect(calls.map((r) => r.path)).toEqual(expect.arrayContaining([
      '/fal-ai/veo3/image-to-video',
      `/fal-ai/veo3/requests/${requestId}/status?logs=1`,
      `/fal-ai/veo3/requests/${requestId}`,
    ]));
    expect(calls.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('cancel on a long-queued job is recorded and ends it cancelled', async () => {
    const { request_id: requestId } = await fal.queue.submit(ENDPOINT, {
      input: { prompt: 'a slow one [sim:long_queue]', image_url: IMAGE },
    });
    expect(sim.job(requestId)?.state).toBe('IN_QUEUE');
    await fal.queue.cancel(ENDPOINT, { requestId });
    const cancelCall = sim.requests.find((r) => r.method === 'PUT' && r.requestId === requestId);
    expect(cancelCall).toMatchObject({ path: `/fal-ai/veo3/requests/${requestId}/cancel`, status: 202 });
    expect(await completed(requestId)).toMatchObject({ cancelRequested: true, outcome: 'cancelled' });
    // fal's client surfaces the cancelled result as its 422 ValidationError.
    const error: unknown = await fal.queue.result(ENDPOINT, { requestId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(422);
  });

  it('subscribe polls to completion and returns the video', async () => {
    const updates: string[] = [];
    const result = await fal.subscribe(ENDPOINT, {
      input: { prompt: 'subscribe me', image_url: IMAGE, duration: '8s', generate_audio: true },
      logs: true,
      onQueueUpdate: (update) => updates.push(update.status),
    });
    expect(updates.at(-1)).toBe('COMPLETED');
    expect(result.data.video.file_size).toBe(sampleSize);
    expect(sim.job(result.requestId)).toMatchObject({ state: 'COMPLETED', outcome: 'video' });
  });

  it('retries a 503 on the result by itself (server_errors)', async () => {
    const { request_id: requestId } = await fal.queue.submit(ENDPOINT, {
      input: { prompt: 'flaky [sim:server_errors]', image_url: IMAGE },
    });
    await completed(requestId);
    const result = await fal.queue.result(ENDPOINT, { requestId });
    expect(result.data.video.file_size).toBe(sampleSize);
    const resultCalls = sim.requests.filter((r) => r.requestId === requestId && r.path === `/fal-ai/veo3/requests/${requestId}`);
    expect(resultCalls.map((r) => r.status)).toEqual([503, 200]);
  });
});
