// The browser host's WebSocket as a page uses it, for the integration tests: a client that invokes
// channels and waits for events, and a probe for upgrades the host must refuse.
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/wire-protocol';

/** Resolves with the HTTP status of a refused upgrade; rejects if the upgrade is accepted. */
export function refusedWsUpgrade(url: string, protocols: string[], origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { ...(origin ? { origin } : {}) });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

/** Speaks the host's frames: invoke with an id, collect events, wait for one that matches. */
export class HostWsClient {
  readonly frames: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (r: ServerFrame & { type: 'result' }) => void>();
  private readonly eventWaiters = new Set<{ match: (f: ServerFrame & { type: 'event' }) => boolean; resolve: (f: ServerFrame & { type: 'event' }) => void }>();
  readonly events: Array<ServerFrame & { type: 'event' }> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      const frame = JSON.parse(text) as ServerFrame;
      if (frame.type === 'result') this.pending.get(frame.id)?.(frame);
      else {
        this.events.push(frame);
        for (const w of [...this.eventWaiters]) {
          if (!w.match(frame)) continue;
          this.eventWaiters.delete(w);
          w.resolve(frame);
        }
      }
    });
  }

  static open(url: string, protocols: string[], opts: WebSocket.ClientOptions): Promise<HostWsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols, opts);
      const client = new HostWsClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  sendRaw(text: string, id?: number): Promise<ServerFrame & { type: 'result' }> | undefined {
    this.ws.send(text);
    if (id === undefined) return undefined;
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  async invoke<T>(channel: string, payload?: unknown): Promise<T> {
    const id = this.nextId++;
    const reply = await this.sendRaw(JSON.stringify({ type: 'invoke', id, channel, payload }), id)!;
    if (!reply.result.ok) throw new Error(`${channel}: ${reply.result.error.kind}: ${reply.result.error.message}`);
    return reply.result.value as T;
  }

  waitForEvent(match: (f: ServerFrame & { type: 'event' }) => boolean): Promise<ServerFrame & { type: 'event' }> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.eventWaiters.add({ match, resolve }));
  }
}
