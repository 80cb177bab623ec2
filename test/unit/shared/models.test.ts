// The model registry is the only place a model's endpoint, options and price are written: these
// tests pin what the rest of the app derives from it.
import { describe, expect, it } from 'vitest';
import { GenerationParamsSchema, JobRecordSchema } from '../../../shared/domain';
import { DEFAULT_MODEL, MODEL_LIST, MODELS, modelById, modelIssues, picturesIssue, RESOLUTIONS, wireInputSchema } from '../../../shared/models';
import { chargedUsd, estimateBatchUsd, formatRate } from '../../../shared/pricing';

const base = { aspectRatio: 'auto', duration: '8s', resolution: '720p' } as const;

describe('the model registry', () => {
  it('prices every resolution each model offers, and nothing it does not', () => {
    for (const m of MODEL_LIST) {
      expect(Object.keys(m.prices).sort(), m.id).toEqual([...m.options.resolutions].sort());
      for (const r of RESOLUTIONS) if (!m.options.resolutions.includes(r)) expect(m.prices[r], `${m.id} ${r}`).toBeUndefined();
    }
  });

  it('follows each job under its app: fal names the app in queue URLs, not the endpoint', () => {
    expect(MODELS['fal-ai/veo3/fast/image-to-video'].queueApp).toBe('fal-ai/veo3');
    expect(MODELS['fal-ai/veo3.1/fast/image-to-video'].queueApp).toBe('fal-ai/veo3.1');
    for (const m of MODEL_LIST) expect(m.id.startsWith(`${m.queueApp}/`), m.id).toBe(true);
  });

  it('offers a Fast model a full model to make its final on', () => {
    for (const m of MODEL_LIST.filter((x) => x.label.endsWith('Fast'))) {
      const final = m.finalModel ? MODELS[m.finalModel] : undefined;
      expect(final?.label, m.id).toBe(m.label.replace(/ Fast$/, ''));
    }
  });

  it('knows the first–last-frame model: two pictures, Veo 3.1 options, fal’s list price', () => {
    const flf = MODELS['fal-ai/veo3.1/first-last-frame-to-video'];
    expect(flf.pictures).toBe('firstLast');
    expect(flf.queueApp).toBe('fal-ai/veo3.1');
    expect(flf.options.resolutions).toEqual(['720p', '1080p', '4k']);
    expect(flf.options.seed && flf.options.negativePrompt).toBe(true);
    expect(flf.prices['1080p']).toEqual({ silent: 0.2, withAudio: 0.4 });
    expect(flf.prices['4k']).toEqual({ silent: 0.4, withAudio: 0.6 });
    const schema = wireInputSchema(flf.id);
    expect(schema.safeParse({ prompt: 'p', first_frame_url: 'a', last_frame_url: 'b' }).success).toBe(true);
    expect(schema.safeParse({ prompt: 'p', first_frame_url: 'a' }).success).toBe(false);
    expect(schema.safeParse({ prompt: 'p', image_url: 'a', last_frame_url: 'b' }).success).toBe(false);
    expect(wireInputSchema('fal-ai/veo3.1/image-to-video').safeParse({ prompt: 'p', image_url: 'a', last_frame_url: 'b' }).success).toBe(false);
  });

  it('says what to do when the pictures and the model disagree', () => {
    expect(picturesIssue('fal-ai/veo3.1/first-last-frame-to-video', false)).toMatch(/needs a last frame/);
    expect(picturesIssue('fal-ai/veo3.1/image-to-video', true)).toMatch(/takes one picture, not a last frame/);
    expect(picturesIssue('fal-ai/veo3.1/first-last-frame-to-video', true)).toBeUndefined();
    expect(picturesIssue('fal-ai/veo3/image-to-video', false)).toBeUndefined();
  });

  it('keeps the default the seed model, and reads a record without a model as it', () => {
    expect(DEFAULT_MODEL).toBe('fal-ai/veo3/image-to-video');
    const old = GenerationParamsSchema.parse({ prompt: 'an old job', ...base, generateAudio: true, seed: 7 });
    expect(old.model).toBe('fal-ai/veo3/image-to-video');
    const rec = JobRecordSchema.parse({
      id: 'a', state: 'completed', params: { prompt: 'x' }, input: { kind: 'url', url: 'https://e.example/p.png' },
      provider: 'fal', apiBase: 'https://queue.fal.run', createdAt: 'now', updatedAt: 'now',
    });
    expect(rec.params.model).toBe(DEFAULT_MODEL);
  });

  it('never looks an unknown id up in a plain object', () => {
    expect(modelById('fal-ai/veo3/fast/image-to-video')?.label).toBe('Veo 3 Fast');
    expect(modelById('toString')).toBeUndefined();
    expect(modelById('__proto__')).toBeUndefined();
  });
});

