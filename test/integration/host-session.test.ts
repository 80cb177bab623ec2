// Issue 10 "High": the browser host's session must not ride on a cookie. Cookies are not separated
// by port, so any other server on 127.0.0.1 the browser visits used to receive `veo_host=<token>`
// and could replay it from outside with a forged Origin: read any picture on disk through
// image:prepare {kind:'path'}, point the API base at itself. These replay what such a server can
// see or forge, and check that none of it works any more.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { startHost, type RunningHost } from '../../electron/host/server';
import { mediaKeyFromToken, mediaUrl, MEDIA_PATH, MEDIA_URL_WINDOW_S } from '../../shared/media-url';
import { HOST_WS_PROTOCOL, hostTokenProtocol } from '../../shared/wire-protocol';
import { REPO } from '../support/run-cli';

const SAMPLE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');

let tmp: string;
let host: RunningHost;
let videoPath: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Result = { ok: boolean; value?: unknown; error?: { kind: string; message: string } };

/** Opens the socket (or reports the refusal's status) and offers `invoke` over it. */
function connect(opts: { protocols?: string[]; headers?: Record<string, string>; origin?: string }): Promise<{ status: number; invoke?: (channel: string, payload?: unknown) => Promise<Result>; ws: WebSocket }> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws`, opts.protocols ?? [], {
    headers: opts.headers ?? {},
    ...(opts.origin ? { origin: opts.origin } : {}),
  });
  let nextId = 1;
  const pending = new Map<number, (r: Result) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result };
    if (frame.type === 'result' && frame.id !== undefined) pending.get(frame.id)?.(frame.result!);
  });
  const invoke = (channel: string, payload?: unknown): Promise<Result> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ type: 'invoke', id, channel, ...(payload === undefined ? {} : { payload }) }));
    });
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, ws }));
    ws.on('open', () => resolve({ status: 101, invoke, ws }));
    ws.on('error', () => resolve({ status: -1, ws }));
  });
}

const pageSocket = () => connect({ protocols: [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)], origin: host.origin });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'veo-host-session-'));
  const staticDir = join(tmp, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Veo Studio</title>');
  host = await startHost({
    dataDir: join(tmp, 'data'),
    provider: 'simulator',
    staticDir,
    log: () => undefined,
    coreOverrides: {
      keychain: new MemoryKeychain(),
      simulator: { timing: FAST_TEST_TIMING, pingIntervalMs: 50 },
      follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100 },
    },
  });
  const page = await pageSocket();
  const prepared = await page.invoke!('image:prepare', { kind: 'bytes', name: 'in.jpg', base64: (await readFile(SAMPLE)).toString('base64') });
  const job = await page.invoke!('jobs:create', { params: { prompt: 'a heron at dawn' }, imageToken: (prepared.value as { token: string }).token });
  const done = await host.core.runner.wait((job.value as { id: string }).id);
  videoPath = done.videoPath!;
  page.ws.close();
}, 60_000);

afterAll(async () => {
  await host?.close();
  await rm(tmp, { recursive: true, force: true });
});

// That the printed URL carries the token in its fragment (which browsers never send to a server) is
// host.test.ts's "access" test.
describe('no cookie, so nothing for another port to receive', () => {
  it.each(['/', `/?token=${host?.token ?? ''}`, '/index.html', '/library'])('%s sets no cookie', async (path) => {
    const res = await get(path.replace('undefined', ''), { Accept: 'text/html' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a replayed cookie opens nothing: not the socket, not media', async () => {
    const cookie = `veo_host=${host.token}`;
    expect((await connect({ headers: { Cookie: cookie }, origin: host.origin })).status).toBe(401);
    expect((await get(`${MEDIA_PATH}/${videoPath}`, { Cookie: cookie })).status).toBe(401);
  });

  it('the token is accepted only from our own Origin (a forged Origin is refused before anything runs)', async () => {
    const protocols = [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)];
    expect((await connect({ protocols, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await connect({ protocols })).status).toBe(403);
    expect((await connect({ protocols: [HOST_WS_PROTOCOL, hostTokenProtocol('guess')], origin: host.origin })).status).toBe(401);
    expect((await connect({ protocols: [HOST_WS_PROTOCOL], origin: host.origin })).status).toBe(401);
  });

  it('cookies planted by a page on another port cannot lock the user out (shadowing names, or a header too big to parse)', async () => {
    const planted = [`veo_host=planted`, ...Array.from({ length: 150 }, (_, i) => `junk${i}=${'x'.repeat(4000)}`)].join('; ');
    const page = await connect({ protocols: [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)], origin: host.origin, headers: { Cookie: planted } });
    expect(page.status).toBe(101);
    expect((await page.invoke!('app:info')).ok).toBe(true);
    page.ws.close();
    expect((await get('/', { Cookie: planted })).status).toBe(200);
    const signed = mediaUrl(MEDIA_PATH, videoPath, { key: mediaKeyFromToken(host.token), nowMs: Date.now() })!;
    expect((await get(signed, { Cookie: planted, Range: 'bytes=0-9' })).status).toBe(206);
  });
});

describe('media by signed, short-lived URL', () => {
  const key = () => mediaKeyFromToken(host.token);

  it('serves a URL the page signed, with ranges', async () => {
    const url = mediaUrl(MEDIA_PATH, videoPath, { key: key(), nowMs: Date.now() })!;
    const video = await readFile(host.core.library.resolve(videoPath));
    const ranged = await get(url, { Range: 'bytes=10-19' });
    expect(ranged.status).toBe(206);
    expect(ranged.body).toEqual(video.subarray(10, 20));
    expect((await get(url)).body).toEqual(video);
  });

  it('refuses unsigned, forged, re-targeted, expired and far-future URLs', async () => {
    const now = Date.now();
    const good = mediaUrl(MEDIA_PATH, videoPath, { key: key(), nowMs: now })!;
    const query = good.slice(good.indexOf('?'));
    expect((await get(`${MEDIA_PATH}/${videoPath}`)).status).toBe(401);
    expect((await get(mediaUrl(MEDIA_PATH, videoPath, { key: mediaKeyFromToken('not the token'), nowMs: now })!)).status).toBe(403);
    expect((await get(mediaUrl(MEDIA_PATH, videoPath, { key: host.token, nowMs: now })!)).status).toBe(403);
    // The signature covers the path: it cannot be moved to another file.
    expect((await get(`${MEDIA_PATH}/library.jsonl${query}`)).status).toBe(403);
    expect((await get(mediaUrl(MEDIA_PATH, videoPath, { key: key(), nowMs: now - 3 * MEDIA_URL_WINDOW_S * 1000 })!)).status).toBe(403);
    expect((await get(mediaUrl(MEDIA_PATH, videoPath, { key: key(), nowMs: now + 10 * MEDIA_URL_WINDOW_S * 1000 })!)).status).toBe(403);
  });

  it('is refused when another site asks for it (Sec-Fetch-Site), even signed', async () => {
    const url = mediaUrl(MEDIA_PATH, videoPath, { key: key(), nowMs: Date.now() })!;
    expect((await get(url, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await get(url, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(url, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });
});

describe('what the host face refuses even to its own page', () => {
  let invoke: (channel: string, payload?: unknown) => Promise<Result>;
  let ws: WebSocket;
  beforeAll(async () => {
    const page = await pageSocket();
    invoke = page.invoke!;
    ws = page.ws;
  });
  afterAll(() => ws?.close());

  it('image:prepare by path: the page has no paths, so the file on disk is never read', async () => {
    const result = await invoke('image:prepare', { kind: 'path', path: SAMPLE });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(result.error?.message).toMatch(/drop|choose/i);
  });

  it('sidecar:open by path', async () => {
    const sidecar = join(tmp, 'x.json');
    await writeFile(sidecar, '{}');
    expect(await invoke('sidecar:open', { kind: 'path', path: sidecar })).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('a new API base: only from the terminal that started the host (--api-base) or the desktop app', async () => {
    const result = await invoke('settings:update', { apiBase: { aggregator: 'http://127.0.0.1:1/harvest' } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(result.error?.message).toContain('--api-base');
    expect(host.core.settings().apiBase).toEqual({});
    // Other settings still save, and re-sending the unchanged bases (what the page does) is fine.
    expect(await invoke('settings:update', { concurrency: 3, apiBase: {} })).toMatchObject({ ok: true });
    expect(host.core.settings().concurrency).toBe(3);
  });
});
