// A VeoApi for store tests: built from the same contract list as the real transports, with every
// channel answering "unsupported" unless a test provides a handler. Calls are recorded, and events
// can be emitted to whatever the stores subscribed.
import {
  buildInvokeMethods,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutput,
  type IpcResult,
  type VeoApi,
} from '../../shared/contract';

export type Handler<C extends InvokeChannel> = (
  input: InvokeInput<C>,
) => IpcResult<InvokeOutput<C>> | Promise<IpcResult<InvokeOutput<C>>>;
export type Handlers = { [C in InvokeChannel]?: Handler<C> };

export interface FakeApi {
  api: VeoApi;
  calls: Array<{ channel: InvokeChannel; input: unknown }>;
  callsTo<C extends InvokeChannel>(channel: C): InvokeInput<C>[];
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void;
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  listenerCount(channel: EventChannel): number;
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (kind: 'invalid_input' | 'not_found' | 'unsupported' | 'failed', message: string): IpcResult<never> => ({
  ok: false,
  error: { kind, message },
});

export function createFakeApi(initial: Handlers = {}): FakeApi {
  const handlers: Handlers = { ...initial };
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<EventChannel, Set<(p: unknown) => void>>();
  const api: Record<string, unknown> = {
    ...buildInvokeMethods(async (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((i: unknown) => unknown) | undefined;
      return handler ? handler(input) : fail('unsupported', `${channel} is not faked in this test`);
    }),
    on(channel: EventChannel, listener: (p: unknown) => void) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    api: api as VeoApi,
    calls,
    callsTo: <C extends InvokeChannel>(channel: C) => calls.filter((c) => c.channel === channel).map((c) => c.input as InvokeInput<C>),
    handle(channel, handler) {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

/** A promise the test resolves when it chooses, to hold an answer back. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** In-memory localStorage stand-in. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
