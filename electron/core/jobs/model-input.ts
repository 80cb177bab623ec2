// Turns what the user chose (camelCase domain params) into the model's wire input, with only the
// fields that model takes (shared/models.ts). Optional fields are omitted unless set: the aggregator
// warns that unknown extras may not survive transit.
import type { GenerationParams } from '../../../shared/domain';
import { MODELS, modelIssues } from '../../../shared/models';
import type { ModelInput } from '../api/types';

export function toModelInput(params: GenerationParams, imageUrl: string): ModelInput {
  const accepts = MODELS[params.model].options;
  const input: ModelInput = {
    prompt: params.prompt,
    image_url: imageUrl,
    aspect_ratio: params.aspectRatio,
    duration: params.duration,
    resolution: params.resolution,
    generate_audio: params.generateAudio,
  };
  if (params.negativePrompt && accepts.negativePrompt) input.negative_prompt = params.negativePrompt;
  if (params.seed !== undefined && accepts.seed) input.seed = params.seed;
  return input;
}

/** Every face asks first, in its own words; this is the last line before a job is stored or sent. */
export function assertModelTakes(params: GenerationParams): void {
  const refused = modelIssues(params)[0];
  if (refused) throw new Error(refused.message);
}
