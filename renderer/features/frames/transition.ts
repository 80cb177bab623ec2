// "Transition to…" as data: which takes can be the other end, and the first–last-frame job between
// two takes. Pure, so the rule is tested without a page (test/unit/renderer… transition.test.ts).
import type { TransitionRequest } from '../../../shared/contract';
import { MAX_PROMPT_LENGTH, type GenerationParamsInput, type JobRecord } from '../../../shared/domain';
import type { JobSummary } from '../../../shared/job-summary';
import { MODEL_IDS, takesLastFrame, type ModelId } from '../../../shared/models';

/** The one model that runs from a first to a last frame. */
export const TRANSITION_MODEL: ModelId = MODEL_IDS.find(takesLastFrame) ?? 'fal-ai/veo3.1/first-last-frame-to-video';

/** Finished takes with a video, other than `fromId`: what a transition can run to. */
export const transitionTargets = (items: readonly JobSummary[], fromId: string): JobSummary[] =>
  items.filter((j) => j.id !== fromId && j.state === 'completed' && j.videoPath !== undefined);

/** What the prompt field starts with: where the shot comes from and where it goes. */
export function transitionPrompt(from: Pick<JobRecord, 'params'>, to: Pick<JobSummary, 'params'>): string {
  return `A smooth, continuous transition from “${from.params.prompt}” to “${to.params.prompt}”.`.slice(0, MAX_PROMPT_LENGTH);
}

/**
 * The job: this take's framing, length, resolution and audio on the first–last-frame model (its
 * seed and negative prompt stay behind: they belonged to another shot), linked to this take.
 */
export function transitionRequest(
  from: Pick<JobRecord, 'id' | 'params'>,
  prompt: string,
  tokens: { first: string; last: string },
): TransitionRequest {
  const { aspectRatio, duration, resolution, generateAudio } = from.params;
  const params: GenerationParamsInput = { model: TRANSITION_MODEL, prompt, aspectRatio, duration, resolution, generateAudio };
  return { params, imageToken: tokens.first, lastImageToken: tokens.last, parentId: from.id };
}
