// Just enough of Electron's main-process API to boot the built main bundle under plain Node and
// watch what it does: schemes, protocol handlers, IPC handlers, windows, guards, menus, dialogs,
// context menus, safeStorage, quitting. Start it with bootMainBundle() (boot-main-bundle.ts).
//
// It models these rules of the real thing that a lenient fake would hide:
// - User activation. Chromium opens a page's file chooser (<input type=file>.click(), showOpenFilePicker)
//   only inside a user gesture; a chooser the page opens because main *sent it a message* (a menu
//   click) has none and is refused. So the fake records any main→page message that asks the page to
//   open a chooser as a violation (`userActivationViolations`): file choosers belong in main's dialog.
// - Custom-scheme origins (canvasCanRead), the Request a protocol handler is given (protocolRequest,
//   used by `serve`), and menu items as Electron builds them (roles lower-cased, default labels):
//   see electron-rules.ts.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildMenuItem, canvasCanRead, protocolRequest, type FakeMenuItem, type MenuTemplateItem, type ProtocolRequestInit } from './electron-rules';

export { protocolRequest, type FakeMenuItem, type MenuTemplateItem } from './electron-rules';

type Fn = (...args: never[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url?: string;
}
export const fakeEvent = (extra: Partial<FakeEvent> = {}): FakeEvent => {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let nextContentsId = 1;

/** Commands after which the page would open a file chooser by itself (see the header). */
const CHOOSER_COMMANDS = /^file:open/;

export function createFakeElectron(opts: { appPath: string; tmpDir: string; isPackaged?: boolean }) {
  const calls: string[] = [];
  const ready = deferred<void>();
  const quitDone = deferred<void>();
  const windowLoaded = deferred<FakeBrowserWindow>();
  const paths = new Map<string, string>([['temp', opts.tmpDir], ['videos', opts.tmpDir]]);
  let isReady = false;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? false,
    setPath: (name: string, value: string) => paths.set(name, value),
    getPath: (name: string) => {
      const value = paths.get(name);
      if (!value) throw new Error(`no path ${name}`);
      return value;
    },
    setAppUserModelId: (id: string) => calls.push(`setAppUserModelId ${id}`),
    requestSingleInstanceLock: () => true,
    whenReady: () => ready.promise,
    isReady: () => isReady,
    getAppPath: () => opts.appPath,
    getVersion: () => '9.9.9',
    getName: () => 'Veo Studio',
    // Chromium's locale and the OS's languages (app.md): an English system, so "system" means English.
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['en-US'],
    quit: () => {
      const event = fakeEvent();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) quitDone.resolve();
    },
    exit: (code: number) => calls.push(`exit ${code}`),
  });

  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: (list: unknown[]) => {
      calls.push(`registerSchemesAsPrivileged ready=${isReady}`);
      schemes.push(...list);
    },
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn),
  };

  const ipcHandlers = new Map<string, Fn>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle: (channel: string, fn: Fn) => ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  });

  const permissions: { request?: Fn; check?: Fn } = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Fn) => (permissions.request = fn),
      setPermissionCheckHandler: (fn: Fn) => (permissions.check = fn),
    },
  };

  const spellingAdded: string[] = [];
  const openedExternally: string[] = [];
  const userActivationViolations: string[] = [];
  const contentsSession = { addWordToSpellCheckerDictionary: (word: string) => spellingAdded.push(word) };

  class FakeWebContents extends EventEmitter {
    readonly id = nextContentsId++;
    readonly sent: Array<[string, unknown]> = [];
    readonly session = contentsSession;
    readonly edits: string[] = [];
    replaceMisspelling(word: string) {
      this.edits.push(`replaceMisspelling ${word}`);
    }
    copyImageAt(x: number, y: number) {
      this.edits.push(`copyImageAt ${x},${y}`);
    }
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    url = '';
    readonly mainFrame = { parent: null, get url() { return ''; } };
    send(channel: string, payload: unknown) {
      if (channel === 'app:command' && typeof payload === 'string' && CHOOSER_COMMANDS.test(payload)) {
        userActivationViolations.push(`${channel} ${payload}: the page would open a file chooser without user activation`);
      }
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(fn: (details: { url: string }) => unknown) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return false;
    }
    startDrag() {}
  }

  const windows: FakeBrowserWindow[] = [];
  /** How the next page loads go: 'ok' (default), 'fail' (did-fail-load), 'hang' (never paints). */
  const pageLoads: Array<'ok' | 'fail' | 'hang'> = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    progress: number[] = [];
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    static getAllWindows = () => windows;
    /** Every URL loaded, in order (reloads after a crash included). */
    readonly loads: string[] = [];
    private painted = false;
    /**
     * Like Electron: 'ready-to-show' once, on the first paint; a failed load emits 'did-fail-load'
     * and rejects; a hung one emits neither. What the next loads do comes from `pageLoads`.
     */
    loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
      this.loads.push(url);
      const outcome = pageLoads.shift() ?? 'ok';
      const done = deferred<void>();
      setImmediate(() => {
        this.webContents.emit('did-start-loading');
        windowLoaded.resolve(this);
        if (outcome === 'ok') {
          this.webContents.emit('did-finish-load');
          if (!this.painted) this.emit('ready-to-show');
          this.painted = true;
          done.resolve();
        } else if (outcome === 'fail') {
          this.webContents.emit('did-fail-load', fakeEvent(), -6, 'ERR_FILE_NOT_FOUND', url, true, 1, 1);
        }
      });
      return outcome === 'fail' ? Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`)) : done.promise;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isVisible = () => this.shown;
    isFocused = () => false;
    isMaximized = () => false;
    show = () => {
      this.shown = true;
    };
    focus = () => undefined;
    restore = () => undefined;
    maximize = () => undefined;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1111, height: 777 });
    setProgressBar = (value: number) => this.progress.push(value);
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const menus: FakeMenu[] = [];
  const popups: FakeMenu[] = [];
  class FakeMenu {
    readonly items: FakeMenuItem[];
    constructor(template: MenuTemplateItem[]) {
      this.items = template.map(buildMenuItem);
    }
    popup() {
      popups.push(this);
    }
  }
  /** What dialog.showOpenDialog answers next (the user's choice); every call is recorded. */
  const openDialog = { next: { canceled: true, filePaths: [] as string[] }, calls: [] as Array<Record<string, unknown>> };
  /** What dialog.showMessageBox answers (the button index); every call's options are recorded. */
  const messageBox = { next: 0, calls: [] as Array<Record<string, unknown>> };
  const safeStorageState = { backend: 'gnome_libsecret', available: true };
  const electron = {
    app,
    protocol,
    ipcMain,
    session,
    BrowserWindow: FakeBrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    nativeTheme: { shouldUseDarkColors: false },
    Menu: { buildFromTemplate: (t: MenuTemplateItem[]) => new FakeMenu(t), setApplicationMenu: (m: FakeMenu) => menus.push(m) },
    safeStorage: {
      isEncryptionAvailable: () => safeStorageState.available,
      encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
      getSelectedStorageBackend: () => safeStorageState.backend,
    },
    shell: { openExternal: (url: string) => (openedExternally.push(url), Promise.resolve()), openPath: () => Promise.resolve(''), showItemInFolder: () => undefined },
    dialog: {
      showErrorBox: (title: string, body: string) => calls.push(`showErrorBox ${title}: ${body}`),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showMessageBox: (...args: unknown[]) => {
        messageBox.calls.push((args.length > 1 ? args[1] : args[0]) as Record<string, unknown>);
        return Promise.resolve({ response: messageBox.next, checkboxChecked: false });
      },
      // (window, options) or (options), like Electron.
      showOpenDialog: (...args: unknown[]) => {
        openDialog.calls.push((args.length > 1 ? args[1] : args[0]) as Record<string, unknown>);
        return Promise.resolve(openDialog.next);
      },
    },
    Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
    nativeImage: { createFromPath: () => ({ isEmpty: () => true }), createFromBitmap: () => ({}) },
  };

  return {
    electron,
    calls,
    schemes,
    protocolHandlers,
    ipcHandlers,
    permissions,
    windows,
    menus,
    popups,
    openDialog,
    messageBox,
    pageLoads,
    safeStorageState,
    spellingAdded,
    userActivationViolations,
    openedExternally,
    /** For tests that drive main's modules with a page of their own (guards, IPC sender checks). */
    WebContents: FakeWebContents,
    /** Chromium asking the app's handler for `url`, with the Request Electron would build. */
    serve: async (url: string, init?: ProtocolRequestInit): Promise<Response> => {
      const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
      if (!handler) throw new Error(`no protocol handler for ${url}`);
      return handler(protocolRequest(url, init));
    },
    canvasCanRead: (pageUrl: string, mediaUrl: string) => canvasCanRead(schemes, pageUrl, mediaUrl),
    windowLoaded: windowLoaded.promise,
    quitDone: quitDone.promise,
    becomeReady() {
      isReady = true;
      ready.resolve();
    },
    preloadPath: path.join(opts.appPath, 'dist', 'preload', 'preload.cjs'),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

let shared: FakeElectron | undefined;

/**
 * One fake per test file for tests that import main's modules directly instead of booting the
 * bundle: `vi.mock('electron', async () => (await import('…/fake-electron')).sharedFakeElectron().electron)`,
 * then `sharedFakeElectron()` in the test reads what it captured.
 */
export function sharedFakeElectron(): FakeElectron {
  shared ??= createFakeElectron({ appPath: '/opt/veo-studio/resources/app.asar', tmpDir: tmpdir(), isPackaged: true });
  return shared;
}
