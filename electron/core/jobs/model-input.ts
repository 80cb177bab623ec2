// Turns what the user chose (camelCase domain params) into the model's wire input, with only the
// fields that model takes (shared/models.ts). Optional fields are omitted unless set: the aggregator
// warns that unknown extras may not survive transit.
import type { GenerationParams } from '../../../shared/domain';
import { MODELS, modelIssues, picturesProblem } from '../../../shared/models';
import { SaidError } from '../util/said';
import type { ModelInput } from '../api/types';

/** The job's pictures as sent: a data URI we built, or an https URL the user gave. */
export interface PictureUrls {
  first: string;
  /** Only for a first–last-frame model. */
  last?: string | undefined;
}

export function toModelInput(params: GenerationParams, pictures: PictureUrls): ModelInput {
  const spec = MODELS[params.model];
  const accepts = spec.options;
  const input: ModelInput = {
    prompt: params.prompt,
    ...(spec.pictures === 'firstLast' ? { first_frame_url: pictures.first, last_frame_url: pictures.last ?? '' } : { image_url: pictures.first }),
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
export function assertModelTakes(params: GenerationParams, hasLastFrame: boolean): void {
  const refused = modelIssues(params)[0] ?? picturesProblem(params.model, hasLastFrame);
  if (refused) throw new SaidError(refused);
}
