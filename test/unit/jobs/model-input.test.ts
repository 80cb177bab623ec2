// The request body is derived from the model's registry entry: only the fields that model takes.
import { describe, expect, it } from 'vitest';
import { GenerationParamsSchema } from '../../../shared/domain';
import { MODEL_LIST, wireInputSchema } from '../../../shared/models';
import { toModelInput } from '../../../electron/core/jobs/model-input';

const settings = { prompt: 'a fox', aspectRatio: '9:16', duration: '6s', resolution: '1080p', generateAudio: false, seed: 11, negativePrompt: 'blur' } as const;

describe('toModelInput', () => {
  it('sends the seed and negative prompt only to a model that takes them', () => {
    expect(toModelInput(GenerationParamsSchema.parse({ ...settings, model: 'fal-ai/veo3.1/fast/image-to-video' }), 'data:x')).toEqual({
      prompt: 'a fox',
      image_url: 'data:x',
      aspect_ratio: '9:16',
      duration: '6s',
      resolution: '1080p',
      generate_audio: false,
      negative_prompt: 'blur',
      seed: 11,
    });
    const veo3 = toModelInput(GenerationParamsSchema.parse({ ...settings, model: 'fal-ai/veo3/image-to-video' }), 'data:x');
    expect(veo3).not.toHaveProperty('seed');
    expect(veo3).not.toHaveProperty('negative_prompt');
  });

  it('builds a body every model’s own schema accepts', () => {
    for (const m of MODEL_LIST) {
      const body = toModelInput(GenerationParamsSchema.parse({ ...settings, model: m.id }), 'https://e.example/p.png');
      expect(wireInputSchema(m.id).safeParse(body).success, m.id).toBe(true);
    }
  });
});
