// The app service: every invoke channel of shared/contract.ts as plain handlers over the core, plus
// the event stream the renderer listens to. Both faces use it unchanged — Electron's IPC router and
// the browser host's WebSocket — so behaviour cannot drift between them. Electron-free on purpose.
import type { EventChannel } from '../../../shared/contract';
import type { Core } from '../index';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { appHandlers } from './app-handlers';
import { chainHandlers } from './chain-handlers';
import { takesHandlers } from './takes-handlers';
import { imageHandlers } from './image-handlers';
import { ImageTokenStore } from './image-tokens';
import { jobHandlers } from './job-handlers';
import { keyHandlers } from './key-handlers';
import { libraryHandlers } from './library-handlers';
import { portableHandlers } from './portable-handlers';
import { posterHandlers } from './poster-handlers';
import { sidecarHandlers } from './sidecar-handlers';
import { spendHandlers } from './spend-handlers';
import { ProgressTracker } from './progress-tracker';
import type { AppServiceOptions, NativePlatform, ServiceContext } from './types';

export type { AppServiceOptions, NativePlatform } from './types';
export { MAX_IMAGE_BYTES } from './image-handlers';

export type ServiceEmit = (channel: EventChannel, payload: unknown) => void;

export interface AppService {
  handlers: Handlers;
  /** Forwards core events to one face; returns its unsubscribe. */
  subscribe(emit: ServiceEmit): () => void;
  /** Drops held pictures and listeners. The core is closed by whoever created it. */
  close(): Promise<void>;
}

export function createAppService(core: Core, platform: NativePlatform, opts: AppServiceOptions): AppService {
  const images = new ImageTokenStore({
    ...(opts.imageTokenTtlMs !== undefined ? { ttlMs: opts.imageTokenTtlMs } : {}),
    ...(opts.maxImageTokens !== undefined ? { maxEntries: opts.maxImageTokens } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const progress = new ProgressTracker(core, opts.now);
  const ctx: ServiceContext = {
    core,
    platform,
    opts,
    images,
    requireJob(id) {
      const rec = core.library.get(id);
      if (!rec) throw new IpcUserError('not_found', say('app.library.jobGone'));
      return rec;
    },
  };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...imageHandlers(ctx),
    ...jobHandlers(ctx, progress),
    ...libraryHandlers(ctx),
    ...portableHandlers(ctx),
    ...posterHandlers(ctx),
    ...sidecarHandlers(ctx),
    ...spendHandlers(ctx),
    ...chainHandlers(ctx),
    ...takesHandlers(ctx),
    ...keyHandlers(ctx),
  };
  const subscriptions = new Set<() => void>();

  return {
    handlers,
    subscribe(emit) {
      const offs = [
        core.runner.events.on('job:updated', (rec) => emit('job:updated', rec)),
        core.runner.events.on('job:progress', (p) => emit('job:progress', p)),
        core.library.onChange((change) =>
          emit('library:changed', { type: change.type, id: change.type === 'put' ? change.record.id : change.id }),
        ),
      ];
      const unsubscribe = (): void => {
        for (const off of offs) off();
        subscriptions.delete(unsubscribe);
      };
      subscriptions.add(unsubscribe);
      return unsubscribe;
    },
    async close() {
      for (const unsubscribe of [...subscriptions]) unsubscribe();
      progress.close();
      images.clear();
    },
  };
}
