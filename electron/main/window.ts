// The main window: remembered bounds, the hardened webPreferences, shown once painted (or after a
// timeout), its page reloaded when it crashes or fails to load (page-recovery.ts). One window
// for the whole app; `MainWindow` re-creates it on demand (macOS re-activation, notification clicks).
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import type { Settings } from '../../shared/settings';
import { keepPageAlive } from './page-recovery';
import { MIN_WINDOW, readWindowState, restoreWindowState, WindowStateWriter, type WindowState } from './window-state';

export interface MainWindowOptions {
  dataDir: string;
  /** The URL the window loads: app://veo/index.html. */
  entryUrl: string;
  settings: () => Settings;
  /** The shell's language, for the page-recovery dialog. */
  locale: () => Locale;
  /** Called for every window created, before it loads (IPC wiring, guards, taskbar). */
  onCreated: (win: BrowserWindow) => void;
}

/** Matches the renderer's base background so no white flash shows before the first paint. */
const BACKGROUND = { light: '#f6f6f7', dark: '#151518' } as const;

export function backgroundFor(theme: Settings['theme'], systemDark: boolean): string {
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  return dark ? BACKGROUND.dark : BACKGROUND.light;
}

export class MainWindow {
  private window: BrowserWindow | undefined;
  private creating: Promise<BrowserWindow> | undefined;
  private readonly writer: WindowStateWriter;
  /** Set on quit, once the final position is saved: later `close` events must not start writes. */
  private frozen = false;

  constructor(private readonly opts: MainWindowOptions) {
    this.writer = new WindowStateWriter(opts.dataDir);
  }

  /** The live window, if there is one. */
  get current(): BrowserWindow | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  /** Brings the window to the front, creating it if it was closed. */
  async show(): Promise<BrowserWindow> {
    const win = this.current ?? (await this.create());
    if (win.isMinimized()) win.restore();
    if (win.isVisible()) win.focus();
    return win;
  }

  create(): Promise<BrowserWindow> {
    this.creating ??= this.build().finally(() => {
      this.creating = undefined;
    });
    return this.creating;
  }

  private async build(): Promise<BrowserWindow> {
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const restored = restoreWindowState(await readWindowState(this.opts.dataDir), workAreas);
    const win = new BrowserWindow({
      ...restored.bounds,
      minWidth: MIN_WINDOW.width,
      minHeight: MIN_WINDOW.height,
      title: app.getName(),
      show: false,
      backgroundColor: backgroundFor(this.opts.settings().theme, nativeTheme.shouldUseDarkColors),
      webPreferences: {
        preload: path.join(app.getAppPath(), 'dist', 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: true,
        navigateOnDragDrop: false,
      },
    });
    this.window = win;
    keepPageAlive(win, {
      entryUrl: this.opts.entryUrl,
      locale: this.opts.locale,
      showFirst: () => {
        if (restored.maximized) win.maximize();
        win.show();
      },
    });
    win.on('close', () => {
      if (!this.frozen) void this.remember(win);
    });
    win.on('closed', () => {
      if (this.window === win) this.window = undefined;
    });
    this.opts.onCreated(win);
    void win.loadURL(this.opts.entryUrl).catch((err: unknown) => {
      console.error('[veo] the window could not load its page:', err instanceof Error ? err.message : err);
    });
    return win;
  }

  /** On quit: saves the final position, waits for every pending write, then stops saving. */
  async persistForQuit(): Promise<void> {
    const win = this.current;
    if (win && !this.frozen) await this.remember(win);
    this.frozen = true;
    await this.writer.idle();
  }

  private remember(win: BrowserWindow): Promise<void> {
    // Normal bounds: a maximized window reopens maximized over its previous un-maximized size.
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized() };
    return this.writer.save(state);
  }
}
