// Builds the `window.veo` API from the contract's channel lists, so the preload can never drift from
// shared/contract.ts: one method per invoke channel (`jobs:create` → `veo.jobs.create`), `on` for
// the event channels only, plus the two desktop-only helpers. No Electron import here: preload.ts
// hands in ipcRenderer and webUtils, and unit tests hand in fakes.
import {
  EVENT_CHANNELS,
  VIDEO_DRAG_CHANNEL,
  buildInvokeMethods,
  isEventChannel,
  type EventChannel,
  type EventPayload,
  type VeoApi,
} from '../../shared/contract';

/** The slice of ipcRenderer the API uses. */
export interface PreloadIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  send(channel: string, payload: unknown): void;
}

/** The slice of webUtils the API uses. */
export interface PreloadWebUtils {
  getPathForFile(file: File): string;
}

/** What the desktop window gets: the contract's API plus native file helpers. */
export type ElectronVeoApi = VeoApi & {
  files: {
    /** The real path of a dropped/chosen File (Electron no longer exposes File.path). */
    pathForFile(file: File): string;
  };
  /** Starts dragging a completed job's video out of the window (call from `dragstart`). */
  startDrag(id: string): void;
};

/** Menu / notification commands kept for a page that has not subscribed yet. */
const MAX_EARLY_COMMANDS = 20;

export function buildVeoApi(ipc: PreloadIpc, webUtils: PreloadWebUtils): ElectronVeoApi {
  const domains = buildInvokeMethods((channel, input) => ipc.invoke(channel, input));

  // A command that re-creates the window (a notification click, a menu item on macOS with the
  // window closed) reaches the page right after it loads — possibly before React has subscribed.
  // Commands that arrive with nobody listening wait here for the first `app:command` subscriber.
  const earlyCommands: unknown[] = [];
  const commandListeners = new Set<(payload: never) => void>();
  ipc.on('app:command', (_event, payload) => {
    if (commandListeners.size > 0) return;
    earlyCommands.push(payload);
    if (earlyCommands.length > MAX_EARLY_COMMANDS) earlyCommands.shift();
  });

  const on = <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): (() => void) => {
    if (!isEventChannel(channel)) {
      throw new TypeError(`Unknown event "${String(channel)}". Known events: ${EVENT_CHANNELS.join(', ')}.`);
    }
    if (typeof listener !== 'function') throw new TypeError('on(channel, listener): listener must be a function.');
    // Only the payload crosses into the page: the IpcRendererEvent (and its `sender`) never does.
    const forward = (_event: unknown, payload: unknown): void => listener(payload as EventPayload<C>);
    ipc.on(channel, forward);
    if (channel === 'app:command') {
      commandListeners.add(listener);
      // Next microtask, and only if still subscribed (React StrictMode subscribes twice).
      queueMicrotask(() => {
        if (commandListeners.has(listener)) for (const payload of earlyCommands.splice(0)) listener(payload as EventPayload<C>);
      });
    }
    return () => {
      ipc.removeListener(channel, forward);
      commandListeners.delete(listener);
    };
  };

  const api = {
    ...domains,
    on,
    files: {
      pathForFile: (file: File): string => webUtils.getPathForFile(file),
    },
    startDrag: (id: string): void => {
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) return;
      ipc.send(VIDEO_DRAG_CHANNEL, id);
    },
  };
  // The shape is built from the same list the VeoApi type is derived from; tests check it key by key.
  return api as unknown as ElectronVeoApi;
}
