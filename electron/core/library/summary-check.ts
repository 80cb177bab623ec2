// A fast check for summaries read back from the database. JobSummarySchema (shared/job-summary.ts)
// stays the definition; this accepts a strict subset of what it accepts — exactly the objects the
// schema would return unchanged (no unknown keys, no defaults to fill, prompts already trimmed) —
// which is what the store writes into each row's summary (job-table.ts). Anything else goes to the
// schema itself. A zod pass costs ~13 µs per summary cold (130 ms for a search listing 10,000 hits);
// this is well under 1 µs. test/unit/library/summary-check.test.ts holds the two to that promise.
import { ASPECT_RATIOS, DURATIONS, ERROR_KINDS, JOB_STATES, MAX_PROMPT_LENGTH, RESOLUTIONS } from '../../../shared/domain';
import { JobSummarySchema, type JobSummary } from '../../../shared/job-summary';
import { MODEL_IDS } from '../../../shared/models';

const STATES = new Set<unknown>(JOB_STATES);
const ASPECTS = new Set<unknown>(ASPECT_RATIOS);
const LENGTHS = new Set<unknown>(DURATIONS);
const SIZES = new Set<unknown>(RESOLUTIONS);
const KINDS = new Set<unknown>(ERROR_KINDS);
const MODELS = new Set<unknown>(MODEL_IDS);
const SUMMARY_KEYS = new Set(['id', 'state', 'params', 'input', 'requestId', 'error', 'videoPath', 'posterPath', 'favourite', 'parentId', 'shotId', 'take', 'createdAt', 'updatedAt', 'importedAt']);
const PARAM_KEYS = new Set(['prompt', 'negativePrompt', 'aspectRatio', 'duration', 'resolution', 'model']);
const MAX_SHOT_ID = 200;
const MAX_TAKE = 10_000;
const INPUT_KEYS = new Set(['kind', 'thumbPath']);
const ERROR_KEYS = new Set(['kind', 'message']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const onlyKeys = (o: Record<string, unknown>, keys: Set<string>): boolean => Object.keys(o).every((k) => keys.has(k));
const trimmedUpTo = (v: unknown, min: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= MAX_PROMPT_LENGTH && v.trim() === v;

function fastCheck(v: unknown): v is JobSummary {
  if (!isObject(v) || !onlyKeys(v, SUMMARY_KEYS)) return false;
  const { params, input, error } = v;
  if (typeof v.id !== 'string' || v.id.length === 0 || !STATES.has(v.state) || typeof v.favourite !== 'boolean') return false;
  if (typeof v.createdAt !== 'string' || typeof v.updatedAt !== 'string' || !optionalString(v.importedAt)) return false;
  if (!optionalString(v.requestId) || !optionalString(v.videoPath) || !optionalString(v.posterPath) || !optionalString(v.parentId)) return false;
  if (v.shotId !== undefined && (typeof v.shotId !== 'string' || v.shotId.length > MAX_SHOT_ID)) return false;
  if (v.take !== undefined && (typeof v.take !== 'number' || !Number.isInteger(v.take) || v.take < 1 || v.take > MAX_TAKE)) return false;
  if (!isObject(params) || !onlyKeys(params, PARAM_KEYS) || !trimmedUpTo(params.prompt, 1)) return false;
  if (params.negativePrompt !== undefined && !trimmedUpTo(params.negativePrompt, 0)) return false;
  if (params.model !== undefined && !MODELS.has(params.model)) return false;
  if (!ASPECTS.has(params.aspectRatio) || !LENGTHS.has(params.duration) || !SIZES.has(params.resolution)) return false;
  if (!isObject(input) || !onlyKeys(input, INPUT_KEYS) || (input.kind !== 'file' && input.kind !== 'url')) return false;
  if (!optionalString(input.thumbPath)) return false;
  if (error !== undefined && (!isObject(error) || !onlyKeys(error, ERROR_KEYS) || !KINDS.has(error.kind) || typeof error.message !== 'string')) return false;
  return true;
}

/** The summary if it passes JobSummarySchema, else undefined. */
export function checkSummary(v: unknown): JobSummary | undefined {
  if (fastCheck(v)) return v;
  const parsed = JobSummarySchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}

export { fastCheck as passesFastSummaryCheck };
