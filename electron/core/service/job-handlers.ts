// jobs:* — creating, cancelling, re-checking and re-running jobs. Every new job goes to the provider
// chosen right now (settings + command-line overrides), and never without a key it needs.
import type { GenerationParams, JobRecord } from '../../../shared/domain';
import type { NewJob } from '../jobs/runner';
import { IpcUserError, type Handlers } from '../ipc/router';
import { isInputImageError, prepareImageFile } from '../media/preflight';
import { needsKey } from '../secrets/secret-store';
import type { ProgressTracker } from './progress-tracker';
import type { ServiceContext } from './types';

type JobHandlers = Pick<Handlers, 'jobs:create' | 'jobs:cancel' | 'jobs:recheck' | 'jobs:rerun' | 'jobs:active'>;

export function jobHandlers(ctx: ServiceContext, progress: ProgressTracker): JobHandlers {
  return {
    async 'jobs:create'({ params, imageToken, parentId }) {
      const image = ctx.images.get(imageToken);
      if (!image) throw new IpcUserError('invalid_input', 'The picture is no longer available — drop it again.');
      return startJob(ctx, params, image, parentId);
    },
    async 'jobs:cancel'({ id }) {
      ctx.requireJob(id);
      return ctx.core.runner.cancel(id);
    },
    async 'jobs:recheck'({ id }) {
      ctx.requireJob(id);
      return ctx.core.runner.recheck(id);
    },
    async 'jobs:rerun'({ id }) {
      const rec = ctx.requireJob(id);
      return startJob(ctx, rec.params, await inputImageOf(ctx, rec));
    },
    'jobs:active'() {
      return progress.active();
    },
  };
}

async function startJob(ctx: ServiceContext, params: GenerationParams, image: NewJob['image'], parentId?: string): Promise<JobRecord> {
  const { provider, apiBase } = await ctx.core.target();
  if (needsKey(provider) && !(await ctx.core.secrets.status(provider)).isSet) {
    throw new IpcUserError('failed', `No API key for ${provider} is set. Open Settings and add your key, or try the simulator.`);
  }
  return ctx.core.runner.create({ params, image, provider, apiBase, ...(parentId ? { parentId } : {}) });
}

/** The original picture of an earlier job, checked again as if it had just been dropped. */
async function inputImageOf(ctx: ServiceContext, rec: JobRecord): Promise<NewJob['image']> {
  if (rec.input.kind === 'url') return { url: rec.input.url };
  try {
    return await prepareImageFile(ctx.core.library.resolve(rec.input.path), ctx.opts.preflight);
  } catch (err) {
    if (isInputImageError(err)) {
      throw new IpcUserError('failed', `The input picture of this job can no longer be used: ${err.message} Drop it on Create to start again.`);
    }
    throw err;
  }
}
