import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, splitChannel, type IpcResult } from '../../shared/contract';
import type { ClientFrame } from '../../shared/wire-protocol';
import { createWsApi } from '../../renderer/api/ws-api';

/** Just enough of the browser WebSocket for the transport; the test plays the host. */
class FakeSocket {
  static readonly OPEN = 1;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: ClientFrame[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    FakeSocket.instances.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as ClientFrame);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  // Host side
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  reply(id: number, result: IpcResult<unknown>) {
    this.onmessage?.({ data: JSON.stringify({ type: 'result', id, result }) });
  }
  event(channel: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'event', channel, payload }) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

function setup() {
  FakeSocket.instances = [];
  const { api, connection } = createWsApi({
    url: 'ws://127.0.0.1:1/ws',
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    backoffMs: () => 0,
    protocols: ['veo-studio.v1', 'veo-token.t0k'],
  });
  const current = () => FakeSocket.instances.at(-1)!;
  return { api, connection, current };
}

describe('browser-host transport', () => {
  it('has a function for every channel in the contract', () => {
    const { api, connection } = setup();
    for (const channel of INVOKE_CHANNELS) {
      const [domain, verb] = splitChannel(channel);
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb], channel).toBe('function');
    }
    connection.close();
  });

  it('sends invoke frames once connected and resolves with the host’s result', async () => {
    const { api, connection, current } = setup();
    const pending = api.library.get({ id: 'job-1' });
    expect(current().sent).toEqual([]); // not open yet: held back
    current().open();
    expect(current().sent).toEqual([{ type: 'invoke', id: 1, channel: 'library:get', payload: { id: 'job-1' } }]);
    current().reply(1, { ok: true, value: null });
    await expect(pending).resolves.toEqual({ ok: true, value: null });
    connection.close();
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const { api, connection, current } = setup();
    current().open();
    const seen: unknown[] = [];
    const off = api.on('library:changed', (p) => seen.push(p));
    current().event('library:changed', { type: 'put', id: 'a' });
    current().event('not-a-channel', { x: 1 });
    off();
    current().event('library:changed', { type: 'delete', id: 'b' });
    expect(seen).toEqual([{ type: 'put', id: 'a' }]);
    connection.close();
  });

  it('fails calls in flight when the connection drops, reconnects, and says so', async () => {
    const { api, connection, current } = setup();
    const statuses: string[] = [];
    let reconnects = 0;
    connection.onStatus((s) => statuses.push(s));
    connection.onReconnect(() => reconnects++);
    const first = current();
    first.open();
    const inFlight = api.jobs.active();
    first.drop();
    const result = await inFlight;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/Lost the connection/);

    await expect.poll(() => FakeSocket.instances.length).toBe(2);
    expect(statuses).toEqual(['open', 'reconnecting']);
    const later = api.app.info();
    current().open();
    expect(reconnects).toBe(1);
    // Every (re)connect presents the token on the handshake: there is no cookie to fall back on.
    expect(FakeSocket.instances.map((s) => s.protocols)).toEqual([['veo-studio.v1', 'veo-token.t0k'], ['veo-studio.v1', 'veo-token.t0k']]);
    expect(statuses.at(-1)).toBe('open');
    expect(current().sent[0]).toMatchObject({ channel: 'app:info' });
    current().reply(current().sent[0]!.id, { ok: true, value: { version: '1' } });
    await expect(later).resolves.toMatchObject({ ok: true });
    connection.close();
  });

  it('ignores malformed frames instead of throwing', () => {
    const { connection, current } = setup();
    current().open();
    expect(() => current().onmessage?.({ data: '{not json' })).not.toThrow();
    expect(() => current().onmessage?.({ data: JSON.stringify({ type: 'result', id: 99 }) })).not.toThrow();
    connection.close();
  });
});
