// The node:http transport's promises: a reset loses none of the bytes that reached us (the resume
// asks for exactly the rest), and redirects are followed only within http(s) and only so far.
import { promises as fsp } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile as downloadFrom, type DownloadOptions } from '../../../electron/core/media/download';
import { fakeMp4, serveRanges, useRangeServer } from '../../support/range-server';

/** These tests serve the video from loopback, which only the provider's own host may use. */
const downloadToFile = (o: DownloadOptions) => downloadFrom({ privateHostsAllowed: ['127.0.0.1'], ...o });

const cdn = useRangeServer('veo-dl-resume-');
let dest: string;
beforeEach(() => {
  dest = path.join(cdn.dir, 'video.mp4');
});
const serveFrom = (body: Buffer, req: http.IncomingMessage, res: http.ServerResponse): void => serveRanges(body)(req, res, 0);

/** Promises the whole body, writes `cutAt` bytes of it, and hangs up once they left the server. */
function cutAfter(body: Buffer, cutAt: number, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length });
  res.write(body.subarray(0, cutAt), () => res.socket?.destroy());
}

describe('downloadToFile over node:http', () => {
  it.each([1, 65_537, 333_333, 1_048_577])('a reset after %i bytes resumes with exactly that Range', async (cutAt) => {
    const body = fakeMp4(1_500_000);
    cdn.handler = (req, res, n) => (n === 0 ? cutAfter(body, cutAt, res) : serveFrom(body, req, res));
    const outcome = await downloadToFile({ url: `${cdn.url('')}/v.mp4`, destPath: dest, expectedBytes: body.length, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(cdn.ranges()).toEqual([undefined, `bytes=${cutAt}-`]);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('survives several resets in a row, each resume starting where the last one stopped', async () => {
    const body = fakeMp4(900_000);
    const cuts = [100_000, 250_001, 700_000];
    cdn.handler = (req, res, n) => {
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const cutAt = cuts[n];
      if (cutAt === undefined) return serveFrom(body, req, res);
      const headers = { 'Content-Type': 'video/mp4', 'Content-Length': body.length - start };
      res.writeHead(start ? 206 : 200, start ? { ...headers, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` } : headers);
      res.write(body.subarray(start, cutAt), () => res.socket?.destroy());
    };
    const outcome = await downloadToFile({ url: `${cdn.url('')}/v.mp4`, destPath: dest, expectedBytes: body.length, retryDelayMs: 1 });
    expect(cdn.ranges()).toEqual([undefined, ...cuts.map((c) => `bytes=${c}-`)]);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('sends Accept-Encoding: identity and no credentials', async () => {
    const body = fakeMp4(10_000);
    cdn.handler = (req, res) => serveFrom(body, req, res);
    await downloadToFile({ url: `${cdn.url('')}/v.mp4`, destPath: dest });
    expect(cdn.seen[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('follows relative and absolute redirects (up to 5) to the video', async () => {
    const body = fakeMp4(20_000);
    cdn.handler = (req, res) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      if (hop === 4) return void res.writeHead(307, { Location: `${cdn.url('')}/video.mp4` }).end();
      if (hop >= 0) return void res.writeHead(hop % 2 ? 301 : 302, { Location: `/hop/${hop + 1}` }).end('moved');
      serveFrom(body, req, res);
    };
    const outcome = await downloadToFile({ url: `${cdn.url('')}/hop/0`, destPath: dest, expectedContentType: 'video/mp4' });
    expect(cdn.seen.map((req) => req.url)).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3', '/hop/4', '/video.mp4']);
    expect(outcome.bytes).toBe(body.length);
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('gives up after 5 redirects without retrying', async () => {
    cdn.handler = (req, res) => res.writeHead(302, { Location: `${req.url ?? ''}x` }).end();
    const error = await downloadToFile({ url: `${cdn.url('')}/r`, destPath: dest, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'http', message: expect.stringMatching(/redirected more than 5 times/) });
    expect(cdn.seen).toHaveLength(6);
  });

  it.each(['file:///etc/passwd', 'data:video/mp4;base64,AAAA', 'ftp://example.com/v.mp4'])('refuses a redirect to %s', async (location) => {
    cdn.handler = (_req, res) => res.writeHead(302, { Location: location }).end();
    const error = await downloadToFile({ url: `${cdn.url('')}/r`, destPath: dest, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'http', message: expect.stringMatching(/not http\(s\)/) });
    expect(cdn.seen).toHaveLength(1);
    expect(await fsp.stat(dest).then(() => true, () => false)).toBe(false);
  });
});
