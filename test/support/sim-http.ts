// Talking to a running simulator the way a client does, for the integration tests: raw HTTP helpers
// and waiting for a job to finish (by the simulator's own event, never by polling a clock).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect } from 'vitest';
import { SAMPLE_CLIP_PATH, startSimulator, type SimJobView, type Simulator, type SimulatorOptions } from '../../electron/core/simulator';

export type Json = Record<string, unknown>;
export const SIM_AUTH = { authorization: 'Bearer test-key' };
export const SIM_INPUT = { prompt: 'a cat surfing', image_url: 'https://example.com/cat.png' };
export const jobPath = (id: string, suffix = ''): string => `/fal-ai/veo3/requests/${id}${suffix}`;
export const bytesOf = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());

/** Resolves with the job once the simulator reports it COMPLETED (at once if it already is). */
export function simJobCompleted(sim: Simulator, id: string): Promise<SimJobView> {
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

/** Raw-HTTP helpers bound to one simulator. */
export function simHttp(sim: () => Simulator) {
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sim().baseUrl}${path}`, { ...init, headers: { ...SIM_AUTH, ...(init.headers as Record<string, string>) } });
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    api('/fal-ai/veo3/image-to-video', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const getJson = async (path: string, init?: RequestInit): Promise<{ code: number; body: Json; res: Response }> => {
    const res = await api(path, init);
    return { code: res.status, body: (await res.json()) as Json, res };
  };
  const completed = (id: string): Promise<SimJobView> => simJobCompleted(sim(), id);
  return {
    api,
    post,
    getJson,
    completed,
    /** Submits SIM_INPUT, with `[sim:<scenario>]` in the prompt when given. */
    async submit(scenario?: string): Promise<{ id: string; receipt: Json }> {
      const res = await post({ ...SIM_INPUT, prompt: scenario ? `${SIM_INPUT.prompt} [sim:${scenario}]` : SIM_INPUT.prompt });
      expect(res.status).toBe(200);
      const receipt = (await res.json()) as Json;
      return { id: String(receipt.request_id), receipt };
    },
    /** The finished job's CDN URL. */
    async videoUrl(id: string): Promise<string> {
      await completed(id);
      const { body } = await getJson(jobPath(id));
      return String((body.video as Json).url);
    },
  };
}

/** A simulator for this test file (started once) with the helpers bound to it, and the sample clip. */
export function useSimulator(options: SimulatorOptions) {
  const fx = { sim: undefined as unknown as Simulator, sample: Buffer.alloc(0) };
  beforeAll(async () => {
    fx.sim = await startSimulator(options);
    fx.sample = await readFile(SAMPLE_CLIP_PATH);
  });
  afterAll(() => fx.sim.close());
  return Object.assign(fx, simHttp(() => fx.sim));
}
