// Keeps the window's page alive and visible. Without this a renderer crash (an out-of-memory on a
// huge dropped picture, which the page now decodes itself) left a blank window for good, and a page
// that failed before its first paint left no visible window at all: the window was shown only on
// 'ready-to-show', which then never comes. Jobs and the library live in main, so reloading the page
// loses nothing saved.
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import { app, dialog } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage } from '../../shared/i18n/messages';

/** Show the window anyway when 'ready-to-show' has not come by then (a failed or hung first load). */
export const SHOW_TIMEOUT_MS = 5_000;
/** Reloads in a row before we stop and ask: a page that dies on every load must not loop forever. */
export const MAX_RELOADS = 3;
/** First reload after 1 s, then 2 s, 4 s: a crash caused by the moment gets time to pass. */
export const RELOAD_BACKOFF_MS = 1_000;
/** A page that stayed up this long after loading has recovered: the count starts again. */
export const STABLE_MS = 60_000;

/** Chromium's ERR_ABORTED: a load replaced by another (a reload, our own navigation), not a failure. */
const ERR_ABORTED = -3;

export interface PageRecoveryOptions {
  /** The page to (re)load: app://veo/index.html. */
  entryUrl: string;
  /** Shows the window the first time (restoring maximized state first). */
  showFirst(): void;
  /** The shell's language when the dialog is shown. */
  locale: () => Locale;
  now?: () => number;
}

/** What went wrong with the page, as data: English for the log, the user's language for the dialog. */
export type PageProblem =
  | { problem: 'crashed'; reason: string; exitCode: number }
  | { problem: 'failedLoad'; reason: string; url: string };

/** The log line's words (logs stay English). */
function logWords(p: PageProblem): string {
  return p.problem === 'crashed'
    ? `The window’s page stopped (${p.reason}, exit code ${p.exitCode})`
    : `The window’s page could not load (${p.reason} for ${p.url})`;
}

/** The dialog shown after MAX_RELOADS failed reloads, in `locale`. */
export function giveUpDialog(locale: Locale, p: PageProblem): { message: string; detail: string; buttons: string[] } {
  const params = p.problem === 'crashed' ? { ...p, url: '' } : { ...p, exitCode: 0 };
  return {
    message: formatMessage(locale, 'desktop.recovery.title'),
    detail: formatMessage(locale, 'desktop.recovery.detail', { ...params, times: MAX_RELOADS + 1 }),
    buttons: [formatMessage(locale, 'desktop.recovery.reload'), formatMessage(locale, 'desktop.recovery.quit')],
  };
}

export function keepPageAlive(win: BrowserWindow, opts: PageRecoveryOptions): void {
  const now = opts.now ?? Date.now;
  const contents = win.webContents;
  let shown = false;
  let reloads = 0;
  let loadedAt = 0;
  let pending: NodeJS.Timeout | undefined;
  let asking = false;

  const showOnce = (): void => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    clearTimeout(showTimer);
    opts.showFirst();
  };
  // Declared after showOnce, which only runs later (from this timer or an event).
  const showTimer = setTimeout(showOnce, SHOW_TIMEOUT_MS);
  win.once('ready-to-show', showOnce);
  win.once('closed', () => {
    clearTimeout(showTimer);
    clearTimeout(pending);
  });

  const load = (): void => {
    if (win.isDestroyed()) return;
    void win.loadURL(opts.entryUrl).catch(() => undefined); // a failure arrives as 'did-fail-load'
  };

  const recover = (problem: PageProblem): void => {
    const what = logWords(problem);
    if (win.isDestroyed() || pending || asking) return;
    showOnce(); // a blank window the user can see (and close) beats none at all
    if (loadedAt > 0 && now() - loadedAt >= STABLE_MS) reloads = 0;
    if (reloads >= MAX_RELOADS) {
      void askUser(problem);
      return;
    }
    const delay = RELOAD_BACKOFF_MS * 2 ** reloads;
    reloads += 1;
    console.error(`[veo] ${what}; reloading it in ${delay / 1000} s (attempt ${reloads} of ${MAX_RELOADS}).`);
    pending = setTimeout(() => {
      pending = undefined;
      load();
    }, delay);
  };

  const askUser = async (problem: PageProblem): Promise<void> => {
    asking = true;
    console.error(`[veo] ${logWords(problem)}; gave up after ${MAX_RELOADS} reloads.`);
    const { response } = await dialog.showMessageBox(win, {
      type: 'error',
      ...giveUpDialog(opts.locale(), problem),
      defaultId: 0,
      cancelId: 0,
    });
    asking = false;
    if (response === 1) {
      app.quit();
      return;
    }
    reloads = 0;
    load();
  };

  contents.on('did-finish-load', () => {
    loadedAt = now();
  });
  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // 'clean-exit' is the page closing with its window, not a crash.
    if (details.reason === 'clean-exit') return;
    recover({ problem: 'crashed', reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('did-fail-load', (_event, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    recover({ problem: 'failedLoad', reason: errorDescription || String(errorCode), url: validatedURL });
  });
}
