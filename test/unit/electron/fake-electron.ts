// Just enough of Electron's main-process API to boot the built main bundle under plain Node and
// watch what it does: schemes, protocol handlers, IPC handlers, windows, guards, quitting.
import { EventEmitter } from 'node:events';
import path from 'node:path';

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

export function createFakeElectron(opts: { appPath: string; tmpDir: string }) {
  const calls: string[] = [];
  const ready = deferred<void>();
  const quitDone = deferred<void>();
  const windowLoaded = deferred<FakeBrowserWindow>();
  const paths = new Map<string, string>([['temp', opts.tmpDir], ['videos', opts.tmpDir]]);
  let isReady = false;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
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

  class FakeWebContents extends EventEmitter {
    readonly id = nextContentsId++;
    readonly sent: Array<[string, unknown]> = [];
    windowOpenHandler: Fn | undefined;
    url = '';
    readonly mainFrame = { parent: null, get url() { return ''; } };
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(fn: Fn) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return false;
    }
    startDrag() {}
  }

  const windows: FakeBrowserWindow[] = [];
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
    loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
      setImmediate(() => {
        this.webContents.emit('did-start-loading');
        this.webContents.emit('did-finish-load');
        this.emit('ready-to-show');
        windowLoaded.resolve(this);
      });
      return Promise.resolve();
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
  const menus: unknown[] = [];
  const electron = {
    app,
    protocol,
    ipcMain,
    session,
    BrowserWindow: FakeBrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    nativeTheme: { shouldUseDarkColors: false },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => menus.push(m) },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve(''), showItemInFolder: () => undefined },
    dialog: { showErrorBox: (title: string, body: string) => calls.push(`showErrorBox ${title}: ${body}`), showSaveDialog: () => Promise.resolve({ canceled: true }) },
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
