// The renderer's reach through the browser host: every WebSocket frame it can receive is free of the
// API key (even while the key is being set and used), the media route serves library media and
// nothing else (encoded `..`, absolute paths, backslashes, NUL, symlinks that leave the library,
// other schemes, even when signed), and requests from other hosts, origins or without the run's token
// (or its media signature) are refused.
import { request as httpRequest } from 'node:http';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaPath } from '../../electron/core/media/serve-file';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { SAMPLE_CLIP_PATH } from '../../electron/core/simulator/video-source';
import { startHost, type RunningHost } from '../../electron/host/server';
import { REPO, within } from './support/child';
import { SAMPLE_INPUT } from './support/fault-core';
import { mediaKeyFromToken, signedMediaQuery } from '../../shared/media-url';
import { HOST_WS_PROTOCOL, hostTokenProtocol } from '../../shared/wire-protocol';

const KEY = 'sk-host-frames-2b9e4d7a1c3f5e8d';
const KEY_CORE = KEY.slice(3, -4);

let sim: Simulator;
let host: RunningHost;
let dir: string;
let jobId: string;
const frames: string[] = [];
const hostLog: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as written (no client-side normalisation of `..`). */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { port, host: hostHeader } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: hostHeader, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end();
  });
}

let socket: WebSocket;
let nextId = 1;
const pending = new Map<number, (result: { ok: boolean; value?: unknown; error?: { message: string } }) => void>();

function invoke(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const id = nextId++;
  return within(10_000, `ws ${channel}`, new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ type: 'invoke', id, channel, ...(payload === undefined ? {} : { payload }) }));
  }));
}

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  dir = await mkdtemp(join(tmpdir(), 'veo-host-reach-'));
  const staticDir = join(dir, 'renderer');
  await mkdir(staticDir);
  await copyFile(join(REPO, 'renderer/index.html'), join(staticDir, 'index.html'));
  host = await startHost({
    dataDir: join(dir, 'data'),
    provider: 'aggregator',
    apiBase: sim.baseUrl,
    staticDir,
    log: (m) => hostLog.push(m),
    coreOverrides: {
      keychain: new MemoryKeychain(),
      keychainService: 'Veo Studio host reach test',
      follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100 },
      steps: { resultRetryDelayMs: 20 },
    },
  });
  socket = new WebSocket(`${host.origin.replace('http', 'ws')}/ws`, [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)], { headers: { origin: host.origin } });
  socket.on('message', (data) => {
    const text = data.toString();
    frames.push(text);
    const frame = JSON.parse(text) as { type: string; id?: number; result?: never };
    if (frame.type === 'result' && frame.id !== undefined) pending.get(frame.id)?.(frame.result as never);
  });
  await within(5000, 'WebSocket open', new Promise((r, j) => socket.once('open', r).once('error', j)));

  // Set the key and use it for a real job, all over the socket, as the page does.
  expect(await invoke('key:set', { key: KEY })).toMatchObject({ ok: true, value: { isSet: true, last4: KEY.slice(-4) } });
  const prepared = await invoke('image:prepare', { kind: 'bytes', name: 'in.jpg', base64: (await readFile(SAMPLE_INPUT)).toString('base64') });
  const created = await invoke('jobs:create', { params: { prompt: 'a heron at dawn' }, imageToken: (prepared.value as { token: string }).token });
  jobId = (created.value as { id: string }).id;
  await within(15_000, 'job completed', host.core.runner.wait(jobId));
  for (const channel of ['key:status', 'app:info', 'jobs:active', 'settings:get']) await invoke(channel);
  await invoke('library:list', {});
  await invoke('key:set', { key: `${KEY}\n${KEY}` }); // refused: must not echo
  socket.send('not json');
  socket.send(JSON.stringify({ type: 'invoke', id: 99_999, channel: 'key:set', payload: { key: 42 } }));
  await invoke('library:get', { id: jobId });
}, 60_000);

