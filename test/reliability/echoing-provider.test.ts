// Issue 10: a provider that echoes the request back — in streamed status events, log lines, errors —
// must not get the user's key into the library (and from there into exports and sidecars).
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { receipt, sendJson, startFakeServer, type FakeServer } from '../unit/api/fake-server';
import { libraryText } from '../support/library-rows';

const KEY = 'sk-live-ECHOED-KEY-7777';
let dataDir: string;
let core: Core;
let provider: FakeServer;

beforeEach(async () => {
  dataDir = await fsp.mkdtemp(path.join(tmpdir(), 'veo-echo-'));
  provider = await startFakeServer((req, res) => {
    const echo = `you sent ${req.headers.authorization ?? ''}`;
    if (req.method === 'POST') return sendJson(res, 200, receipt(provider.origin, 'echo-1'));
    if (req.path.includes('/status/stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ status: 'IN_PROGRESS', logs: [{ message: echo, level: KEY, source: KEY, timestamp: KEY }] })}\n\n`);
      res.end(`data: ${JSON.stringify({ status: 'COMPLETED', logs: [{ message: `done, ${echo}` }] })}\n\n`);
      return;
    }
    return sendJson(res, 500, { detail: echo });
  });
  core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: provider.origin,
    keychain: new MemoryKeychain(),
    retry: { maxAttempts: 1, requestTimeoutMs: 2000 },
    follow: { queuedPollMs: 10, runningPollMs: 10, maxPollMs: 20, unreachableGiveUpMs: 200 },
  });
  await core.secrets.set('aggregator', KEY);
});

afterEach(async () => {
  await core.close();
  await provider.close();
  await fsp.rm(dataDir, { recursive: true, force: true });
});

describe('a provider echoing the key', () => {
  it('streamed status events and logs are redacted before anything is stored', async () => {
    const job = await core.runner.create({
      params: { prompt: 'echo', aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false },
      image: { url: 'https://example.com/picture.png' },
      provider: 'aggregator',
      apiBase: provider.origin,
    });
    const done = await core.runner.wait(job.id);
    expect(provider.requests.some((r) => r.path.includes('/status/stream'))).toBe(true);
    expect(done.logs.map((l) => l.message)).toContain('you sent Bearer [redacted]');

    const saved = await libraryText(path.join(dataDir, 'library'));
    expect(saved).toContain('[redacted]');
    expect(saved).not.toContain(KEY);
  });
});
