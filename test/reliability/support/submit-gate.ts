// A loopback proxy in front of the simulator's queue API that the crash test controls. It lives in
// the test process, so it survives every SIGKILL of the driver, and it owns the one window that
// matters most for money: between "the submit POST left" and "its request id is on disk".
//
//  - Every submit is recorded (which job marker it carried, whether it reached the simulator, which
//    request id the simulator created for it), so a double submit or a lost job cannot hide.
//  - Submits are forwarded one at a time: the n-th POST the simulator logs is then exactly the n-th
//    one forwarded, which ties request ids to markers even when the simulator hangs up (submit_reset).
//  - The test can hold the next submit before it is forwarded, or after the simulator answered but
//    before the answer is delivered, and kill the driver while it waits.
// Everything else (status, SSE stream, result, cancel) is piped through untouched.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '../../../electron/core/simulator';

export const MARKER_PATTERN = /#job-\d+/;

export interface SubmitRecord {
  seq: number;
  /** The job marker found in the prompt (`#job-0007`), if any. */
  marker?: string;
  arrivedAt: number;
  /** It was sent on to the simulator. */
  forwarded: boolean;
  /** What the simulator answered; 0 when it hung up without an answer. */
  simStatus?: number;
  /** The job the simulator created for this POST (absent for 429/422 or a POST never forwarded). */
  requestId?: string;
  /** What the client got. */
  delivered: 'pending' | 'answer' | 'reset' | 'dropped';
}

export type HoldMode = 'before-forward' | 'after-answer';

interface Held {
  res: ServerResponse;
  rec: SubmitRecord;
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export class SubmitGate {
  readonly submits: SubmitRecord[] = [];
  private hold: { mode: HoldMode; resolve: (rec: SubmitRecord) => void } | undefined;
  private held: Held | undefined;
  private deliveredWaiters: Array<(rec: SubmitRecord) => void> = [];
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly server: Server,
    private readonly sim: Simulator,
    readonly url: string,
  ) {}

  static async start(sim: Simulator): Promise<SubmitGate> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const gate = new SubmitGate(server, sim, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      gate.route(req, res).catch(() => res.destroy());
    });
    return gate;
  }

  /** Resolves once the next submit is being held in `mode`. */
  holdNext(mode: HoldMode): Promise<SubmitRecord> {
    if (this.hold) throw new Error('a hold is already armed');
    return new Promise((resolve) => (this.hold = { mode, resolve }));
  }

  /** Resolves right after the next submit answer has been handed to the client. */
  nextDelivered(): Promise<SubmitRecord> {
    return new Promise((resolve) => this.deliveredWaiters.push(resolve));
  }

  /** Disarms a hold that never triggered and hangs up on a held submit (its client is dead). */
  reset(): void {
    this.hold = undefined;
    this.deliveredWaiters = [];
    if (this.held) {
      this.held.rec.delivered = 'dropped';
      this.held.res.destroy();
      this.held = undefined;
    }
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST') return this.submit(req, res);
    this.pipe(req, res);
  }

  private async submit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const rec: SubmitRecord = {
      seq: this.submits.length + 1,
      arrivedAt: Date.now(),
      forwarded: false,
      delivered: 'pending',
      ...markerOf(body),
    };
    this.submits.push(rec);
    const run = this.chain.then(() => this.forwardSubmit(req, res, body, rec));
    this.chain = run.catch(() => undefined);
    await run;
  }

  private async forwardSubmit(req: IncomingMessage, res: ServerResponse, body: Buffer, rec: SubmitRecord): Promise<void> {
    const hold = this.hold;
    this.hold = undefined;
    if (hold?.mode === 'before-forward') {
      this.held = { res, rec };
      hold.resolve(rec);
      return;
    }
    const postsBefore = this.simPosts().length;
    rec.forwarded = true;
    const answer = await this.forwardBuffered(req, body);
    const entry = this.simPosts()[postsBefore];
    rec.simStatus = entry?.status ?? 0;
    if (entry?.requestId) rec.requestId = entry.requestId;
    if (hold?.mode === 'after-answer') {
      this.held = { res, rec };
      hold.resolve(rec);
      return;
    }
    if (answer === undefined) {
      rec.delivered = 'reset';
      res.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body, () => {
      rec.delivered = 'answer';
      const waiters = this.deliveredWaiters;
      this.deliveredWaiters = [];
      for (const w of waiters) w(rec);
    });
  }

  private simPosts() {
    return this.sim.requests.filter((r) => r.server === 'api' && r.method === 'POST');
  }

  /** The whole upstream answer, or undefined when the simulator hung up. */
  private forwardBuffered(req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer | undefined> {
    return new Promise((resolve) => {
      const upstream = httpRequest(this.upstreamOptions(req), (ur) => {
        readAll(ur).then(
          (b) => resolve({ status: ur.statusCode ?? 502, headers: ur.headers, body: b }),
          () => resolve(undefined),
        );
      });
      upstream.on('error', () => resolve(undefined));
      upstream.end(body);
    });
  }

  /** Streams a request and its answer through (SSE included); either side closing closes both. */
  private pipe(req: IncomingMessage, res: ServerResponse): void {
    const upstream = httpRequest(this.upstreamOptions(req), (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      res.flushHeaders();
      ur.pipe(res);
      ur.on('error', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  private upstreamOptions(req: IncomingMessage) {
    const target = new URL(this.sim.baseUrl);
    return {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    };
  }
}

function markerOf(body: Buffer): { marker?: string } {
  try {
    const prompt = (JSON.parse(body.toString('utf8')) as { prompt?: unknown }).prompt;
    const m = typeof prompt === 'string' ? MARKER_PATTERN.exec(prompt) : null;
    return m ? { marker: m[0] } : {};
  } catch {
    return {};
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
