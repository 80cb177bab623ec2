// The Veo 3 family behind one seam: every model Veo Studio can call is one entry here — its endpoint,
// the queue app it is followed under, its name, the options it accepts (with their defaults), and its
// list price. Everything else derives from this table: the request body (core/jobs/model-input.ts),
// the simulator's validation (wireInputSchema), prices (shared/pricing.ts), the Create form's options,
// the CLI's flags and `models`, sidecars, the Library detail and the compare diff.
// Sources for every fact: docs/protocol.md, "Models". Pure data + zod: no Node, no DOM.
import { z } from 'zod';
import { say, type CodedMessage, type MessageId, type MessageParams } from './i18n/messages';

/** Each vocabulary is the union over the family; a model accepts a subset (its `options`). */
export const ASPECT_RATIOS = ['auto', '16:9', '9:16'] as const;
export const DURATIONS = ['4s', '6s', '8s'] as const;
export const RESOLUTIONS = ['720p', '1080p', '4k'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type Duration = (typeof DURATIONS)[number];
export type Resolution = (typeof RESOLUTIONS)[number];

export const MODEL_IDS = [
  'fal-ai/veo3/image-to-video',
  'fal-ai/veo3/fast/image-to-video',
  'fal-ai/veo3.1/image-to-video',
  'fal-ai/veo3.1/fast/image-to-video',
  'fal-ai/veo3.1/first-last-frame-to-video',
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The seed's model: jobs recorded before the registry existed read as this one. */
export const DEFAULT_MODEL: ModelId = 'fal-ai/veo3/image-to-video';

/** Dollars per second of video. */
export interface Rate {
  silent: number;
  withAudio: number;
}

export interface ModelOptions {
  aspectRatios: readonly AspectRatio[];
  durations: readonly Duration[];
  resolutions: readonly Resolution[];
  /** Accepts `negative_prompt`. */
  negativePrompt: boolean;
  /** Accepts `seed`: takes get their own seed, and "another take with this seed" is offered. */
  seed: boolean;
}

/**
 * The pictures a model is given: one (`image_url`, the video starts from it) or two (`first_frame_url`
 * and `last_frame_url`, the video runs from one to the other).
 */
export type PictureShape = 'one' | 'firstLast';

export interface ModelSpec {
  id: ModelId;
  pictures: PictureShape;
  /** fal's queue URLs name the app, not the endpoint: `/<queueApp>/requests/<id>`. */
  queueApp: string;
  /** "Veo 3 Fast" */
  label: string;
  /** A Fast model drafts; this is the full model "Make final" re-runs its take on. */
  finalModel?: ModelId;
  options: ModelOptions;
  /** List price per resolution; every resolution in `options.resolutions` has one. */
  prices: Partial<Record<Resolution, Rate>>;
  /** Where the schema and price were read (docs/protocol.md, "Models"). */
  source: string;
}

const VEO3_OPTIONS: ModelOptions = {
  aspectRatios: ASPECT_RATIOS,
  durations: DURATIONS,
  resolutions: ['720p', '1080p'],
  negativePrompt: false,
  seed: false,
};
const VEO31_OPTIONS: ModelOptions = { ...VEO3_OPTIONS, resolutions: RESOLUTIONS, negativePrompt: true, seed: true };
const same = (rate: Rate, resolutions: readonly Resolution[]): Partial<Record<Resolution, Rate>> =>
  Object.fromEntries(resolutions.map((r) => [r, rate]));

export const MODELS: Record<ModelId, ModelSpec> = {
  'fal-ai/veo3/image-to-video': {
    id: 'fal-ai/veo3/image-to-video',
    queueApp: 'fal-ai/veo3',
    label: 'Veo 3',
    pictures: 'one',
    options: VEO3_OPTIONS,
    prices: same({ silent: 0.2, withAudio: 0.4 }, ['720p', '1080p']),
    source: 'https://fal.ai/models/fal-ai/veo3/image-to-video',
  },
  'fal-ai/veo3/fast/image-to-video': {
    id: 'fal-ai/veo3/fast/image-to-video',
    queueApp: 'fal-ai/veo3',
    label: 'Veo 3 Fast',
    pictures: 'one',
    finalModel: 'fal-ai/veo3/image-to-video',
    options: VEO3_OPTIONS,
    prices: same({ silent: 0.1, withAudio: 0.15 }, ['720p', '1080p']),
    source: 'https://fal.ai/models/fal-ai/veo3/fast/image-to-video',
  },
  'fal-ai/veo3.1/image-to-video': {
    id: 'fal-ai/veo3.1/image-to-video',
    queueApp: 'fal-ai/veo3.1',
    label: 'Veo 3.1',
    pictures: 'one',
    options: VEO31_OPTIONS,
    prices: { ...same({ silent: 0.2, withAudio: 0.4 }, ['720p', '1080p']), '4k': { silent: 0.4, withAudio: 0.6 } },
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/veo3.1-image-to-video',
  },
  'fal-ai/veo3.1/fast/image-to-video': {
    id: 'fal-ai/veo3.1/fast/image-to-video',
    queueApp: 'fal-ai/veo3.1',
    label: 'Veo 3.1 Fast',
    pictures: 'one',
    finalModel: 'fal-ai/veo3.1/image-to-video',
    options: VEO31_OPTIONS,
    prices: { ...same({ silent: 0.1, withAudio: 0.15 }, ['720p', '1080p']), '4k': { silent: 0.3, withAudio: 0.35 } },
    source: 'https://fal.ai/models/fal-ai/veo3.1/fast/image-to-video',
  },
  'fal-ai/veo3.1/first-last-frame-to-video': {
    id: 'fal-ai/veo3.1/first-last-frame-to-video',
    queueApp: 'fal-ai/veo3.1',
    label: 'Veo 3.1 First–Last Frame',
    pictures: 'firstLast',
    options: VEO31_OPTIONS,
    prices: { ...same({ silent: 0.2, withAudio: 0.4 }, ['720p', '1080p']), '4k': { silent: 0.4, withAudio: 0.6 } },
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/veo3.1-first-last-frame-to-video',
  },
};

/** Whether this model is given a last frame besides the first picture. */
export const takesLastFrame = (id: ModelId): boolean => MODELS[id].pictures === 'firstLast';

/** The job's pictures and the model disagree: a sentence saying what to do, or undefined when they fit. */
export function picturesIssue(id: ModelId, hasLastFrame: boolean): string | undefined {
  return picturesProblem(id, hasLastFrame)?.message;
}

/** `picturesIssue` as a coded message (shared/i18n), for the faces that say it in the user's language. */
export function picturesProblem(id: ModelId, hasLastFrame: boolean, hint: IssueHint = 'none'): (CodedMessage & { message: string }) | undefined {
  const spec = MODELS[id];
  if (takesLastFrame(id) && !hasLastFrame) return say('app.model.needsLastFrame', { model: spec.label, hint });
  if (!takesLastFrame(id) && hasLastFrame) {
    const which = MODEL_IDS.filter(takesLastFrame).map((m) => MODELS[m].label).join(', ');
    return say('app.model.noLastFrame', { model: spec.label, which, hint });
  }
  return undefined;
}

export const MODEL_LIST: readonly ModelSpec[] = MODEL_IDS.map((id) => MODELS[id]);

/** Unknown text (a record, a flag, an import) → a registered model, or undefined. Never a plain-object lookup. */
export function modelById(id: string): ModelSpec | undefined {
  return (MODEL_IDS as readonly string[]).includes(id) ? MODELS[id as ModelId] : undefined;
}

/** The price of one second at this resolution; a resolution the model lacks has no price (undefined). */
export function rateFor(model: ModelId, resolution: Resolution): Rate | undefined {
  return MODELS[model].prices[resolution];
}

/** The settings a model is asked about, in the domain's words (camelCase). */
export interface ModelSettings {
  model: ModelId;
  aspectRatio: AspectRatio;
  duration: Duration;
  resolution: Resolution;
  negativePrompt?: string | undefined;
  seed?: number | undefined;
}

/** Where a refusal is read: `create` adds "Change it on Create and try again." (a job started elsewhere). */
export type IssueHint = 'create' | 'none';

export interface ModelIssue {
  /** The domain field, e.g. `resolution`. */
  field: 'aspectRatio' | 'duration' | 'resolution' | 'negativePrompt' | 'seed';
  /** A sentence that says what the model accepts (English: CLI, logs). */
  message: string;
  /** The same sentence as data (shared/i18n), for renderMessage. */
  code: MessageId;
  params: MessageParams;
}

/** What this model would refuse (or silently ignore) in these settings; [] when it takes them all. */
export function modelIssues(s: ModelSettings, hint: IssueHint = 'none'): ModelIssue[] {
  const spec = MODELS[s.model];
  const o = spec.options;
  const issues: ModelIssue[] = [];
  const issue = (field: ModelIssue['field'], code: MessageId, params: MessageParams): ModelIssue => ({ field, ...say(code, { ...params, hint }), params: { ...params, hint } });
  const notIn = (field: 'aspectRatio' | 'duration' | 'resolution', value: string, allowed: readonly string[]): void => {
    if (!allowed.includes(value)) issues.push(issue(field, 'app.model.notOffered', { model: spec.label, what: field, value, allowed: allowed.join(', ') }));
  };
  notIn('aspectRatio', s.aspectRatio, o.aspectRatios);
  notIn('duration', s.duration, o.durations);
  notIn('resolution', s.resolution, o.resolutions);
  const others = (what: string) => MODEL_LIST.filter((m) => m.options[what as 'seed' | 'negativePrompt']).map((m) => m.label).join(', ');
  if (s.negativePrompt && !o.negativePrompt) issues.push(issue('negativePrompt', 'app.model.noNegativePrompt', { model: spec.label, others: others('negativePrompt') }));
  if (s.seed !== undefined && !o.seed) issues.push(issue('seed', 'app.model.noSeed', { model: spec.label, others: others('seed') }));
  return issues;
}

/**
 * The settings without the negative prompt or seed the model does not take: a record saved before
 * the registry (a Veo 3 job with a seed) can be re-run; the model would never have used them.
 */
export function withoutRefusedExtras<T extends ModelSettings>(s: T): T {
  const o = MODELS[s.model].options;
  const { negativePrompt, seed, ...rest } = s;
  return { ...rest, ...(o.negativePrompt && negativePrompt !== undefined ? { negativePrompt } : {}), ...(o.seed && seed !== undefined ? { seed } : {}) } as T;
}

/**
 * The model's input as fal's pydantic front door checks it: enums for what it accepts, the defaults
 * fal documents, unknown keys ignored as fal does — except the family's fields this model does not
 * take (`seed`, `negative_prompt`), which are refused: fal would drop them silently, so a client
 * that sends them is told instead (never kinder than the real service). A first–last-frame model
 * wants `first_frame_url` and `last_frame_url` instead of `image_url`; the picture field of the other
 * shape is refused likewise (fal would ignore it and answer a video the client did not mean).
 */
export function wireInputSchema(id: ModelId) {
  const o = MODELS[id].options;
  const refused = z.undefined({ error: 'Extra inputs are not permitted' }).optional();
  return z
    .object({
      prompt: z.string(),
      ...(MODELS[id].pictures === 'firstLast'
        ? { image_url: z.undefined().optional(), first_frame_url: z.string(), last_frame_url: z.string() }
        : { image_url: z.string(), first_frame_url: z.undefined().optional(), last_frame_url: z.undefined().optional() }),
      aspect_ratio: z.enum(o.aspectRatios as [AspectRatio, ...AspectRatio[]]).default('auto'),
      duration: z.enum(o.durations as [Duration, ...Duration[]]).default('8s'),
      resolution: z.enum(o.resolutions as [Resolution, ...Resolution[]]).default('720p'),
      generate_audio: z.boolean().default(true),
      negative_prompt: o.negativePrompt ? z.string().optional() : refused,
      seed: o.seed ? z.number().int().optional() : refused,
      auto_fix: z.boolean().optional(),
    })
    .loose();
}
export type WireInput = z.input<ReturnType<typeof wireInputSchema>>;

/** The picture a video starts from, in either shape of input. */
export const firstPictureOf = (input: { image_url?: string | undefined; first_frame_url?: string | undefined }): string =>
  input.image_url ?? input.first_frame_url ?? '';
