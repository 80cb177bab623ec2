// Turns what the user chose (camelCase domain params) into fal's wire input. Optional fields are
// omitted unless set: the aggregator warns that unknown extras may not survive transit.
import type { GenerationParams } from '../../../shared/domain';
import type { ModelInput } from '../api/types';

export function toModelInput(params: GenerationParams, imageUrl: string): ModelInput {
  const input: ModelInput = {
    prompt: params.prompt,
    image_url: imageUrl,
    aspect_ratio: params.aspectRatio,
    duration: params.duration,
    resolution: params.resolution,
    generate_audio: params.generateAudio,
  };
  if (params.negativePrompt) input.negative_prompt = params.negativePrompt;
  if (params.seed !== undefined) input.seed = params.seed;
  return input;
}
