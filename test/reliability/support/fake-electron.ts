// Just enough of the `electron` module for the shell's security wiring to run under plain Node (no
// Electron binary can be downloaded here): every handler the shell installs is captured so a test
// can call it the way Electron would, and every window it creates has its options recorded.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export const captured = {
  windows: [] as Array<{ options: Record<string, unknown> }>,
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  ipcListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  openedExternally: [] as string[],
};

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    captured.windows.push({ options });
  }
  loadURL(): Promise<void> {
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return false;
  }
  maximize(): void {}
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
}

const workArea = { x: 0, y: 0, width: 1920, height: 1080 };

export function fakeElectronModule() {
  return {
    app: Object.assign(new EventEmitter(), {
      getName: () => 'Veo Studio',
      getAppPath: () => '/opt/veo-studio/resources/app.asar',
      getVersion: () => '0.0.0-test',
      isPackaged: true,
    }),
    BrowserWindow: FakeBrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    shell: { openExternal: vi.fn(async (url: string) => void captured.openedExternally.push(url)) },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => captured.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => captured.ipcHandlers.delete(channel),
      on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => captured.ipcListeners.set(channel, fn),
      removeListener: (channel: string) => captured.ipcListeners.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => captured.protocolHandlers.set(scheme, fn),
    },
  };
}
