// Pictures the OS asked the desktop app to open ("Open with Veo Studio", a double-click, the dock
// icon) arrive as `app:openImage` events and go through the same intake as a file dropped in the
// window: image:prepare with the path, so the drop zone shows the preview and the warnings.
import type { VeoApi } from '../../shared/contract';
import type { Stores } from './index';

/**
 * Opening several pictures at once arrives as one event per picture, each its own IPC message.
 * Paths that arrive this close together are taken as one batch — like dropping them together,
 * which queues one job per picture — rather than each replacing the one before.
 */
export const OPEN_BATCH_MS = 150;
/** More than this in one batch is not a selection anyone means to turn into jobs at once. */
export const MAX_OPEN_BATCH = 50;

/**
 * Subscribes to `app:openImage` for the life of the page; returns the unsubscribe.
 *
 * Call it before the first render, not from a React effect: main sends the pictures a launch was
 * asked to open as soon as the page has loaded, and effects may run after that — an event with no
 * listener is lost. Module code runs before the page's load event, so this listener is in time.
 */
export function listenForOpenedImages(api: VeoApi, stores: Stores, batchMs = OPEN_BATCH_MS): () => void {
  let batch: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const paths = batch;
    batch = [];
    if (paths.length > 0) void stores.create.getState().addImages(paths.map((path) => ({ kind: 'path', path })));
  };

  const off = api.on('app:openImage', ({ path }) => {
    if (typeof path !== 'string' || path.length === 0) return;
    stores.app.getState().setView('create');
    if (batch.includes(path) || batch.length >= MAX_OPEN_BATCH) return;
    batch.push(path);
    if (!timer) {
      // "Preparing" right away, so the drop zone answers the double-click before the batch closes.
      stores.create.getState().beginIntake();
      timer = setTimeout(flush, batchMs);
    }
  });

  return () => {
    clearTimeout(timer);
    timer = undefined;
    batch = [];
    off();
  };
}
