// `generate`: validate everything locally first (exit 2 before any money is spent), then submit,
// follow with live progress on stderr, download into the library and copy to --out.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { GenerationParamsSchema, type GenerationParams, type JobRecord } from '../../../shared/domain';
import { DEFAULT_MODEL, MODEL_IDS, modelById, modelIssues, picturesIssue, type ModelIssue } from '../../../shared/models';
import { formatUsd } from '../../../shared/pricing';
import { needsKey, PROVIDER_INFO } from '../../../shared/providers';
import { IN_PROCESS_SIMULATOR, type Core } from '../../core';
import type { NewJob } from '../../core/jobs/runner';
import { writeSidecarQuietly } from '../../core/library/sidecar';
import { checkImageUrl } from '../../core/media/image-url';
import { SpendNeedsConfirmation } from '../../core/spend/spend-guard';
import { isInputImageError, prepareImageFile, type PreparedImage } from '../../core/media/preflight';
import { fsyncFile, renameDurable, tempPathFor } from '../../core/fs/atomic';
import type { ParsedOptions } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { describeJob, jobToJson, stopWords, watchJobs } from '../output';

const FLAG_OF: Record<ModelIssue['field'] | 'prompt', string> = {
  aspectRatio: '--aspect-ratio',
  duration: '--duration',
  resolution: '--resolution',
  prompt: '--prompt',
  negativePrompt: '--negative-prompt',
  seed: '--seed',
};

/** Everything is checked here, before a byte is sent: an unknown model or an option it refuses exits 2. */
export function paramsFromOptions(o: ParsedOptions): GenerationParams {
  const model = modelById(o.model ?? DEFAULT_MODEL);
  if (!model) throw new UsageError(`--model: unknown model "${o.model}". Known models: ${MODEL_IDS.join(', ')} (see "models").`);
  if (!o.prompt) throw new UsageError('--prompt is required: describe the shot you want.');
  let seed: number | undefined;
  if (o.seed !== undefined) {
    seed = Number(o.seed);
    if (!/^\d+$/.test(o.seed)) throw new UsageError(`--seed must be a whole number (got "${o.seed}").`);
  }
  const parsed = GenerationParamsSchema.safeParse({
    model: model.id,
    prompt: o.prompt,
    aspectRatio: o['aspect-ratio'],
    duration: o.duration,
    resolution: o.resolution,
    generateAudio: !o['no-audio'],
    negativePrompt: o['negative-prompt'],
    seed,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = FLAG_OF[String(issue?.path[0]) as keyof typeof FLAG_OF] ?? 'input';
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  const refused = modelIssues(parsed.data)[0];
  if (refused) throw new UsageError(`${FLAG_OF[refused.field]}: ${refused.message} Nothing was sent.`);
  const pictures = picturesIssue(model.id, o['last-frame'] !== undefined);
  if (pictures) throw new UsageError(`--last-frame: ${pictures} Nothing was sent.`);
  return parsed.data;
}

export async function loadImage(ref: string | undefined, flag: '--image' | '--last-frame' = '--image'): Promise<PreparedImage | { url: string }> {
  if (!ref) throw new UsageError(`${flag} is required: a PNG, JPEG or WebP file, or an https:// URL.`);
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return checkImageUrl(ref);
    return await prepareImageFile(ref);
  } catch (err) {
    if (isInputImageError(err) && err.code === 'not_found') throw new UsageError(`${flag}: ${unopenableFile(resolvePath(ref), err.cause)}`);
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
}

/**
 * Preflight speaks the app picker's language ("pick it again", the bare file name); a shell user
 * needs the full path that was tried and what to check.
 */
function unopenableFile(fullPath: string, cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `${fullPath} could not be opened: permission denied. Check its permissions, or copy it somewhere you can read.`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `there is no file at ${fullPath}. Check the path.`;
  if (code === 'EISDIR') return `${fullPath} is a folder, not a file. Give the path of a PNG, JPEG or WebP image.`;
  return `${fullPath} is not a file (a device, a pipe or a socket). Give the path of a PNG, JPEG or WebP image.`;
}

export async function runGenerate(core: Core, o: ParsedOptions, io: CliIo, signal: AbortSignal): Promise<number> {
  const params = paramsFromOptions(o);
  const image = await loadImage(o.image);
  if ('warnings' in image) for (const w of image.warnings) io.err(`note: ${w.message}`);
  const lastFrame = o['last-frame'] === undefined ? undefined : await loadImage(o['last-frame'], '--last-frame');
  if (lastFrame && 'warnings' in lastFrame) for (const w of lastFrame.warnings) io.err(`note (last frame): ${w.message}`);
  if (needsKey(core.provider) && !(await core.secrets.status(core.provider)).isSet) {
    throw new UsageError(`No API key is set for ${PROVIDER_INFO[core.provider].label}. Run: printf %s "$KEY" | npm run cli -- key set`);
  }

  const unsubscribe = watchJobs(core.runner.events, io.err);
  try {
    const created = await startThroughSpendGuard(core, params, { image, lastFrame }, o['confirm-spend']);
    io.err(`Job ${created.id} created. ${stopWords(created.apiBase === IN_PROCESS_SIMULATOR).created}`);
    const rec = await core.runner.wait(created.id);
    if (signal.aborted) return EXIT.failed;
    if (rec.state === 'completed' && rec.videoPath && o.out) {
      await copyInto(core.library.resolve(rec.videoPath), resolvePath(o.out));
      io.err(`Saved a copy to ${resolvePath(o.out)}`);
      const sidecar = await writeSidecarQuietly(resolvePath(o.out), rec);
      if (sidecar) io.err(`Wrote its settings to ${sidecar}`);
    }
    const resolve = (rel: string) => core.library.resolve(rel);
    io.out(o.json ? JSON.stringify(jobToJson(rec, resolve)) : describeJob(rec, resolve));
    return rec.state === 'completed' ? EXIT.ok : EXIT.failed;
  } finally {
    unsubscribe();
  }
}

/** The CLI spends through the same guard as the app: above the user's limit it asks for --confirm-spend. */
async function startThroughSpendGuard(
  core: Core,
  params: GenerationParams,
  { image, lastFrame }: Pick<NewJob, 'image' | 'lastFrame'>,
  confirm: string | undefined,
): Promise<JobRecord> {
  const confirmedUsd = confirm === undefined ? undefined : Number(confirm);
  if (confirmedUsd !== undefined && !(Number.isFinite(confirmedUsd) && confirmedUsd >= 0)) {
    throw new UsageError(`--confirm-spend must be an amount in dollars, e.g. 3.20 (got "${confirm}").`);
  }
  const request = { key: JSON.stringify(['cli', core.provider, params]), provider: core.provider, params, confirmedUsd };
  try {
    return await core.spendGuard.spend(request, () =>
      core.runner.create({ params, image, ...(lastFrame ? { lastFrame } : {}), provider: core.provider, apiBase: core.apiBase }),
    );
  } catch (err) {
    if (!(err instanceof SpendNeedsConfirmation)) throw err;
    const { usd, limit } = err.quote;
    throw new UsageError(
      `This job is estimated at ${formatUsd(usd)}, above your limit of ${formatUsd(limit)}. Nothing was sent. Run again with --confirm-spend ${usd.toFixed(2)} to go ahead.`,
    );
  }
}

/** Copy then rename, so a crash never leaves a half-written file under the user's chosen name. */
async function copyInto(src: string, dest: string): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = tempPathFor(dest);
  await copyFile(src, tmp);
  await fsyncFile(tmp);
  await renameDurable(tmp, dest);
}
