// A CDN stand-in for the downloader tests: a loopback HTTP server whose answer each test sets
// (`handler`), which records every request, plus a fresh temp folder. After each test it checks the
// promise the downloader makes to a public CDN: no Authorization, no Cookie, ever.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, requestIndex: number) => void;

export interface RangeServer {
  /** This test's temp folder. */
  dir: string;
  /** How the server answers; a 500 until the test says otherwise. */
  handler: Handler;
  /** Every request, in order. */
  seen: http.IncomingMessage[];
  url(pathname?: string): string;
  /** The Range header of every request, in order. */
  ranges(): Array<string | undefined>;
}

/** Bytes that look like an MP4 (an ISO-BMFF ftyp box first) followed by noise. */
export function fakeMp4(size: number): Buffer {
  const body = randomBytes(size);
  Buffer.from([0, 0, 0, 0x18]).copy(body, 0);
  Buffer.from('ftypisom', 'latin1').copy(body, 4);
  return body;
}

/** Serves `body` honouring `Range: bytes=N-` with 206 (416 past the end), like a CDN does. */
export function serveRanges(body: Buffer, contentType = 'video/mp4'): Handler {
  return (req, res) => {
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (!match) return void res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length }).end(body);
    const start = Number(match[1]);
    if (start >= body.length) return void res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
    res
      .writeHead(206, { 'Content-Type': contentType, 'Content-Length': body.length - start, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` })
      .end(body.subarray(start));
  };
}

/** Registers the per-test server and folder; read the fields inside tests and hooks. */
export function useRangeServer(tmpPrefix: string): RangeServer {
  let server: http.Server;
  let baseUrl = '';
  const fx: RangeServer = {
    dir: '',
    handler: (_req, res) => res.writeHead(500).end(),
    seen: [],
    url: (pathname = '/video.mp4') => `${baseUrl}${pathname}`,
    ranges: () => fx.seen.map((req) => req.headers.range),
  };
  beforeEach(async () => {
    fx.dir = await fsp.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
    fx.seen = [];
    fx.handler = (_req, res) => res.writeHead(500).end();
    server = http.createServer((req, res) => {
      fx.seen.push(req);
      fx.handler(req, res, fx.seen.length - 1);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fsp.rm(fx.dir, { recursive: true, force: true });
    // The CDN is public: nothing that identifies the user may ever be sent to it.
    for (const req of fx.seen) {
      expect(req.headers.authorization).toBeUndefined();
      expect(req.headers.cookie).toBeUndefined();
    }
  });
  return fx;
}
