// jobs:* — creating, cancelling, re-checking and re-running jobs. Every new job goes to the provider
// chosen right now (settings + command-line overrides), never without a key it needs, and never
// past the spend guard (core/spend): the renderer's confirm dialog only relays its answer.
import type { GenerationParams, JobInput, JobRecord } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
import { modelIssues, picturesProblem } from '../../../shared/models';
import type { Target } from '../index';
import type { NewJob } from '../jobs/runner';
import { takesInShot, variantOf } from '../jobs/variants';
import { IpcUserError, type Handlers } from '../ipc/router';
import { isInputImageError, prepareImageFile } from '../media/preflight';
import { needsKey } from '../secrets/secret-store';
import { secondFinalRefusal } from '../spend/one-final';
import type { ProgressTracker } from './progress-tracker';
import type { ServiceContext } from './types';

type JobHandlers = Pick<Handlers, 'jobs:create' | 'jobs:cancel' | 'jobs:recheck' | 'jobs:rerun' | 'jobs:active'>;

export function jobHandlers(ctx: ServiceContext, progress: ProgressTracker): JobHandlers {
  return {
    async 'jobs:create'({ params, imageToken, lastImageToken, parentId, shotId, take, batchSize, confirmedUsd }) {
      const image = ctx.images.get(imageToken);
      if (!image) throw new IpcUserError('invalid_input', say('app.picture.gone'));
      const lastFrame = lastImageToken === undefined ? undefined : ctx.images.get(lastImageToken);
      if (lastImageToken !== undefined && !lastFrame) throw new IpcUserError('invalid_input', say('app.picture.lastFrameGone'));
      const target = await ctx.core.target();
      const { provider } = target;
      // The same settings, picture, parent and take twice is one request (a double click), not two
      // jobs; takes of one shot differ by their take number even where the model has no seed.
      const key = JSON.stringify(['create', provider, params, imageToken, lastImageToken ?? null, parentId ?? null, shotId ?? null, take ?? null]);
      return ctx.core.spendGuard.spend({ key, provider, params, jobs: batchSize, confirmedUsd }, () =>
        startJob(ctx, target, params, { image, lastFrame }, { parentId, shotId, take }),
      );
    },
    async 'jobs:cancel'({ id }) {
      ctx.requireJob(id);
      return ctx.core.runner.cancel(id);
    },
    async 'jobs:recheck'({ id }) {
      ctx.requireJob(id);
      return ctx.core.runner.recheck(id);
    },
    async 'jobs:rerun'({ id, as = 'retry', confirmedUsd }) {
      const rec = ctx.requireJob(id);
      const variant = variantOf(rec, as, as === 'take' ? takesInShot(ctx.core.library.takesOf(rec.shotId ?? rec.id), rec.shotId ?? rec.id) : 0);
      if ('refused' in variant) throw new IpcUserError('invalid_input', variant.refused);
      const target = await ctx.core.target();
      const { provider } = target;
      // Priced at the provider it will go to now, which may not be the one the original went to.
      const key = JSON.stringify(['rerun', provider, id, as]);
      // One final per draft: a later press (past the de-duplication window, or from another face) is refused.
      const refusal = as === 'final' ? () => secondFinalRefusal(ctx.core.library, rec) : undefined;
      return ctx.core.spendGuard.spend({ key, provider, params: variant.params, confirmedUsd, refusal }, async () =>
        startJob(ctx, target, variant.params, await picturesOf(ctx, rec), variant.links),
      );
    },
    'jobs:active'() {
      return progress.active();
    },
  };
}

/** Starts the job at the target it was priced for, so the guard's quote and the charge agree. */
async function startJob(
  ctx: ServiceContext,
  { provider, apiBase }: Target,
  params: GenerationParams,
  { image, lastFrame }: Pick<NewJob, 'image' | 'lastFrame'>,
  links: Pick<NewJob, 'parentId' | 'shotId' | 'take'>,
): Promise<JobRecord> {
  if (needsKey(provider) && !(await ctx.core.secrets.status(provider)).isSet) {
    throw new IpcUserError('failed', say('app.key.missing', { provider }));
  }
  const refused = modelIssues(params, 'create')[0] ?? picturesProblem(params.model, lastFrame !== undefined, 'create');
  if (refused) throw new IpcUserError('invalid_input', refused);
  const { parentId, shotId, take } = links;
  return ctx.core.runner.create({ params, image, ...(lastFrame ? { lastFrame } : {}), provider, apiBase, ...(parentId ? { parentId } : {}), ...(shotId ? { shotId, take: take ?? 1 } : {}) });
}

/** The pictures of an earlier job (its input, and a first–last-frame job's last frame), checked again. */
async function picturesOf(ctx: ServiceContext, rec: JobRecord): Promise<Pick<NewJob, 'image' | 'lastFrame'>> {
  return { image: await pictureOf(ctx, rec.input), ...(rec.lastFrame ? { lastFrame: await pictureOf(ctx, rec.lastFrame) } : {}) };
}

/** One picture of an earlier job, checked again as if it had just been dropped. */
async function pictureOf(ctx: ServiceContext, input: JobInput): Promise<NewJob['image']> {
  if (input.kind === 'url') return { url: input.url };
  try {
    return await prepareImageFile(ctx.core.library.resolve(input.path), ctx.opts.preflight);
  } catch (err) {
    if (isInputImageError(err)) {
      throw new IpcUserError('failed', say('app.picture.rerunUnusable', { reason: err.message }));
    }
    throw err;
  }
}
