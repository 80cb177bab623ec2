// app:info, settings:* and the native video actions (Save as…, Show in folder).
import { patchToSettings } from '../../../shared/settings';
import { platform as osPlatform } from 'node:os';
import packageJson from '../../../package.json' with { type: 'json' };
import { videoFileName } from '../../../shared/video-file-name';
import type { JobRecord } from '../../../shared/domain';
import { IN_PROCESS_SIMULATOR } from '../index';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError, type Handlers } from '../ipc/router';
import { writeSidecarQuietly } from '../library/sidecar';
import { refuseApiBaseChangeOnHost, refuseProviderChangeOnHost } from './host-face';
import type { ServiceContext } from './types';

type AppHandlers = Pick<
  Handlers,
  'app:info' | 'settings:get' | 'settings:update' | 'video:saveAs' | 'video:showInFolder'
>;

const PACKAGE_VERSION: string = packageJson.version;

export function appHandlers(ctx: ServiceContext): AppHandlers {
  const { core, platform, opts } = ctx;
  return {
    async 'app:info'() {
      const target = await core.target();
      const apiBase = target.apiBase === IN_PROCESS_SIMULATOR ? (core.simulator()?.baseUrl ?? target.apiBase) : target.apiBase;
      return {
        version: opts.version ?? PACKAGE_VERSION,
        face: opts.face,
        platform: osPlatform(),
        dataDir: core.dataDir,
        mediaBase: opts.mediaBase,
        provider: target.provider,
        apiBase,
        providerFixed: core.providerFixed,
        nativeFiles: Boolean(platform.saveVideoAs && platform.showInFolder),
      };
    },
    'settings:get'() {
      return core.settings();
    },
    'settings:update'(patch) {
      refuseApiBaseChangeOnHost(opts, core.settings(), patch);
      refuseProviderChangeOnHost(opts, core.settings(), patch);
      // Same reason as the API base: a page must not reroute the key's traffic (an http base's
      // tunnel is plaintext to the proxy). The host takes HTTPS_PROXY from its environment.
      if (opts.face === 'host' && patch.proxy !== undefined && (patch.proxy || undefined) !== core.settings().proxy) {
        throw new IpcUserError('unsupported', say('app.host.noProxyChange'));
      }
      // null clears an optional setting: a JSON frame cannot carry `undefined`.
      return core.updateSettings(patchToSettings(patch));
    },
    async 'video:saveAs'({ id }) {
      const save = platform.saveVideoAs;
      if (!save) throw unsupported();
      const rec = ctx.requireJob(id);
      const chosen = await save.call(platform, videoPathOf(ctx, rec), suggestedFileName(rec));
      if (chosen === null) return null;
      await writeSidecarQuietly(chosen, rec);
      return { path: chosen };
    },
    'video:showInFolder'({ id }) {
      const show = platform.showInFolder;
      if (!show) throw unsupported();
      show.call(platform, videoPathOf(ctx, ctx.requireJob(id)));
    },
  };
}

const unsupported = (): IpcUserError => new IpcUserError('unsupported', say('app.desktopOnly'));

function videoPathOf(ctx: ServiceContext, rec: JobRecord): string {
  if (rec.state !== 'completed' || !rec.videoPath) {
    throw new IpcUserError('failed', say('app.video.notYet'));
  }
  return ctx.core.library.resolve(rec.videoPath);
}

/** Save as… and drag-out name a video the same way (shared/video-file-name.ts). */
export const suggestedFileName = videoFileName;
