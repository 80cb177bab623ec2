// Every registered model, end to end against the simulator: posted to its own endpoint, followed
// under its app, checked by its own schema, priced at its own rate.
import { describe, expect, it } from 'vitest';
import { MODEL_LIST, MODELS } from '../../shared/models';
import { useSimCore } from '../support/sim-core';
import { SIM_AUTH, SIM_INPUT, type Json } from '../support/sim-http';

describe('the Veo 3 family against the simulator', () => {
  const env = useSimCore();

  it.each(MODEL_LIST.map((m) => [m.id]))('%s completes, posted to its endpoint and followed under its app', async (id) => {
    const model = MODELS[id];
    const created = await env.create(`a lighthouse at dusk (${model.label})`, { model: id, ...(model.options.seed ? { seed: 42 } : {}) });
    const done = await env.core.runner.wait(created.id);
    expect(done.state).toBe('completed');
    expect(done.params.model).toBe(id);
    const mine = env.sim.requests.filter((r) => r.server === 'api' && r.requestId === done.requestId && r.method !== 'POST');
    expect(env.sim.requests.some((r) => r.method === 'POST' && r.path === `/${id}` && r.status === 200)).toBe(true);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r.path.startsWith(`/${model.queueApp}/requests/${done.requestId}`), r.path).toBe(true);
    expect(done.urls?.status).toBe(`${env.sim.baseUrl}/${model.queueApp}/requests/${done.requestId}/status`);
  });

  it('sends the first–last-frame model both pictures and keeps the last frame beside the first', async () => {
    const created = await env.create('from dawn to dusk', { model: 'fal-ai/veo3.1/first-last-frame-to-video' });
    expect(created.lastFrame?.kind).toBe('file');
    const done = await env.core.runner.wait(created.id);
    expect(done.state).toBe('completed');
    expect(done.videoPath).toBeDefined();
    const sent = env.sim.job(done.requestId ?? '');
    expect(Object.keys(sent?.pictures ?? {}).sort()).toEqual(['first_frame_url', 'last_frame_url']);
    expect(sent?.pictures.first_frame_url).toMatch(/^data:image\/jpeg;base64,/);
    expect(sent?.pictures.last_frame_url).toMatch(/^data:image\/jpeg;base64,/);
    if (done.lastFrame?.kind !== 'file') throw new Error('no stored last frame');
    expect(done.lastFrame.path).toBe(`media/${done.id}/last-frame.jpg`);
  });

  it('refuses a first–last-frame job without a last frame, and a last frame on a one-picture model', async () => {
    const before = env.sim.requests.length;
    const job = (model: 'fal-ai/veo3.1/first-last-frame-to-video' | 'fal-ai/veo3.1/image-to-video', lastFrame?: typeof env.image) =>
      env.core.runner.create({
        params: { prompt: 'x', model },
        image: env.image,
        ...(lastFrame ? { lastFrame } : {}),
        provider: env.core.provider,
        apiBase: env.core.apiBase,
      });
    await expect(job('fal-ai/veo3.1/first-last-frame-to-video')).rejects.toThrow(/needs a last frame/);
    await expect(job('fal-ai/veo3.1/image-to-video', env.image)).rejects.toThrow(/not a last frame/);
    expect(env.sim.requests.length).toBe(before);
  });

  it('answers the first–last-frame endpoint’s own 422 for a missing last frame', async () => {
    const res = await post('/fal-ai/veo3.1/first-last-frame-to-video', { prompt: 'p', first_frame_url: SIM_INPUT.image_url });
    expect(res.status).toBe(422);
    const { detail } = (await res.json()) as { detail: Json[] };
    expect(detail).toEqual(expect.arrayContaining([expect.objectContaining({ loc: ['body', 'last_frame_url'], type: 'missing' })]));
  });

  it('refuses, before anything is stored or sent, a setting the model does not take', async () => {
    const before = env.sim.requests.length;
    await expect(env.create('seeded veo 3', { model: 'fal-ai/veo3/image-to-video', seed: 5 })).rejects.toThrow(/Veo 3 takes no seed/);
    await expect(env.create('4k fast veo 3', { model: 'fal-ai/veo3/fast/image-to-video', resolution: '4k' })).rejects.toThrow(/accepts 720p, 1080p/);
    expect(env.sim.requests.length).toBe(before);
  });

  const post = (path: string, body: Json) =>
    fetch(`${env.sim.baseUrl}${path}`, { method: 'POST', headers: { ...SIM_AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers each model’s own 422: 4k and a seed are refused by Veo 3, taken by Veo 3.1', async () => {
    const res = await post('/fal-ai/veo3/image-to-video', { ...SIM_INPUT, resolution: '4k', seed: 1 });
    expect(res.status).toBe(422);
    const { detail } = (await res.json()) as { detail: Json[] };
    expect(detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'resolution'], type: 'literal_error', input: '4k' }),
        expect.objectContaining({ loc: ['body', 'seed'], type: 'extra_forbidden', msg: 'Extra inputs are not permitted' }),
      ]),
    );
    expect((await post('/fal-ai/veo3.1/image-to-video', { ...SIM_INPUT, resolution: '4k', seed: 1 })).status).toBe(200);
  });

  it('knows a request only under its own app', async () => {
    const res = await post('/fal-ai/veo3.1/fast/image-to-video', SIM_INPUT);
    const receipt = (await res.json()) as Json;
    expect(String(receipt.status_url)).toBe(`https://queue.fal.run/fal-ai/veo3.1/requests/${String(receipt.request_id)}/status`);
    const wrongApp = await fetch(`${env.sim.baseUrl}/fal-ai/veo3/requests/${String(receipt.request_id)}/status`, { headers: SIM_AUTH });
    expect(wrongApp.status).toBe(404);
    expect((await post('/fal-ai/veo4/image-to-video', SIM_INPUT)).status).toBe(404);
  });

  it('names the posted model in the aggregator’s own refusals', async () => {
    const res = await post('/fal-ai/veo3.1/fast/image-to-video', { ...SIM_INPUT, prompt: 'x [sim:model_not_allowed]' });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('该令牌无权使用模型：fal-ai/veo3.1/fast/image-to-video');
  });
});
