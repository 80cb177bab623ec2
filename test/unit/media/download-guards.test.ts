// Issue 10: the downloader followed a provider anywhere — an endless body with no announced size
// filled the disk, and a video URL on 127.0.0.1 / link-local was fetched. Both are refused now.
import { promises as fsp } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../../electron/core/media/download-address';
import { DownloadError, downloadToFile } from '../../../electron/core/media/download';

let server: http.Server;
let port: number;
let dir: string;
let requests: string[];
let handler: http.RequestListener;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-dl-guards-'));
  requests = [];
  server = http.createServer((req, res) => {
    requests.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fsp.rm(dir, { recursive: true, force: true });
});

const exists = (p: string) => fsp.stat(p).then(() => true, () => false);

/** A body with no Content-Length that keeps coming until `limit` bytes (or forever). */
function endless(limit = Number.POSITIVE_INFINITY): http.RequestListener {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4' });
    const chunk = Buffer.alloc(64 * 1024, 1);
    let sent = 0;
    const pump = (): void => {
      while (sent < limit) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = limit));
    pump();
  };
}

describe('a video with no announced size', () => {
  it('is cut off at the cap: a clear error, and the .part is removed', async () => {
    handler = endless();
    const dest = path.join(dir, 'video.mp4');
    const error = await downloadToFile({ url: `http://127.0.0.1:${port}/v.mp4`, destPath: dest, maxBytes: 1024 * 1024, privateHostsAllowed: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ code: 'too_large', retryable: false });
    expect((error as Error).message).toMatch(/larger than 1\.0 MB/);
    expect(await exists(`${dest}.part`)).toBe(false);
    expect(await exists(dest)).toBe(false);
  });

  it('an announced size over the cap is refused before the body is read', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(5 * 1024 * 1024) }).end(Buffer.alloc(5 * 1024 * 1024));
    const dest = path.join(dir, 'video.mp4');
    const error = await downloadToFile({ url: `http://127.0.0.1:${port}/v.mp4`, destPath: dest, maxBytes: 1024 * 1024, privateHostsAllowed: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_large' });
    expect(await exists(`${dest}.part`)).toBe(false);
  });

  it('a body under the cap still arrives whole', async () => {
    handler = endless(256 * 1024);
    const dest = path.join(dir, 'video.mp4');
    const out = await downloadToFile({ url: `http://127.0.0.1:${port}/v.mp4`, destPath: dest, maxBytes: 1024 * 1024, privateHostsAllowed: ['127.0.0.1'] });
    expect(out.bytes).toBe(256 * 1024);
  });
});

describe('video URLs on this machine or a private network', () => {
  it.each(['127.0.0.1', 'localhost'])('http://%s:… is refused without one request reaching it', async (host) => {
    handler = endless(1024);
    const error = await downloadToFile({ url: `http://${host}:${port}/v.mp4`, destPath: path.join(dir, 'v.mp4'), maxAttempts: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'refused', retryable: false });
    expect((error as Error).message).toMatch(/private network/);
    expect(requests).toEqual([]);
  });

  it('a redirect from an allowed host to another private one is refused at the hop', async () => {
    handler = (req, res) => {
      if (req.url === '/start') return void res.writeHead(302, { location: `http://localhost:${port}/v.mp4` }).end();
      endless(1024)(req, res);
    };
    const error = await downloadToFile({ url: `http://127.0.0.1:${port}/start`, destPath: path.join(dir, 'v.mp4'), privateHostsAllowed: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'refused' });
    expect(requests).toEqual([`127.0.0.1:${port}/start`]);
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not-an-ip']) {
      expect([a, isNonPublicAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '142.250.74.46', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect([a, isNonPublicAddress(a)]).toEqual([a, false]);
    }
  });
});
