import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, downloadToFile as downloadFrom, type DownloadOptions, type DownloadProgress } from '../../../electron/core/media/download';
import { fakeMp4, serveRanges, useRangeServer, type Handler } from '../../support/range-server';

/** These tests serve the video from loopback, which only the provider's own host may use. */
const downloadToFile = (o: DownloadOptions) => downloadFrom({ privateHostsAllowed: ['127.0.0.1'], ...o });

const cdn = useRangeServer('veo-dl-');
let dest: string;
beforeEach(() => {
  dest = path.join(cdn.dir, 'media', 'job-1', 'video.mp4');
});

/** Headers and `sent` bytes, then silence (the socket stays open until the server closes). */
function stallAfter(body: Buffer, sent: number | 'nothing'): Handler {
  return (_req, res) => {
    if (sent === 'nothing') return;
    res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length });
    if (sent > 0) res.write(body.subarray(0, sent));
    else res.flushHeaders();
  };
}

/** A .part an earlier run left behind. */
async function leavePart(bytes: Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  await fsp.writeFile(`${dest}.part`, bytes);
}
const exists = (p: string) => fsp.stat(p).then(() => true, () => false);
const url = (p?: string) => cdn.url(p);

describe('downloadToFile', () => {
  it('downloads the whole file, reports progress, and leaves no .part', async () => {
    const body = fakeMp4(1_000_000);
    cdn.handler = serveRanges(body);
    const events: DownloadProgress[] = [];
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedBytes: body.length, expectedContentType: 'video/mp4', onProgress: (p) => events.push(p) });
    expect(outcome).toEqual({ bytes: body.length, resumed: false, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
    expect(await exists(`${dest}.part`)).toBe(false);
    expect(events.at(-1)).toEqual({ receivedBytes: body.length, totalBytes: body.length });
    for (let i = 1; i < events.length; i++) expect(events[i]!.receivedBytes).toBeGreaterThan(events[i - 1]!.receivedBytes);
    expect(cdn.ranges()[0]).toBeUndefined();
  });

  it('throttles progress to about one event per 1 % (or 100 ms), always ending with the total', async () => {
    const body = fakeMp4(100_000);
    const chunks = 2_000;
    const fakeFetch = (async () => {
      const size = body.length / chunks;
      let i = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i === chunks) controller.close();
          else controller.enqueue(new Uint8Array(body.subarray(i * size, ++i * size)));
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'video/mp4', 'Content-Length': String(body.length) } });
    }) as typeof fetch;
    const events: DownloadProgress[] = [];
    await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4', fetch: fakeFetch, onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThan(5);
    expect(events.length).toBeLessThanOrEqual(130);
    expect(events.at(-1)).toEqual({ receivedBytes: body.length, totalBytes: body.length });
  });

  it('resumes with a Range request after a truncated response, fetching nothing twice', async () => {
    const body = fakeMp4(600_000);
    const ranged = serveRanges(body);
    cdn.handler = (req, res, n) => {
      if (n > 0) return ranged(req, res, n);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length });
      res.write(body.subarray(0, 250_000), () => res.socket?.destroy());
    };
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedBytes: body.length, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(cdn.seen).toHaveLength(2);
    const start = Number(/^bytes=(\d+)-$/.exec(cdn.ranges()[1] ?? '')?.[1]);
    expect(start).toBeGreaterThan(0);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('resumes a .part left by an earlier run (e.g. a previous process)', async () => {
    const body = fakeMp4(300_000);
    cdn.handler = serveRanges(body);
    await leavePart(body.subarray(0, 123_456));
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedBytes: body.length, expectedContentType: 'video/mp4' });
    expect(cdn.ranges()).toEqual(['bytes=123456-']);
    expect(outcome).toEqual({ bytes: body.length, resumed: true, bytesFetchedTwice: 0 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('starts over when the server ignores Range and answers 200', async () => {
    const body = fakeMp4(200_000);
    cdn.handler = (_req, res) => res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': body.length }).end(body);
    await leavePart(Buffer.alloc(5_000, 0xee)); // wrong bytes: must not survive
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4' });
    expect(cdn.ranges()[0]).toBe('bytes=5000-');
    expect(outcome).toEqual({ bytes: body.length, resumed: false, bytesFetchedTwice: 5_000 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('finishes without a body when a 416 says the .part is already complete', async () => {
    const body = fakeMp4(50_000);
    cdn.handler = serveRanges(body);
    await leavePart(body);
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4' });
    expect(cdn.ranges()).toEqual(['bytes=50000-']);
    expect(outcome.bytes).toBe(body.length);
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('drops a .part the server cannot resume (416, larger than the file) and fetches it whole', async () => {
    const body = fakeMp4(30_000);
    cdn.handler = serveRanges(body);
    await leavePart(Buffer.alloc(40_000, 1));
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(cdn.ranges()).toEqual(['bytes=40000-', undefined]);
    expect(outcome).toEqual({ bytes: body.length, resumed: false, bytesFetchedTwice: 40_000 });
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('refetches from zero when a 206 starts somewhere other than where we asked', async () => {
    const body = fakeMp4(30_000);
    const ok = serveRanges(body);
    cdn.handler = (req, res, n) => {
      if (n > 0) return ok(req, res, n);
      res.writeHead(206, { 'Content-Type': 'video/mp4', 'Content-Range': `bytes 0-${body.length - 1}/${body.length}` }).end(body);
    };
    await leavePart(body.subarray(0, 1_000));
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(cdn.ranges()).toEqual(['bytes=1000-', undefined]);
    expect(outcome.bytesFetchedTwice).toBe(1_000);
    expect((await fsp.readFile(dest)).equals(body)).toBe(true);
  });

  it('retries a 503 and then succeeds', async () => {
    const body = fakeMp4(10_000);
    const ok = serveRanges(body);
    cdn.handler = (req, res, n) => (n === 0 ? res.writeHead(503).end('busy') : ok(req, res, n));
    const outcome = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4', retryDelayMs: 1 });
    expect(cdn.seen).toHaveLength(2);
    expect(outcome.bytes).toBe(body.length);
  });

  it('gives up after maxAttempts of 5xx with an http error', async () => {
    cdn.handler = (_req, res) => res.writeHead(502).end();
    const error = await downloadToFile({ url: url(), destPath: dest, maxAttempts: 3, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'http', httpStatus: 502, message: expect.stringMatching(/after 3 attempts/) });
    expect(cdn.seen).toHaveLength(3);
  });

  it('rejects a size that differs from the expected one and leaves no file behind', async () => {
    const body = fakeMp4(20_000);
    cdn.handler = serveRanges(body);
    const error = await downloadToFile({ url: url(), destPath: dest, expectedBytes: body.length + 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'integrity' });
    expect(await exists(dest)).toBe(false);
    expect(await exists(`${dest}.part`)).toBe(false);
  });

  it('rejects a body longer than expected when no length header was sent', async () => {
    const body = fakeMp4(20_000);
    cdn.handler = (_req, res) => res.writeHead(200, { 'Content-Type': 'video/mp4' }).end(body); // chunked
    const error = await downloadToFile({ url: url(), destPath: dest, expectedBytes: 10_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'integrity', message: expect.stringMatching(/more than/) });
    expect(await exists(dest)).toBe(false);
    expect(await exists(`${dest}.part`)).toBe(false);
  });

  it('rejects a wrong content type (an HTML error page) and leaves no file', async () => {
    cdn.handler = (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html>oops</html>');
    const error = await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'integrity', message: expect.stringMatching(/text\/html/) });
    expect(await exists(dest)).toBe(false);
    expect(await exists(`${dest}.part`)).toBe(false);
  });

  it('accepts video/mp4 with parameters, and octet-stream only when the bytes are an MP4', async () => {
    const mp4 = fakeMp4(4_000);
    cdn.handler = serveRanges(mp4, 'video/mp4; codecs="avc1.640028"');
    await downloadToFile({ url: url(), destPath: dest, expectedContentType: 'video/mp4' });
    cdn.handler = serveRanges(mp4, 'application/octet-stream');
    await downloadToFile({ url: url(), destPath: `${dest}.2`, expectedContentType: 'video/mp4' });
    expect((await fsp.readFile(`${dest}.2`)).equals(mp4)).toBe(true);

    cdn.handler = serveRanges(randomBytes(4_000).fill(0, 0, 8), 'application/octet-stream');
    const error = await downloadToFile({ url: url(), destPath: `${dest}.3`, expectedContentType: 'video/mp4' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'integrity', message: expect.stringMatching(/not an MP4/) });
    expect(await exists(`${dest}.3`)).toBe(false);
    expect(await exists(`${dest}.3.part`)).toBe(false);
  });

  it.each([403, 404, 410])('reports HTTP %i as an expired video without retrying', async (status) => {
    cdn.handler = (_req, res) => res.writeHead(status).end();
    const error = await downloadToFile({ url: url(), destPath: dest, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'expired', httpStatus: status, message: expect.stringMatching(/expired on the server before it was saved/) });
    expect(cdn.seen).toHaveLength(1);
  });

  it.each([
    ['after some bytes', 1_000],
    ['right after the headers', 0],
    ['before the headers', 'nothing'],
  ] as const)('times out a stalled server (%s), retries, then gives up', async (_label, sent) => {
    const body = fakeMp4(50_000);
    cdn.handler = stallAfter(body, sent);
    const error = await downloadToFile({ url: url(), destPath: dest, idleTimeoutMs: 150, maxAttempts: 2, retryDelayMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/No data arrived/) });
    expect(cdn.seen).toHaveLength(2);
    expect(await exists(dest)).toBe(false);
  });

  it('stops on abort, keeping the .part for a later resume', async () => {
    const body = fakeMp4(50_000);
    cdn.handler = stallAfter(body, 2_000);
    const controller = new AbortController();
    const run = downloadToFile({
      url: url(),
      destPath: dest,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.receivedBytes > 0) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(cdn.seen).toHaveLength(1);
    expect(await exists(dest)).toBe(false);
    expect((await fsp.stat(`${dest}.part`)).size).toBeGreaterThan(0);
  });

  it('refuses a non-http URL without making a request', async () => {
    await expect(downloadToFile({ url: 'file:///etc/passwd', destPath: dest })).rejects.toMatchObject({ code: 'http' });
    expect(cdn.seen).toHaveLength(0);
  });
});
