// The vocabulary every face of Veo Studio shares: generation settings, job states, errors and the
// durable job record. Pure data + zod schemas: no Node, no DOM, so the renderer can import it too.
import { z } from 'zod';
import { MessageParamsSchema, type MessageParams } from './i18n/params';
import { ASPECT_RATIOS, DEFAULT_MODEL, DURATIONS, MODEL_IDS, RESOLUTIONS } from './models';
import { PROVIDER_INFO } from './providers';

// The parameter vocabularies belong to the model registry (shared/models.ts); re-exported for callers.
export { ASPECT_RATIOS, DURATIONS, RESOLUTIONS, MODEL_IDS, DEFAULT_MODEL };
export type { AspectRatio, Duration, Resolution, ModelId } from './models';
export const PROVIDERS = ['aggregator', 'fal', 'simulator'] as const;

export type Provider = (typeof PROVIDERS)[number];

/** Each provider's default origin (kept as a map for the callers that index it by provider). */
export const DEFAULT_BASE_URL = Object.fromEntries(
  PROVIDERS.map((p) => [p, PROVIDER_INFO[p].defaultBaseUrl]),
) as Record<Provider, string>;

export const MAX_PROMPT_LENGTH = 5000;

/**
 * What the user chose on the Create screen (camelCase; the wire format lives in core/api). Whether
 * the model takes these settings is `modelIssues` (shared/models.ts), asked before a job is created —
 * not here, so a record saved under older rules still reads.
 */
export const GenerationParamsSchema = z.object({
  /** Records from before the model registry have none: they were made with the seed's model. */
  model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
  prompt: z
    .string()
    .trim()
    .min(1, 'Write a prompt that describes the shot.')
    .max(MAX_PROMPT_LENGTH, `Keep the prompt under ${MAX_PROMPT_LENGTH} characters.`),
  aspectRatio: z.enum(ASPECT_RATIOS).default('auto'),
  duration: z.enum(DURATIONS).default('8s'),
  resolution: z.enum(RESOLUTIONS).default('720p'),
  generateAudio: z.boolean().default(true),
  negativePrompt: z.string().trim().max(MAX_PROMPT_LENGTH).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});
export type GenerationParams = z.infer<typeof GenerationParamsSchema>;
/** As a caller may give them: a missing model means the default one. */
export type GenerationParamsInput = z.input<typeof GenerationParamsSchema>;

/**
 * Local job states. `submitting` is written *before* the POST goes out, so a crash in that window is
 * visible on restart (it becomes failed/outcome_unknown rather than being silently re-submitted).
 */
export const JOB_STATES = [
  'submitting',
  'queued',
  'running',
  'downloading',
  'completed',
  'failed',
  'cancelled',
] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FINAL_STATES = ['completed', 'failed', 'cancelled'] as const satisfies readonly JobState[];
export type FinalState = (typeof FINAL_STATES)[number];
export type ActiveState = Exclude<JobState, FinalState>;
export const isFinalState = (s: JobState): s is FinalState => (FINAL_STATES as readonly JobState[]).includes(s);
/**
 * The unfinished states, derived: a state added to JOB_STATES is active (resumed after a restart,
 * counted as in progress) unless it is also added to FINAL_STATES.
 */
export const ACTIVE_STATES: readonly ActiveState[] = JOB_STATES.filter((s): s is ActiveState => !isFinalState(s));

export const ERROR_KINDS = [
  'auth', // 401: the key was rejected
  'quota', // 402, or a 401/403/429 that says the balance or quota ran out: top up (aggregators)
  'forbidden', // 403 otherwise: this key may not use this model/endpoint
  'unavailable', // 503 "no available channel": the provider cannot serve this model right now
  'validation', // 422 (other than content policy) or bad local input
  'content_policy', // 422 content_policy_violation
  'rate_limit', // 429 after retries ran out
  'transient', // 5xx / network after retries ran out
  'expired', // the video URL answered 403/404/410 before we saved it
  'not_found', // 404 for the request id
  'outcome_unknown', // the submit may or may not have reached the server
  'cancelled', // cancelled on request
  'unknown', // anything else: status, request id and raw detail are kept
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const JobErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  /** A sentence a person can act on, in English (CLI, logs, older versions). Never contains the API key. */
  message: z.string(),
  /** The same sentence as data (shared/i18n): what the app renders, in the user's language. */
  code: z.string().max(100).optional(),
  params: MessageParamsSchema.optional(),
  /** The provider's own words about this failure, shown as they came and marked as the provider's. */
  providerWords: z.string().optional(),
  httpStatus: z.number().int().optional(),
  requestId: z.string().optional(),
  /** The field a validation error is about, e.g. `image_url`. */
  field: z.string().optional(),
  /** fal's own error type (`content_policy_violation`, `runner_timeout`, …). */
  errorType: z.string().optional(),
  /** Raw server detail, kept for "Show details". */
  detail: z.string().optional(),
  /** fal does not bill 5xx failures; true when we know nothing was charged. */
  notCharged: z.boolean().optional(),
});
export type JobError = z.infer<typeof JobErrorSchema>;

