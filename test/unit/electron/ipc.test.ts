// setupIpc against a stand-in for Electron's ipcMain and webContents (no Electron binary here):
// every contract channel is routed, untrusted senders are refused, events wait for the page.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type EventChannel } from '../../../shared/contract';

type Handler = (event: unknown, payload: unknown) => unknown;
const fakeIpcMain = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Handler>>();
  return {
    handlers,
    listeners,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, fn: Handler) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(fn);
    },
    removeListener: (channel: string, fn: Handler) => listeners.get(channel)?.delete(fn),
  };
});
vi.mock('electron', () => ({ ipcMain: fakeIpcMain }));

const { setupIpc } = await import('../../../electron/main/ipc');
const { VIDEO_DRAG_CHANNEL } = await import('../../../shared/contract');

let nextId = 1;
class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: Array<[string, unknown]> = [];
  readonly drags: unknown[] = [];
  destroyed = false;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  startDrag(item: unknown) {
    this.drags.push(item);
  }
}
const fakeWindow = () => ({ webContents: new FakeWebContents() });
const mainFrame = (url = 'app://veo/index.html') => ({ url, parent: null });
const eventFrom = (sender: FakeWebContents, senderFrame: { url: string; parent: unknown } | null = mainFrame()) => ({ sender, senderFrame });

function setup() {
  const route = vi.fn((channel: unknown, payload: unknown) => Promise.resolve({ ok: true as const, value: { channel, payload } }));
  let emit: ((channel: EventChannel, payload: unknown) => void) | undefined;
  const unsubscribe = vi.fn();
  const dragItemFor = vi.fn((id: string) => (id === 'done' ? { file: '/lib/media/done/video.mp4', icon: 'icon' } : undefined));
  const bridge = setupIpc({
    router: { handle: route },
    subscribe: (fn) => {
      emit = fn;
      return unsubscribe;
    },
    trustedOrigins: ['app://veo'],
    dragItemFor: dragItemFor as never,
  });
  const invoke = (channel: string, event: unknown, payload?: unknown) => fakeIpcMain.handlers.get(channel)?.(event, payload);
  const drag = (event: unknown, id: unknown) => {
    for (const l of fakeIpcMain.listeners.get(VIDEO_DRAG_CHANNEL) ?? []) l(event, id);
  };
  return { bridge, route, emit: (c: EventChannel, p: unknown) => emit?.(c, p), unsubscribe, invoke, drag, dragItemFor };
}

beforeEach(() => {
  fakeIpcMain.handlers.clear();
  fakeIpcMain.listeners.clear();
});

describe('setupIpc', () => {
  it('handles every contract channel and routes trusted calls unchanged', async () => {
    const { bridge, route, invoke } = setup();
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const win = fakeWindow();
    bridge.attachWindow(win as never);
    for (const channel of INVOKE_CHANNELS) {
      await expect(invoke(channel, eventFrom(win.webContents), { n: 1 })).resolves.toEqual({ ok: true, value: { channel, payload: { n: 1 } } });
    }
    expect(route).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
  });

  it('refuses unknown windows, subframes, foreign pages and gone frames without reaching the router', async () => {
    const { bridge, route, invoke } = setup();
    const ours = fakeWindow();
    bridge.attachWindow(ours as never);
    const stranger = fakeWindow();
    const refusals = [
      eventFrom(stranger.webContents),
      eventFrom(ours.webContents, { url: 'app://veo/index.html', parent: mainFrame() }),
      eventFrom(ours.webContents, mainFrame('https://evil.example/')),
      eventFrom(ours.webContents, null),
    ];
    for (const event of refusals) {
      await expect(Promise.resolve(invoke('key:status', event, {}))).resolves.toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(route).not.toHaveBeenCalled();
  });

  it('forgets a window once its webContents is destroyed', async () => {
    const { bridge, route, invoke } = setup();
    const win = fakeWindow();
    bridge.attachWindow(win as never);
    win.webContents.emit('destroyed');
    await invoke('app:info', eventFrom(win.webContents));
    expect(route).not.toHaveBeenCalled();
  });

  it('holds events until the page has loaded, and again while it reloads', () => {
    const { bridge, emit } = setup();
    const win = fakeWindow();
    bridge.attachWindow(win as never);
    emit('job:updated', { id: 'a' });
    bridge.command('view:library');
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toEqual([
      ['job:updated', { id: 'a' }],
      ['app:command', { command: 'view:library' }],
    ]);
    win.webContents.emit('did-start-loading');
    emit('library:changed', { type: 'delete', id: 'a' });
    expect(win.webContents.sent).toHaveLength(2);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent.at(-1)).toEqual(['library:changed', { type: 'delete', id: 'a' }]);
  });

  it('starts a drag only for a trusted sender and a well-formed id with a video', () => {
    const { bridge, drag, dragItemFor } = setup();
    const win = fakeWindow();
    bridge.attachWindow(win as never);
    drag(eventFrom(fakeWindow().webContents), 'done'); // unknown window
    drag(eventFrom(win.webContents), '../../etc/passwd');
    drag(eventFrom(win.webContents), { id: 'done' });
    drag(eventFrom(win.webContents), 'missing');
    expect(win.webContents.drags).toEqual([]);
    expect(dragItemFor).toHaveBeenCalledTimes(1);
    drag(eventFrom(win.webContents), 'done');
    expect(win.webContents.drags).toEqual([{ file: '/lib/media/done/video.mp4', icon: 'icon' }]);
  });

  it('removes its handlers and its subscription on dispose', () => {
    const { bridge, unsubscribe } = setup();
    bridge.dispose();
    expect(fakeIpcMain.handlers.size).toBe(0);
    expect(fakeIpcMain.listeners.get(VIDEO_DRAG_CHANNEL)?.size ?? 0).toBe(0);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
