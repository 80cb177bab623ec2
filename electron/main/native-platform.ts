// The desktop-only file actions the app service calls: "Save video as…" (native dialog, then a
// durable copy), "Show in folder" and the folder picker of library export/import.
// The service resolves and checks library paths first.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage, say } from '../../shared/i18n/messages';
import type { Settings } from '../../shared/settings';
import { fsyncFile, renameDurable, tempPathFor } from '../core/fs/atomic';
import { IpcUserError } from '../core/ipc/router';
import type { NativePlatform } from '../core/service';

export interface NativePlatformOptions {
  settings: () => Settings;
  /** The window dialogs attach to (sheet on macOS), if one is open. */
  parentWindow: () => BrowserWindow | undefined;
  /** The shell's language: dialog titles, buttons and filter names. */
  locale: () => Locale;
}

export function createNativePlatform(opts: NativePlatformOptions): NativePlatform {
  const t = (id: Parameters<typeof formatMessage>[1]) => formatMessage(opts.locale(), id);
  return {
    async saveVideoAs(absPath, suggestedName) {
      const dialogOptions: SaveDialogOptions = {
        title: t('desktop.dialog.saveVideoAs'),
        defaultPath: path.join(startFolder(opts.settings()), safeFileName(suggestedName)),
        filters: [{ name: t('desktop.dialog.mp4Filter'), extensions: ['mp4'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = opts.parentWindow();
      const choice = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return null;
      const target = path.extname(choice.filePath) ? choice.filePath : `${choice.filePath}.mp4`;
      await copyDurably(absPath, target);
      return target;
    },
    showInFolder(absPath) {
      shell.showItemInFolder(absPath);
    },
    async pickFolder(purpose) {
      const dialogOptions: OpenDialogOptions = {
        title: t(purpose === 'export' ? 'desktop.dialog.exportTitle' : 'desktop.dialog.importTitle'),
        buttonLabel: t(purpose === 'export' ? 'desktop.dialog.exportButton' : 'desktop.dialog.importButton'),
        defaultPath: startFolder(opts.settings()),
        properties: ['openDirectory', 'createDirectory'],
      };
      const parent = opts.parentWindow();
      const choice = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  };
}

/** The folder from Settings, else the OS Videos folder, else Downloads / home. */
function startFolder(settings: Settings): string {
  if (settings.downloadDir) return settings.downloadDir;
  for (const name of ['videos', 'downloads', 'home'] as const) {
    try {
      return app.getPath(name);
    } catch {
      // Some Linux desktops define no XDG Videos folder; fall through to the next candidate.
    }
  }
  return '';
}

/** The suggested name comes from the service, but only its last segment is ever used. */
function safeFileName(name: string): string {
  const base = [...path.basename(name)].map((ch) => (ch < ' ' || '<>:"/\\|?*'.includes(ch) ? '-' : ch)).join('');
  return base.length > 0 ? base : 'video.mp4';
}

/** Copy to a sibling temp file, then rename: the destination is never a half-written video. */
async function copyDurably(from: string, to: string): Promise<void> {
  const tmp = tempPathFor(to);
  try {
    await fsp.copyFile(from, tmp);
    await fsyncFile(tmp);
    await renameDurable(tmp, to);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    // Coded, so the page shows it in the user's language; the reason is a select key, not words.
    const errno = (err as NodeJS.ErrnoException).code ?? '';
    const why = errno === 'EACCES' || errno === 'EPERM' ? 'permission' : errno === 'ENOSPC' ? 'diskFull' : errno ? 'errno' : 'unknown';
    throw Object.assign(new IpcUserError('failed', say('desktop.saveAs.failed', { path: to, why, errno })), { cause: err });
  }
}
