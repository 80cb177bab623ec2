// The node:http transport's promises: a reset loses none of the bytes that reached us (the resume
// asks for exactly the rest), and redirects are followed only within http(s) and only so far.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile as downloadFrom, type DownloadOptions } from '../../../electron/core/media/download';

/** These tests serve the video from loopback, which only the provider's own host may use. */
const downloadToFile = (o: DownloadOptions) => downloadFrom({ privateHostsAllowed: ['127.0.0.1'], ...o });

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, requestIndex: number) => void;

let dir: string;
let dest: string;
let server: http.Server;
let baseUrl: string;
let handler: Handler;
let seen: http.IncomingMessage[];

function fakeMp4(size: number): Buffer {
  const body = randomBytes(size);
  Buffer.from([0, 0, 0, 0x18]).copy(body, 0);
  Buffer.from('ftypisom', 'latin1').copy(body, 4);
  return body;
}

/** 206 for `Range: bytes=N-`, 200 otherwise. */
function serveFrom(body: Buffer, req: http.IncomingMessage, res: http.ServerResponse): void {
  const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
  const headers = { 'Content-Type': 'video/mp4', 'Content-Length': body.length - start };
  if (start === 0) return void res.writeHead(200, headers).end(body);
  res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` }).end(body.subarray(start));
}

/** Promises the whole body, writes `cutAt` bytes of it, and hangs up once they left the server. */
function cutAfter(body: Buffer, cutAt: number, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length });
  res.write(body.subarray(0, cutAt), () => res.socket?.destroy());
}

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-dl-resume-'));
  dest = path.join(dir, 'video.mp4');
  seen = [];
  handler = (_req, res) => res.writeHead(500).end();
  server = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res, seen.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fsp.rm(dir, { recursive: true, force: true });
  for (const req of seen) {
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers.cookie).toBeUndefined();
  }
});

describe('downloadToFile over node:http', () => {
  it.each([1, 65_537, 333_333, 1_048_577])('a reset after %i bytes resumes with exactly that Range', async (cutAt) => {
    const body = fakeMp4(1_500_000);
    handler = (req, res, n) => (n === 0 ? cutAfter(body, cutAt, res) : serveFrom(body, req, res));
    const outcome = await downloadToFile({ url: `${baseUrl}/v.mp4`, destPath: dest, expectedBytes: body.length, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(seen.map((req) => req.headers.range)).toEqual([undefined, `bytes=${cutAt}-`]);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('survives several resets in a row, each resume starting where the last one stopped', async () => {
    const body = fakeMp4(900_000);
    const cuts = [100_000, 250_001, 700_000];
    handler = (req, res, n) => {
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const cutAt = cuts[n];
      if (cutAt === undefined) return serveFrom(body, req, res);
      const headers = { 'Content-Type': 'video/mp4', 'Content-Length': body.length - start };
      res.writeHead(start ? 206 : 200, start ? { ...headers, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` } : headers);
      res.write(body.subarray(start, cutAt), () => res.socket?.destroy());
    };
    const outcome = await downloadToFile({ url: `${baseUrl}/v.mp4`, destPath: dest, expectedBytes: body.length, retryDelayMs: 1 });
    expect(seen.map((req) => req.headers.range)).toEqual([undefined, ...cuts.map((c) => `bytes=${c}-`)]);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('sends Accept-Encoding: identity and no credentials', async () => {
    const body = fakeMp4(10_000);
    handler = (req, res) => serveFrom(body, req, res);
    await downloadToFile({ url: `${baseUrl}/v.mp4`, destPath: dest });
    expect(seen[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('follows relative and absolute redirects (up to 5) to the video', async () => {
    const body = fakeMp4(20_000);
    handler = (req, res) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      if (hop === 4) return void res.writeHead(307, { Location: `${baseUrl}/video.mp4` }).end();
      if (hop >= 0) return void res.writeHead(hop % 2 ? 301 : 302, { Location: `/hop/${hop + 1}` }).end('moved');
      serveFrom(body, req, res);
    };
    const outcome = await downloadToFile({ url: `${baseUrl}/hop/0`, destPath: dest, expectedContentType: 'video/mp4' });
    expect(seen.map((req) => req.url)).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3', '/hop/4', '/video.mp4']);
    expect(outcome.bytes).toBe(body.length);
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('gives up after 5 redirects without retrying', async () => {
    handler = (req, res) => res.writeHead(302, { Location: `${req.url ?? ''}x` }).end();
    const error = await downloadToFile({ url: `${baseUrl}/r`, destPath: dest, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'http', message: expect.stringMatching(/redirected more than 5 times/) });
    expect(seen).toHaveLength(6);
  });

  it.each(['file:///etc/passwd', 'data:video/mp4;base64,AAAA', 'ftp://example.com/v.mp4'])('refuses a redirect to %s', async (location) => {
    handler = (_req, res) => res.writeHead(302, { Location: location }).end();
    const error = await downloadToFile({ url: `${baseUrl}/r`, destPath: dest, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'http', message: expect.stringMatching(/not http\(s\)/) });
    expect(seen).toHaveLength(1);
    expect(await fsp.stat(dest).then(() => true, () => false)).toBe(false);
  });
});