afterAll(async () => {
  socket?.close();
  await host?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('WebSocket frames', () => {
  it('carried the whole job, and never the key', () => {
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.some((f) => f.includes('"completed"'))).toBe(true);
    for (const f of frames) expect(f.includes(KEY_CORE), f.slice(0, 200)).toBe(false);
    expect(frames.some((f) => f.includes(KEY.slice(-4)))).toBe(true);
  });

  it('the host logged nothing that quotes the key', () => {
    expect(hostLog.join('\n')).not.toContain(KEY_CORE);
  });

  it('refuses a socket from another origin, or without the token', async () => {
    const token = [HOST_WS_PROTOCOL, hostTokenProtocol(host.token)];
    for (const [protocols, headers] of [[token, { origin: 'http://evil.example' }], [[HOST_WS_PROTOCOL], { origin: host.origin }]] as const) {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws`, [...protocols], { headers });
      const status = await within(5000, 'refused upgrade', new Promise<number>((resolve) => {
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => resolve(-1));
      }));
      expect([401, 403]).toContain(status);
    }
  });
});

/** `path` (`/media/<encoded>`) as the page would sign it: whatever it asks for, the signature holds. */
const signed = (path: string): string => `${path}?${signedMediaQuery({ key: mediaKeyFromToken(host.token), nowMs: Date.now() }, path.replace(/^\/media\//, ''))}`;

describe('the media route', () => {
  it('serves the finished video (and a byte range of it) to the page', async () => {
    const url = signed(`/media/media/${jobId}/video.mp4`);
    const video = await get(url);
    expect(video.status).toBe(200);
    expect(Buffer.from(video.body, 'latin1').equals(await readFile(SAMPLE_CLIP_PATH))).toBe(true);
    expect((await get(url, { range: 'bytes=0-7' })).status).toBe(206);
    expect((await get(`/media/media/${jobId}/video.mp4`)).status).toBe(401);
    expect((await get(url, { host: 'evil.example' })).status).toBe(403);
  });

  it('refuses every way out of the media folder', async () => {
    const lib = host.core.library.dir;
    await mkdir(join(lib, 'media', 'evil'), { recursive: true });
    await symlink('/etc/passwd', join(lib, 'media', 'evil', 'passwd.mp4'));
    await symlink(join(lib, 'library.jsonl'), join(lib, 'media', 'evil', 'journal.jpg'));
    await writeFile(join(dir, 'data', 'secret.mp4'), 'outside the library');
    const attempts = [
      '/media/..%2f..%2fsettings.json',
      '/media/media/..%2f..%2flibrary.jsonl',
      '/media/%2e%2e/%2e%2e/secret.mp4',
      '/media/media/%2E%2E/%2E%2E/secret.mp4',
      '/media/media/../library.jsonl',
      `/media/media/${jobId}/..%5c..%5clibrary.jsonl`,
      '/media//etc/passwd',
      '/media/%2Fetc%2Fpasswd',
      '/media/C:%5CWindows%5Cwin.ini',
      `/media/media/${jobId}/video.mp4%00.jpg`,
      '/media/media/evil/passwd.mp4',
      '/media/media/evil/journal.jpg',
      '/media/library.jsonl',
      '/media/file:%2F%2F%2Fetc%2Fpasswd',
      '/media/media/%252e%252e/secret.mp4',
      '/media/media/%E0%A4%A',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
    ];
    for (const path of attempts) {
      const reply = await get(path.startsWith('/media/') ? signed(path) : path);
      expect([400, 403, 404], `${path} → ${reply.status}`).toContain(reply.status);
      expect(reply.body).not.toMatch(/root:|outside the library|"op":"put"/);
    }
  });
});

describe('resolveMediaPath (shared by the host and app://veo/media)', () => {
  it.each([
    ['..%2f..%2fetc%2fpasswd', 403],
    ['media/%2e%2e/%2e%2e/etc/passwd', 403],
    ['/etc/passwd', 403],
    ['%2Fetc%2Fpasswd', 403],
    ['C:%5CWindows%5Cwin.ini', 400],
    ['media/x/..%5C..%5Cy.mp4', 400],
    ['media/x/video.mp4%00', 400],
    ['media/%ZZ', 400],
    ['file:///etc/passwd', 403],
    ['https://example.com/a.mp4', 403],
    ['library.jsonl', 403],
    ['media/evil/passwd.mp4', 403],
    ['media/does-not-exist/video.mp4', 404],
    ['media/x/notes.txt', 404],
  ] as const)('%s → %i', async (rel, status) => {
    const result = await resolveMediaPath(host.core.library.dir, rel);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });

  it('resolves a real media file to its real path inside the library', async () => {
    const result = await resolveMediaPath(host.core.library.dir, `media/${jobId}/video.mp4`);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.path.startsWith(host.core.library.dir)).toBe(true);
  });
});

describe('the page itself', () => {
  it('is served with the CSP of renderer/index.html, and no cookie (it holds no secret)', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['set-cookie']).toBeUndefined();
  });
});
