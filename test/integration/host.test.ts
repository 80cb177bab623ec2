// The browser host end to end, in-process: the page served to anyone on our Host (it holds no
// secret), the WebSocket gated by Origin and the run's token (Sec-WebSocket-Protocol), the contract
// round-tripping over it, a simulator job running to completion with its events, seekable media by
// signed URL, and the API key absent from every frame. The attacks on the session itself are in
// host-session.test.ts.
import { readFile } from 'node:fs/promises';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, LibraryPage, PreparedImageInfo } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { mediaKeyFromToken, mediaUrl, signedMediaQuery } from '../../shared/media-url';
import { HOST_WS_PROTOCOL, hostTokenProtocol } from '../../shared/wire-protocol';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { startHost, type RunningHost } from '../../electron/host/server';
import { HostWsClient, refusedWsUpgrade } from '../support/host-ws';
import { REPO } from '../support/run-cli';

const KEY = 'sk-host-test-SECRET-0123456789-abcd';
const INDEX_HTML =
  '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'; connect-src \'self\'">' +
  '<script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';

let tmp: string;
let host: RunningHost;
const logs: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTP, so tests control Host, Cookie and un-normalised paths exactly. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'veo-host-'));
  const staticDir = join(tmp, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(tmp, 'outside.txt'), 'must never be served');
  host = await startHost({
    port: 0,
    dataDir: join(tmp, 'data'),
    provider: 'simulator',
    staticDir,
    log: (m) => logs.push(m),
    coreOverrides: {
      keychain: new MemoryKeychain(),
      // Its jobs use example.com links: never fetched from a test.
      simulator: { timing: FAST_TEST_TIMING, pingIntervalMs: 50, fetchImageUrls: false },
      follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100 },
    },
  });
});
afterAll(async () => {
  await host?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('access', () => {
  it('prints a loopback URL carrying the token in its fragment', () => {
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('serves the page with its CSP, uncached, and sets no cookie', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; connect-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body.toString()).toBe(INDEX_HTML);
  });

  it('refuses media without a signature (a plain GET of /ws is not a socket: 404)', async () => {
    expect((await get('/media/media/x/video.mp4')).status).toBe(401);
    expect((await get('/ws')).status).toBe(404);
  });

  it('serves assets with the same CSP', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; connect-src 'self'");
    expect(res.body.toString()).toBe('console.log("app");');
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const port = new URL(host.origin).port;
    expect((await get('/assets/app.js', { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await get('/', { Host: `localhost:${port}` })).status).toBe(403);
  });

  it.each(['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/assets%5c..%5c..%5coutside.txt', '/.%2e/.%2e/outside.txt'])(
    'never serves files outside the renderer folder: %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('must never be served');
    },
  );

  it('answers app routes with the page, a missing favicon with 204, other missing files with 404', async () => {
    const route = await get('/library', { Accept: 'text/html' });
    expect(route.status).toBe(200);
    expect(route.body.toString()).toBe(INDEX_HTML);
    expect((await get('/favicon.ico')).status).toBe(204);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('only GET and HEAD', async () => {
    expect((await get('/assets/app.js', {}, 'POST')).status).toBe(405);
    const head = await get('/assets/app.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

// ---- WebSocket ---------------------------------------------------------------------------------

const wsUrl = (): string => `${host.origin.replace('http', 'ws')}/ws`;

const pageProtocols = (): string[] => [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)];
const signed = (relativePath: string): string => mediaUrl('/media', relativePath, { key: mediaKeyFromToken(host.token), nowMs: Date.now() })!;

/** A page's WebSocket: the host's subprotocol and this run's token, from the host's own origin. */
const openClient = (): Promise<HostWsClient> => HostWsClient.open(wsUrl(), pageProtocols(), { origin: host.origin });
const refusedUpgrade = (protocols: string[], origin?: string): Promise<number> => refusedWsUpgrade(wsUrl(), protocols, origin);

describe('WebSocket', () => {
  let client: HostWsClient;
  beforeAll(async () => {
    client = await openClient();
  });
  afterAll(() => client?.ws.close());

  it('refuses an upgrade without the token, or from another origin', async () => {
    expect(await refusedUpgrade([], host.origin)).toBe(401);
    expect(await refusedUpgrade([HOST_WS_PROTOCOL, hostTokenProtocol('nope')], host.origin)).toBe(401);
    expect(await refusedUpgrade(pageProtocols(), 'http://evil.example')).toBe(403);
    expect(await refusedUpgrade(pageProtocols(), host.origin.replace('127.0.0.1', 'localhost'))).toBe(403);
    expect(await refusedUpgrade(pageProtocols())).toBe(403);
  });

  it('answers with its protocol name, never echoing the token back', () => {
    expect(client.ws.protocol).toBe(HOST_WS_PROTOCOL);
  });

  it('round-trips app:info and library:list', async () => {
    const info = await client.invoke<AppInfo>('app:info');
    // Started with --provider: the page must not offer other providers (red-team L7).
    expect(info).toMatchObject({ face: 'host', mediaBase: '/media', provider: 'simulator', providerFixed: true, nativeFiles: false });
    expect(info.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]/);
    expect(await client.invoke<LibraryPage>('library:list', {})).toEqual({ items: [], total: 0 });
  });

  it('answers malformed frames it can, ignores the rest, and keeps serving', async () => {
    client.sendRaw('not json at all');
    client.sendRaw('[]');
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    const badChannel = await client.sendRaw(JSON.stringify({ type: 'invoke', id: 9001, channel: 5 }), 9001)!;
    expect(badChannel.result).toEqual({ ok: false, error: { kind: 'invalid_input', message: 'Malformed request.' } });
    const noType = await client.sendRaw(JSON.stringify({ id: 9002, channel: 'app:info' }), 9002)!;
    expect(noType.result.ok).toBe(false);
    const unknown = await client.sendRaw(JSON.stringify({ type: 'invoke', id: 9003, channel: 'fs:readFile', payload: '/etc/passwd' }), 9003)!;
    expect(unknown.result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const badPayload = await client.sendRaw(JSON.stringify({ type: 'invoke', id: 9004, channel: 'jobs:cancel', payload: { id: 7 } }), 9004)!;
    expect(badPayload.result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    expect((await client.invoke<AppInfo>('app:info')).face).toBe('host');
  });

  it('runs a job from dropped bytes to completed, with events, and serves its video with ranges', async () => {
    expect(await client.invoke('key:set', { provider: 'fal', key: KEY })).toEqual({ isSet: true, last4: 'abcd' });
    const bytes = await readFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
    const image = await client.invoke<PreparedImageInfo>('image:prepare', { kind: 'bytes', name: 'sample-input.jpg', base64: bytes.toString('base64') });
    expect(image).toMatchObject({ kind: 'file', mime: 'image/jpeg' });
    const job = await client.invoke<JobRecord>('jobs:create', {
      params: { prompt: 'a lighthouse at dusk, slow dolly in', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true },
      imageToken: image.token,
    });
    const done = await client.waitForEvent(
      (f) => f.channel === 'job:updated' && (f.payload as JobRecord).id === job.id && ['completed', 'failed', 'cancelled'].includes((f.payload as JobRecord).state),
    );
    const rec = done.payload as JobRecord;
    expect(rec.state, JSON.stringify(rec.error)).toBe('completed');
    expect(client.events.some((f) => f.channel === 'job:progress' && (f.payload as { id: string }).id === job.id)).toBe(true);
    expect(client.events.some((f) => f.channel === 'library:changed' && (f.payload as { id: string }).id === job.id)).toBe(true);

    const video = await readFile(host.core.library.resolve(rec.videoPath!));
    const ranged = await get(signed(rec.videoPath!), { Range: 'bytes=100-299' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 100-299/${video.length}`);
    expect(ranged.headers['content-type']).toBe('video/mp4');
    expect(ranged.body).toEqual(video.subarray(100, 300));
    const whole = await get(signed(rec.videoPath!));
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual(video);
    expect((await get(signed(rec.videoPath!), { Range: `bytes=${video.length}-` })).status).toBe(416);
    if (rec.input.kind === 'file') expect((await get(signed(rec.input.thumbPath!))).headers['content-type']).toBe('image/jpeg');
    expect((await get(signed('library.jsonl'))).status).toBe(403);
    // Signed exactly as requested (the page would never produce this path): still confined.
    const escape = 'media/%2e%2e/%2e%2e/outside.txt';
    const query = signedMediaQuery({ key: mediaKeyFromToken(host.token), nowMs: Date.now() }, escape);
    expect((await get(`/media/${escape}?${query}`)).status).toBe(403);

    // Everything the page received: the last 4 may appear, the key never.
    await client.invoke('key:status', { provider: 'fal' });
    const all = client.frames.join('\n');
    expect(all).toContain('abcd');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain('SECRET');
    expect(logs.join('\n')).not.toContain('SECRET');
  });

  it('broadcasts events to every connected page', async () => {
    const second = await openClient();
    try {
      const { token } = await client.invoke<PreparedImageInfo>('image:prepare', { kind: 'url', url: 'https://example.com/fox.png' });
      const job = await client.invoke<JobRecord>('jobs:create', { params: { prompt: 'broadcast' }, imageToken: token });
      await second.waitForEvent((f) => f.channel === 'job:updated' && (f.payload as JobRecord).id === job.id);
      await client.invoke('jobs:cancel', { id: job.id });
    } finally {
      second.ws.close();
    }
  });
});
