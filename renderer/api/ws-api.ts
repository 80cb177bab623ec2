// The browser host's transport: the same VeoApi shape as Electron's preload, built from the contract
// maps and carried over one WebSocket. Calls made while disconnected wait for the connection; calls
// in flight when it drops resolve as failures (the host may or may not have run them), and the
// stores re-fetch state once it is back.
import {
  buildInvokeMethods,
  isEventChannel,
  type EventChannel,
  type IpcResult,
  type VeoApi,
} from '../../shared/contract';
import type { ClientFrame } from '../../shared/wire-protocol';
import type { ConnectionHandle, ConnectionStatus } from './types';

export interface WsApiOptions {
  url: string;
  /** Offered as Sec-WebSocket-Protocol on every (re)connect: the host's run token travels here. */
  protocols?: string[];
  /** Injected by tests; the browser's WebSocket otherwise. */
  WebSocketImpl?: typeof WebSocket;
  /** Delay before reconnect attempt `n` (0-based). */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number): number => Math.min(250 * 2 ** attempt, 5000) * (0.8 + Math.random() * 0.4);

const LOST_CONNECTION: IpcResult<never> = {
  ok: false,
  error: {
    kind: 'failed',
    message: 'Lost the connection to Veo Studio before it answered. Check the Jobs list before trying again.',
  },
};

type Listener = (payload: unknown) => void;

export function createWsApi(opts: WsApiOptions): { api: VeoApi; connection: ConnectionHandle } {
  const WebSocketImpl = opts.WebSocketImpl ?? WebSocket;
  const backoff = opts.backoffMs ?? defaultBackoff;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<EventChannel, Set<Listener>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const reconnectListeners = new Set<() => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: WebSocket | undefined;
  let nextId = 1;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: ConnectionStatus): void => {
    if (next === status) return;
    status = next;
    for (const l of statusListeners) l(next);
  };

  const connect = (): void => {
    const ws = opts.protocols ? new WebSocketImpl(opts.url, opts.protocols) : new WebSocketImpl(opts.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const frame of outbox.splice(0)) ws.send(frame);
      if (everOpened) for (const l of reconnectListeners) l();
      everOpened = true;
    };
    ws.onmessage = (ev) => handleFrame(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      // The host may have run these; we will never hear back, so say so rather than hang.
      for (const resolve of pending.values()) resolve(LOST_CONNECTION);
      pending.clear();
      if (closed) return;
      setStatus(everOpened ? 'reconnecting' : 'connecting');
      retryTimer = setTimeout(connect, backoff(attempt++));
    };
  };

  const handleFrame = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    const f = frame as Record<string, unknown>;
    if (f.type === 'result' && typeof f.id === 'number') {
      const resolve = pending.get(f.id);
      pending.delete(f.id);
      resolve?.(isResult(f.result) ? f.result : LOST_CONNECTION);
    } else if (f.type === 'event' && isEventChannel(f.channel)) {
      for (const l of listeners.get(f.channel) ?? []) l(f.payload);
    }
  };

  const invoke = (channel: string, payload: unknown): Promise<IpcResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const frame: ClientFrame = { type: 'invoke', id, channel, payload };
      const text = JSON.stringify(frame);
      pending.set(id, resolve);
      if (socket && socket.readyState === WebSocketImpl.OPEN) socket.send(text);
      else outbox.push(text);
    });

  const api: Record<string, unknown> = {
    ...buildInvokeMethods(invoke),
    on(channel: EventChannel, listener: Listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  connect();

  const connection: ConnectionHandle = {
    status: () => status,
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    onReconnect(l) {
      reconnectListeners.add(l);
      return () => reconnectListeners.delete(l);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
  return { api: api as VeoApi, connection };
}

function isResult(value: unknown): value is IpcResult<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}
