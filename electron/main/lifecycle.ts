// App lifecycle: one instance, the shell opened once Electron is ready, the window brought back by a
// second launch or a dock click, and a graceful shutdown (jobs stop being followed and resume on the
// next start; the library lock is released). On macOS the app — and its jobs — keep running with
// the window closed. Pictures the OS asks us to open (argv, 'second-instance', macOS 'open-file')
// are collected from the start and handed to the window once there is one.
import { app, dialog } from 'electron';
import { formatMessage } from '../../shared/i18n/messages';
import { trustedOrigins } from './app-origin';
import { openDesktopShell, type DesktopShell } from './desktop-shell';
import { installWebContentsGuards } from './guards';
import { shellLocale } from './shell-locale';
import { imagePathsFromArgv, openableImagePath, OpenRequests } from './open-files';

/** Longest a quit waits for jobs to stop and files to flush before leaving anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

export function startVeoStudio(): void {
  const isDev = !app.isPackaged;
  const origins = trustedOrigins();
  // Before any webContents exists, so none escapes the navigation / window-open guards.
  installWebContentsGuards(origins);

  let shell: DesktopShell | undefined;
  let shutDown = false;
  let shuttingDown = false;
  const opens = new OpenRequests();

  const showWindow = (): void => {
    shell?.window.show().catch((err: unknown) => console.error('[veo] could not show the window:', err));
  };
  // macOS: before `ready` on purpose — a picture double-clicked while the app is not running
  // arrives as 'open-file' during launch, and without preventDefault the OS reports a failure.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const image = openableImagePath(file, process.cwd());
    if (image) opens.add([image]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const images = imagePathsFromArgv(argv, workingDirectory);
    // openImage shows the window itself; a plain second launch just brings it back.
    if (images.length > 0) opens.add(images);
    else showWindow();
  });
  opens.add(imagePathsFromArgv(process.argv, process.cwd()));
  app.on('activate', () => {
    if (shell && !shell.window.current) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (shutDown || !shell) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    opens.close();
    void withTimeout(shell.close(), SHUTDOWN_TIMEOUT_MS)
      .catch((err: unknown) => console.error('[veo] shutdown did not finish cleanly:', err instanceof Error ? err.message : err))
      .finally(() => {
        shutDown = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      const opened = await openDesktopShell({ dataDir: app.getPath('userData'), trustedOrigins: origins, isDev });
      shell = opened;
      opens.attach((image) => opened.openImage(image));
    })
    .catch(failStartup);
}

/** Startup problems people can act on (most often: the CLI holds the library) — shown, then exit. */
function failStartup(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error('[veo] Veo Studio could not start:', message);
  // The settings may be what failed to load: the title follows the OS's language. The message is
  // the core's own sentence, as it came.
  if (app.isReady()) dialog.showErrorBox(formatMessage(shellLocale('system', app), 'desktop.startup.failed'), message);
  app.exit(1);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
