// What the app service needs from its face (Electron or the browser host) and what it shares
// between its handler groups.
import type { JobRecord } from '../../../shared/domain';
import type { Core } from '../index';
import type { PreflightOptions } from '../media/preflight';
import type { ImageTokenStore } from './image-tokens';

/** OS integrations only the desktop app has; the browser host passes none. */
export interface NativePlatform {
  /** Shows a native save dialog and copies the video; resolves the chosen path, or null on cancel. */
  saveVideoAs?(absPath: string, suggestedName: string): Promise<string | null>;
  showInFolder?(absPath: string): void;
  /** Shows a native folder picker for a library export/import; resolves the folder, or null on cancel. */
  pickFolder?(purpose: 'export' | 'import'): Promise<string | null>;
}

export interface AppServiceOptions {
  face: 'electron' | 'host';
  /** The host was started with --api-base: its page may not change the provider that base belongs to. */
  apiBaseFromLaunch?: boolean;
  /** Prefix under which library media plays (shared/media-url.ts): host '/media', Electron 'app://veo/media'. */
  mediaBase: string;
  /** Electron passes app.getVersion(); otherwise package.json's version. */
  version?: string;
  preflight?: PreflightOptions;
  imageTokenTtlMs?: number;
  maxImageTokens?: number;
  now?: () => number;
}

/** Shared by the handler groups; built once in createAppService. */
export interface ServiceContext {
  core: Core;
  platform: NativePlatform;
  opts: AppServiceOptions;
  images: ImageTokenStore;
  /** The record, or an IpcUserError('not_found') a person can read. */
  requireJob(id: string): JobRecord;
}
