// Composition of the running desktop app, once Electron is ready: the core and its service, the
// protocols, IPC, the window, the menu and the job activity shown outside the page. Returns the one
// thing lifecycle.ts needs afterwards — a way to bring the window back and to close it all.
import path from 'node:path';
import { app, Menu, session, shell } from 'electron';
import type { AppCommand } from '../../shared/contract';
import { ACTIVE_STATES } from '../../shared/domain';
import { createCore, type Core } from '../core';
import { createRouter } from '../core/ipc/router';
import { createAppService } from '../core/service';
import { APP_ENTRY_URL, APP_MEDIA_BASE } from './app-origin';
import { installContextMenu } from './context-menu';
import { createDragItemResolver } from './drag';
import { desktopKeychain } from './keychain';
import { installPermissionGuards } from './guards';
import { setupIpc } from './ipc';
import { JobActivity } from './job-activity';
import { buildMenuTemplate } from './menu';
import { shellLocale } from './shell-locale';
import { createNativePlatform } from './native-platform';
import { JobNotifier } from './notifier';
import { handleAppProtocols } from './protocols';
import { TaskbarProgress } from './taskbar';
import { chooseImage } from './open-image-dialog';
import { MainWindow } from './window';

export interface ShellOptions {
  dataDir: string;
  trustedOrigins: readonly string[];
  isDev: boolean;
}

export interface DesktopShell {
  readonly window: MainWindow;
  /** Shows the window and hands the renderer a picture the OS asked us to open. */
  openImage(path: string): void;
  /** Stops following jobs (they resume next start), saves the window position, releases the library. */
  close(): Promise<void>;
}

export async function openDesktopShell(opts: ShellOptions): Promise<DesktopShell> {
  const core = await createCore({
    dataDir: opts.dataDir,
    // The OS proxy (PAC, WPAD, manual) as Chromium resolves it; the core stays Electron-free.
    systemProxy: (url) => session.defaultSession.resolveProxy(url),
    keychain: desktopKeychain(opts.dataDir),
    onLibraryProblem: (p) => console.warn(`[veo] library: skipped line ${p.line}: ${p.reason}`),
  });
  if (core.settingsProblem) console.warn(`[veo] ${core.settingsProblem}`);
  try {
    return wireShell(core, opts);
  } catch (err) {
    await core.close().catch(() => undefined);
    throw err;
  }
}

function wireShell(core: Core, opts: ShellOptions): DesktopShell {
  // The hooks below reach the window lazily (mainWindow is created further down, before any of
  // them can run).
  const currentWindow = () => mainWindow.current;
  /** Read at each use: a Language change reaches dialogs, notifications and right-clicks at once. */
  const locale = () => shellLocale(core.settings().language, app);

  const platform = createNativePlatform({ settings: () => core.settings(), parentWindow: currentWindow, locale });
  const service = createAppService(core, platform, {
    face: 'electron',
    mediaBase: APP_MEDIA_BASE,
    version: app.getVersion(),
  });
  handleAppProtocols({
    rendererDir: path.join(app.getAppPath(), 'dist', 'renderer'),
    libraryDir: core.library.dir,
  });
  installPermissionGuards(session.defaultSession, opts.trustedOrigins);
  const ipc = setupIpc({
    router: createRouter({
      ...service.handlers,
      // The core has no settings event; this is the one road a settings change takes from the
      // page, so the menu learns of a new Language here (the other texts read it when shown).
      'settings:update': async (patch) => {
        const settings = await service.handlers['settings:update'](patch);
        if (patch.language !== undefined) installMenu();
        return settings;
      },
    }),
    subscribe: (emit) => service.subscribe(emit),
    trustedOrigins: opts.trustedOrigins,
    dragItemFor: createDragItemResolver(core.library, path.join(opts.dataDir, 'drag-out')),
  });

  /**
   * Brings the window to the front (re-creating it on macOS), then tells the renderer. Only after
   * show(): a window is attached to IPC once created, and its events are held until its page loads.
   */
  const sendToWindow = (send: () => void): void => {
    void mainWindow
      .show()
      .then(send)
      .catch((err: unknown) => console.error('[veo] could not show the window:', err));
  };
  const commandWindow = (command: AppCommand, jobId?: string): void => sendToWindow(() => ipc.command(command, jobId));
  /** "Open with", a second launch's argv and File ▸ Open Image… all end here. */
  const openImage = (path: string): void => sendToWindow(() => ipc.broadcast('app:openImage', { path }));

  const activity = new JobActivity(core.library.list({ states: [...ACTIVE_STATES] }));
  const taskbar = new TaskbarProgress(currentWindow);
  const notifier = new JobNotifier({
    enabled: () => core.settings().notifications,
    windowFocused: () => currentWindow()?.isFocused() ?? false,
    openJob: (id) => commandWindow('job:open', id),
    locale,
  });
  const offs = [
    core.runner.events.on('job:updated', (rec) => {
      const finished = activity.update(rec);
      taskbar.show(activity.summary());
      if (finished) notifier.finished(finished);
    }),
    core.runner.events.on('job:progress', (p) => {
      activity.progress(p);
      taskbar.show(activity.summary());
    }),
    core.library.onChange((change) => {
      if (change.type === 'delete') activity.forget(change.id);
    }),
  ];

  const mainWindow = new MainWindow({
    dataDir: opts.dataDir,
    entryUrl: APP_ENTRY_URL,
    settings: () => core.settings(),
    locale,
    onCreated: (win) => {
      ipc.attachWindow(win);
      installContextMenu(win, locale);
      taskbar.reset();
      win.once('ready-to-show', () => taskbar.show(activity.summary()));
      // Windows shutdown / log-off: no before-quit, will-quit or quit there (Electron docs, app.md),
      // and Electron terminates the process as soon as this returns (native_window_views_win.cc,
      // WM_ENDSESSION) — no async close can finish. Release the library lock now, so the next start
      // does not have to judge a stale lock by a pid Windows may have reused; start the rest anyway.
      win.on('session-end', () => {
        core.library.releaseLockNow();
        void close();
      });
    },
  });

  /** (Re)builds the application menu in the current language: at start and on a Language change. */
  function installMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isDev: opts.isDev,
          appName: app.getName(),
          locale: locale(),
          command: commandWindow,
          openExternal: (url) => void shell.openExternal(url),
          openDataFolder: () => void shell.openPath(opts.dataDir),
          openImageDialog: () => void chooseImage(currentWindow(), locale(), openImage).catch((err: unknown) => console.error('[veo] the image chooser failed:', err)),
        }),
      ),
    );
  }
  installMenu();

  mainWindow.create().catch((err: unknown) => console.error('[veo] could not open the window:', err));
  // Jobs left unfinished by the last run carry on now; their events reach the page once it loads.
  core.runner.resumeAll();

  let closing: Promise<void> | undefined;
  /** Idempotent: a session end and a quit may both ask. */
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const off of offs) off();
      notifier.closeAll();
      await mainWindow.persistForQuit();
      ipc.dispose();
      await settle('service', service.close());
      await settle('core', core.close());
    })();
    return closing;
  };
  return { window: mainWindow, openImage, close };
}

async function settle(what: string, work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (err) {
    console.error(`[veo] closing the ${what} failed:`, err instanceof Error ? err.message : err);
  }
}