describe('what each model accepts', () => {
  it('refuses 4k, a negative prompt and a seed on Veo 3, naming what it accepts', () => {
    const issues = modelIssues({ model: 'fal-ai/veo3/image-to-video', ...base, resolution: '4k', negativePrompt: 'blur', seed: 3 });
    expect(issues.map((i) => i.field)).toEqual(['resolution', 'negativePrompt', 'seed']);
    expect(issues[0]?.message).toBe('Veo 3 does not offer resolution 4k; it accepts 720p, 1080p.');
    expect(issues[2]?.message).toContain('Veo 3.1');
  });

  it('takes them on Veo 3.1 and Veo 3.1 Fast', () => {
    for (const model of ['fal-ai/veo3.1/image-to-video', 'fal-ai/veo3.1/fast/image-to-video'] as const) {
      expect(modelIssues({ model, ...base, resolution: '4k', negativePrompt: 'blur', seed: 3 })).toEqual([]);
    }
  });

  it('builds the wire schema from the same entry, with fal’s defaults', () => {
    const veo3 = wireInputSchema('fal-ai/veo3/image-to-video');
    expect(veo3.safeParse({ prompt: 'p', image_url: 'u', resolution: '4k' }).success).toBe(false);
    expect(veo3.safeParse({ prompt: 'p', image_url: 'u', seed: 1 }).success).toBe(false);
    expect(veo3.parse({ prompt: 'p', image_url: 'u' })).toMatchObject({ aspect_ratio: 'auto', duration: '8s', resolution: '720p', generate_audio: true });
    expect(wireInputSchema('fal-ai/veo3.1/image-to-video').safeParse({ prompt: 'p', image_url: 'u', resolution: '4k', seed: 1 }).success).toBe(true);
  });
});

describe('prices by model', () => {
  const params = (model: (typeof MODEL_LIST)[number]['id'], resolution: '720p' | '1080p' | '4k' = '720p', generateAudio = true) =>
    ({ model, duration: '8s', resolution, generateAudio }) as const;

  it('charges each model its own list price per second', () => {
    expect(estimateBatchUsd(params('fal-ai/veo3/image-to-video'), 'fal')).toBe(3.2);
    expect(estimateBatchUsd(params('fal-ai/veo3/fast/image-to-video'), 'fal')).toBe(1.2);
    expect(estimateBatchUsd(params('fal-ai/veo3/fast/image-to-video', '1080p', false), 'aggregator')).toBe(0.8);
    expect(estimateBatchUsd(params('fal-ai/veo3.1/image-to-video', '4k'), 'fal')).toBe(4.8);
    expect(estimateBatchUsd(params('fal-ai/veo3.1/fast/image-to-video', '4k', false), 'fal', 2)).toBe(4.8);
    expect(chargedUsd(params('fal-ai/veo3.1/image-to-video'), 'simulator')).toBe(0);
    expect(formatRate(params('fal-ai/veo3/fast/image-to-video'), 'fal')).toBe('$0.15/s with audio');
  });

  it('prices a resolution the model lacks (a record from elsewhere) at its dearest rate, never lower', () => {
    expect(estimateBatchUsd(params('fal-ai/veo3/image-to-video', '4k'), 'fal')).toBe(3.2);
  });
});