/** The `source` of the log lines Veo Studio itself writes; every other line is the service's own words. */
export const OWN_LOG_SOURCE = 'veo-studio';

export const LogLineSchema = z.object({
  /** In English (CLI, older versions); a server's lines are its own words and carry no code. */
  message: z.string(),
  /** Lines Veo Studio writes (source 'veo-studio') carry the sentence as data too (shared/i18n). */
  code: z.string().max(100).optional(),
  params: MessageParamsSchema.optional(),
  level: z.string().optional(),
  source: z.string().optional(),
  timestamp: z.string().optional(),
});
export type LogLine = z.infer<typeof LogLineSchema>;

/** The input picture: either a file we copied into the library, or an https URL the user typed. */
export const JobInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    /** Paths are relative to the library folder so a library can be moved. */
    path: z.string(),
    thumbPath: z.string().optional(),
    originalName: z.string().optional(),
    mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string(),
  }),
  z.object({ kind: z.literal('url'), url: z.string().url() }),
]);
export type JobInput = z.infer<typeof JobInputSchema>;

export const QueueUrlsSchema = z.object({
  status: z.string(),
  response: z.string(),
  cancel: z.string(),
});
export type QueueUrls = z.infer<typeof QueueUrlsSchema>;

export const VideoResultSchema = z.object({
  url: z.string(),
  contentType: z.string().optional(),
  fileName: z.string().optional(),
  fileSize: z.number().int().nonnegative().optional(),
  inferenceTime: z.number().optional(),
});
export type VideoResult = z.infer<typeof VideoResultSchema>;

export const MAX_LOG_LINES = 200;

export const JobRecordSchema = z.object({
  id: z.string().min(1),
  state: z.enum(JOB_STATES),
  params: GenerationParamsSchema,
  input: JobInputSchema,
  /** The picture the video ends on, for a first–last-frame model (shared/models.ts `pictures`); stored like `input`. */
  lastFrame: JobInputSchema.optional(),
  provider: z.enum(PROVIDERS),
  apiBase: z.string(),
  requestId: z.string().optional(),
  urls: QueueUrlsSchema.optional(),
  queuePosition: z.number().int().nonnegative().optional(),
  logs: z.array(LogLineSchema).max(MAX_LOG_LINES).default([]),
  error: JobErrorSchema.optional(),
  result: VideoResultSchema.optional(),
  /** Relative to the library folder. */
  videoPath: z.string().optional(),
  videoBytes: z.number().int().nonnegative().optional(),
  /**
   * Relative to the library folder: a frame of the video itself (shared/poster.ts), made once the video
   * is on disk. Absent until then — cards show the input picture meanwhile.
   */
  posterPath: z.string().optional(),
  favourite: z.boolean().default(false),
  /** A cancel was asked for; the job may still finish (fal answers CANCELLATION_REQUESTED). */
  cancelRequested: z.boolean().default(false),
  /** Set when this job continues another (continue from a frame) or is the final of a Fast draft. */
  parentId: z.string().optional(),
  /** Takes of one shot (same picture, prompt and settings, one Generate or "another take") share this id. */
  shotId: z.string().max(200).optional(),
  /** Which take of its shot this is, from 1. */
  take: z.number().int().min(1).max(10_000).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Set (and made durable) just before the submit POST goes out. A record in `submitting` without it
   * was never sent and can be submitted safely; with it but without a request id, the outcome is
   * unknown and a re-submit could charge twice.
   */
  submitSentAt: z.string().optional(),
  submittedAt: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** Set when the job came from another library's export: it was paid for there, not here. */
  importedAt: z.string().optional(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

/** Live numbers that change too often to persist (they ride on events only). */
export interface JobProgress {
  id: string;
  state: JobState;
  queuePosition?: number;
  elapsedMs: number;
  latestLogs: LogLine[];
  download?: { receivedBytes: number; totalBytes?: number };
  /** Set while a retry is pending, e.g. "rate limited — retrying at 12:04:31". */
  retryNote?: string;
  /** The same note as data (shared/i18n), rendered with renderMessage({ ...retryNoteText, message: retryNote }). */
  retryNoteText?: { code: string; params?: MessageParams };
}
