// Carries the IPC contract over the host's one WebSocket: `invoke` frames go through the same router
// Electron uses, and the app service's events are broadcast to every connected page. Frames are
// untrusted: anything malformed is answered (when it has an id) or dropped, never allowed to throw.
import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { EventChannel } from '../../shared/contract';
import { ClientFrameSchema, HOST_WS_PROTOCOL, type ServerFrame } from '../../shared/wire-protocol';
import type { Router } from '../core/ipc/router';


/** A picture travels base64-encoded (≤ 40 MB of text) inside one JSON frame. */
export const MAX_FRAME_BYTES = 45 * 1024 * 1024;

export class WsBridge {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    // Answer with our protocol name, never echo the offered token back (ws would pick the first offer).
    handleProtocols: (offered) => (offered.has(HOST_WS_PROTOCOL) ? HOST_WS_PROTOCOL : false),
  });
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly router: Router,
    private readonly log: (msg: string) => void = (msg) => console.error(msg),
  ) {}

  /** Completes an upgrade the caller has already authorised. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws));
  }

  broadcast(channel: EventChannel, payload: unknown): void {
    if (this.sockets.size === 0) return;
    const text = JSON.stringify({ type: 'event', channel, payload } satisfies ServerFrame);
    for (const ws of this.sockets) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  }

  get connections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.close(1001, 'Veo Studio host is shutting down');
    // Give pages a moment to read the close frame, then cut whatever is left.
    await Promise.race([
      Promise.all([...this.sockets].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())))),
      new Promise((resolve) => setTimeout(resolve, 500).unref()),
    ]);
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private attach(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', (err) => this.log(`[host] WebSocket error: ${err.message}`));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      void this.onMessage(ws, data);
    });
  }

  private async onMessage(ws: WebSocket, data: RawData): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(rawToString(data));
    } catch {
      return; // Not JSON: there is no id to answer to.
    }
    const frame = ClientFrameSchema.safeParse(raw);
    if (!frame.success) {
      const id = readableId(raw);
      if (id !== undefined) this.send(ws, { type: 'result', id, result: { ok: false, error: { kind: 'invalid_input', message: 'Malformed request.' } } });
      return;
    }
    const { id, channel, payload } = frame.data;
    let result: ServerFrame & { type: 'result' };
    try {
      result = { type: 'result', id, result: await this.router.handle(channel, payload) };
    } catch (err) {
      // The router turns every failure into a result; this is the belt to its braces.
      this.log(`[host] ${channel} crashed: ${err instanceof Error ? err.message : String(err)}`);
      result = { type: 'result', id, result: { ok: false, error: { kind: 'failed', message: 'Something went wrong. Try again.' } } };
    }
    this.send(ws, result);
  }

  private send(ws: WebSocket, frame: ServerFrame): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(frame));
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function readableId(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}
