// Pure rules of the Create form: what would block Generate, the parameters a submit sends, and the
// cost line on the button. Kept apart from the store so they read (and test) as plain functions.
import { MAX_BATCH_SIZE, type PreparedImageInfo } from '../../shared/contract';
import {
  MAX_PROMPT_LENGTH,
  type AspectRatio,
  type Duration,
  type GenerationParams,
  type Provider,
  type Resolution,
} from '../../shared/domain';
import { DEFAULT_MODEL, MODELS, modelIssues, takesLastFrame, type ModelId } from '../../shared/models';
import { renderMessage } from '../../shared/i18n/messages';
import { durationSeconds, estimateBatchUsd, isBilledProvider, type PricedParams } from '../../shared/pricing';
import { currentLocale, intlFor, tr } from '../i18n/intl';
import type { KeyReadiness } from './settings-store';

/** How many videos one Generate makes of each picture: each its own job (and seed, where the model takes one). */
export type Takes = 1 | 2 | 4;

export interface CreateForm {
  model: ModelId;
  takes: Takes;
  prompt: string;
  aspectRatio: AspectRatio;
  duration: Duration;
  resolution: Resolution;
  generateAudio: boolean;
  negativePrompt: string;
  /** As typed; blank means "let the model pick". */
  seed: string;
}

export const DEFAULT_FORM: CreateForm = {
  model: DEFAULT_MODEL,
  takes: 1,
  prompt: '',
  aspectRatio: 'auto',
  duration: '8s',
  resolution: '720p',
  generateAudio: true,
  negativePrompt: '',
  seed: '',
};

export interface IntakeState {
  status: 'idle' | 'preparing' | 'invalid' | 'notice';
  message?: string;
  details?: string;
}

export interface FormSnapshot extends CreateForm {
  images: PreparedImageInfo[];
  /** The picture the video ends on: only a first–last-frame model uses it (and needs it). */
  lastFrame?: PreparedImageInfo | undefined;
  intake: IntakeState;
  submitting: boolean;
}

const MAX_SEED = 2 ** 32 - 1;

export function parseSeed(text: string): number | undefined | 'invalid' {
  const t = text.trim();
  if (!t) return undefined;
  if (!/^\d+$/.test(t)) return 'invalid';
  const n = Number(t);
  return n <= MAX_SEED ? n : 'invalid';
}

/**
 * Why the form cannot be generated from, in words for the button's tooltip; undefined when it can.
 * A job on its way is not a blocker but a busy state (see GenerateButton): a blocker disables the
 * button, and a disabled button drops keyboard focus, which the spend dialog must hand back to it.
 */
export function generateBlocker(s: FormSnapshot, key: KeyReadiness): string | undefined {
  if (s.intake.status === 'preparing') return tr('create.blocker.preparing');
  if (s.images.length === 0) return tr('create.blocker.noImage');
  if (s.images.length > MAX_BATCH_SIZE) return tr('create.blocker.tooManyPictures', { max: MAX_BATCH_SIZE });
  if (s.images.length * s.takes > MAX_BATCH_SIZE) return tr('create.blocker.tooManyJobs', { max: MAX_BATCH_SIZE });
  if (takesLastFrame(s.model) && !s.lastFrame) return tr('create.blocker.lastFrame', { model: MODELS[s.model].label });
  if (!s.prompt.trim()) return tr('create.blocker.noPrompt');
  if (s.prompt.length > MAX_PROMPT_LENGTH) return tr('create.blocker.longPrompt', { max: MAX_PROMPT_LENGTH });
  if (s.negativePrompt.length > MAX_PROMPT_LENGTH) return tr('create.blocker.longNegative', { max: MAX_PROMPT_LENGTH });
  if (parseSeed(s.seed) === 'invalid') return tr('create.blocker.seed', { max: MAX_SEED });
  const refused = modelIssues(buildParams(s))[0];
  if (refused) return renderMessage(currentLocale(), refused); // the core may send a code with it
  if (key === 'missing') return tr('create.blocker.noKey');
  if (key === 'checking') return tr('create.blocker.checkingKey');
  return undefined;
}

/** The settings sent; a negative prompt or seed the chosen model does not take stays in the form, unsent. */
export function buildParams(form: CreateForm): GenerationParams {
  const accepts = MODELS[form.model].options;
  const seed = accepts.seed ? parseSeed(form.seed) : undefined;
  const negative = accepts.negativePrompt ? form.negativePrompt.trim() : '';
  return {
    model: form.model,
    prompt: form.prompt.trim(),
    aspectRatio: form.aspectRatio,
    duration: form.duration,
    resolution: form.resolution,
    generateAudio: form.generateAudio,
    ...(negative ? { negativePrompt: negative } : {}),
    ...(typeof seed === 'number' ? { seed } : {}),
  };
}

export function formFromParams(params: GenerationParams): CreateForm {
  return {
    model: params.model,
    takes: 1,
    prompt: params.prompt,
    aspectRatio: params.aspectRatio,
    duration: params.duration,
    resolution: params.resolution,
    generateAudio: params.generateAudio,
    negativePrompt: params.negativePrompt ?? '',
    seed: params.seed === undefined ? '' : String(params.seed),
  };
}

/**
 * The form's fields that change when another model is picked: a resolution the new model lacks (4K
 * on Veo 3) falls back to its first rather than blocking Generate. A typed seed or negative prompt
 * stays in the form (unsent while the model does not take it), so switching back restores it.
 */
export function switchModel(form: Pick<CreateForm, 'resolution'>, model: ModelId): Pick<CreateForm, 'model' | 'resolution'> {
  const offered = MODELS[model].options.resolutions;
  return { model, resolution: offered.includes(form.resolution) ? form.resolution : (offered[0] ?? '720p') };
}

/**
 * The settings of each take: take 1 keeps the seed as typed; every take of several gets its own seed
 * (counting on from the typed one, or from a random one) so each is recorded and can be made again.
 * A model without seeds gets the same settings for every take.
 */
export function takeParams(params: GenerationParams, takes: number, random: () => number = randomSeed): GenerationParams[] {
  if (takes <= 1 || !MODELS[params.model].options.seed) return Array.from({ length: Math.max(1, takes) }, () => params);
  const first = params.seed ?? random();
  return Array.from({ length: takes }, (_, i) => ({ ...params, seed: (first + i) % (MAX_SEED + 1) }));
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/**
 * "Generate · 8 s · ≈ $3.20", "Generate 3 videos · 8 s each · ≈ $9.60", or "… · free" (simulator).
 * The price is the spend guard's own (estimateBatchUsd at this provider), one job per image.
 */
export function generateLabel(form: PricedParams, imageCount: number, provider: Provider): string {
  return generateLabelParts(form, imageCount, provider).join('');
}

/**
 * The label as [head, meta] in the current language, from one catalog sentence whose <meta> part
 * the button sets in a quieter style.
 */
export function generateLabelParts(form: PricedParams, imageCount: number, provider: Provider): [string, string] {
  let meta = '';
  const head = intlFor(currentLocale()).formatMessage(
    { id: 'create.generate.label' },
    {
      count: imageCount,
      seconds: durationSeconds(form.duration),
      free: isBilledProvider(provider) ? 'no' : 'yes',
      usd: estimateBatchUsd(form, provider, imageCount),
      meta: (chunks: string[]) => {
        meta = chunks.join('');
        return '';
      },
    },
  );
  return [(Array.isArray(head) ? head.join('') : String(head)).trim(), meta];
}
