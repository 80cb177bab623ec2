// The request body is derived from the model's registry entry: only the fields that model takes.
import { describe, expect, it } from 'vitest';
import { GenerationParamsSchema } from '../../../shared/domain';
import { MODEL_LIST, wireInputSchema } from '../../../shared/models';
import { toModelInput } from '../../../electron/core/jobs/model-input';

const settings = { prompt: 'a fox', aspectRatio: '9:16', duration: '6s', resolution: '1080p', generateAudio: false, seed: 11, negativePrompt: 'blur' } as const;

describe('toModelInput', () => {
  it('sends the seed and negative prompt only to a model that takes them', () => {
    expect(toModelInput(GenerationParamsSchema.parse({ ...settings, model: 'fal-ai/veo3.1/fast/image-to-video' }), { first: 'data:x' })).toEqual({
      prompt: 'a fox',
      image_url: 'data:x',
      aspect_ratio: '9:16',
      duration: '6s',
      resolution: '1080p',
      generate_audio: false,
      negative_prompt: 'blur',
      seed: 11,
    });
    const veo3 = toModelInput(GenerationParamsSchema.parse({ ...settings, model: 'fal-ai/veo3/image-to-video' }), { first: 'data:x' });
    expect(veo3).not.toHaveProperty('seed');
    expect(veo3).not.toHaveProperty('negative_prompt');
  });

  it('sends a first–last-frame model both pictures under its own field names, and no image_url', () => {
    const body = toModelInput(GenerationParamsSchema.parse({ ...settings, model: 'fal-ai/veo3.1/first-last-frame-to-video' }), {
      first: 'data:image/jpeg;base64,AAA',
      last: 'data:image/png;base64,BBB',
    });
    expect(body).toEqual({
      prompt: 'a fox',
      first_frame_url: 'data:image/jpeg;base64,AAA',
      last_frame_url: 'data:image/png;base64,BBB',
      aspect_ratio: '9:16',
      duration: '6s',
      resolution: '1080p',
      generate_audio: false,
      negative_prompt: 'blur',
      seed: 11,
    });
    expect(body).not.toHaveProperty('image_url');
  });

  it('builds a body every model’s own schema accepts', () => {
    for (const m of MODEL_LIST) {
      const body = toModelInput(GenerationParamsSchema.parse({ ...settings, model: m.id }), { first: 'https://e.example/p.png', last: 'https://e.example/q.png' });
      expect(wireInputSchema(m.id).safeParse(body).success, m.id).toBe(true);
    }
  });
});
