import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, splitChannel } from '../../../shared/contract';
import { buildVeoApi, type PreloadIpc } from '../../../electron/preload/api';
import { VIDEO_DRAG_CHANNEL } from '../../../shared/contract';

type Listener = (event: unknown, payload: unknown) => void;

/** An ipcRenderer look-alike that records what the API does with it. */
function fakeIpc() {
  const invoked: Array<[string, unknown]> = [];
  const sent: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: PreloadIpc = {
    invoke: (channel, payload) => {
      invoked.push([channel, payload]);
      return Promise.resolve({ ok: true, value: `reply from ${channel}` });
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    send: (channel, payload) => sent.push([channel, payload]),
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'secret ipc event' }, payload);
  };
  return { ipc, invoked, sent, listeners, emit };
}

const webUtils = { getPathForFile: (file: File) => `/picked/${file.name}` };

describe('buildVeoApi', () => {
  it('has one method per contract channel, each invoking exactly that channel', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = buildVeoApi(ipc, webUtils) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    expect(INVOKE_CHANNELS.length).toBeGreaterThan(10);
    for (const channel of INVOKE_CHANNELS) {
      const [domain, verb] = splitChannel(channel);
      const method = api[domain]?.[verb];
      expect(method, channel).toBeTypeOf('function');
      const input = { probe: channel };
      await expect(method?.(input)).resolves.toEqual({ ok: true, value: `reply from ${channel}` });
      expect(invoked.at(-1)).toEqual([channel, input]);
    }
    expect(invoked).toHaveLength(INVOKE_CHANNELS.length);
  });

  it('exposes nothing but the contract domains, on, files and startDrag', () => {
    const api = buildVeoApi(fakeIpc().ipc, webUtils);
    const domains = new Set(INVOKE_CHANNELS.map((c) => splitChannel(c)[0]));
    expect(Object.keys(api).sort()).toEqual([...domains, 'on', 'files', 'startDrag'].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('passes an undefined input through for channels without input', async () => {
    const { ipc, invoked } = fakeIpc();
    await buildVeoApi(ipc, webUtils).app.info();
    expect(invoked).toEqual([['app:info', undefined]]);
  });

  it('subscribes to contract events, forwards only the payload, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = buildVeoApi(ipc, webUtils);
    for (const channel of EVENT_CHANNELS) {
      const seen: unknown[] = [];
      const before = listeners.get(channel)?.size ?? 0;
      const off = api.on(channel, (payload) => seen.push(payload));
      emit(channel, { hello: channel });
      expect(seen).toEqual([{ hello: channel }]);
      off();
      emit(channel, 'after unsubscribe');
      expect(seen).toHaveLength(1);
      expect(listeners.get(channel)?.size ?? 0).toBe(before);
    }
  });

  it('rejects event names outside the contract', () => {
    const { ipc, listeners } = fakeIpc();
    const api = buildVeoApi(ipc, webUtils);
    const registered = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
    const before = registered();
    const on = api.on as (channel: string, listener: (p: unknown) => void) => () => void;
    for (const name of ['jobs:create', 'video:drag', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString', '']) {
      expect(() => on(name, () => undefined), name).toThrow(/Unknown event/);
    }
    expect(registered()).toBe(before);
  });

  it('keeps commands that arrive before the page subscribes, for its first live subscriber', async () => {
    const { ipc, emit } = fakeIpc();
    const api = buildVeoApi(ipc, webUtils);
    emit('app:command', { command: 'job:open', jobId: 'a' });
    emit('app:command', { command: 'view:library' });
    // React StrictMode: subscribe, unsubscribe at once, subscribe again.
    const first: unknown[] = [];
    api.on('app:command', (p) => first.push(p))();
    const second: unknown[] = [];
    api.on('app:command', (p) => second.push(p));
    await Promise.resolve();
    expect(first).toEqual([]);
    expect(second).toEqual([{ command: 'job:open', jobId: 'a' }, { command: 'view:library' }]);
    // With a subscriber present, commands go straight through and are not kept for later.
    emit('app:command', { command: 'focus:search' });
    expect(second.at(-1)).toEqual({ command: 'focus:search' });
    const late: unknown[] = [];
    api.on('app:command', (p) => late.push(p));
    await Promise.resolve();
    expect(late).toEqual([]);
  });

  it('resolves dropped files through webUtils', () => {
    const api = buildVeoApi(fakeIpc().ipc, webUtils);
    expect(api.files.pathForFile(new File(['x'], 'fox.png'))).toBe('/picked/fox.png');
  });

  it('sends drag requests on the fixed drag channel, ignoring non-ids', () => {
    const { ipc, sent } = fakeIpc();
    const api = buildVeoApi(ipc, webUtils);
    api.startDrag('job-1');
    (api.startDrag as (id: unknown) => void)({ path: '/etc/passwd' });
    api.startDrag('');
    expect(sent).toEqual([[VIDEO_DRAG_CHANNEL, 'job-1']]);
  });
});
