// The API key's reach. The configured API origin (a proxy in front of the simulator) rewrites every
// URL it returns — queue URLs, SSE events, the video URL — to a honeypot origin. Jobs run through
// the real core with both header schemes (aggregator `Bearer`, fal `Key`); then: the API origin got
// the key on every request, the honeypot on none, and the key appears in no file, event, reply or
// error — including errors from a server that echoes the key back and from a failing keychain.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core';
import { createRouter } from '../../electron/core/ipc/router';
import { prepareImageFile } from '../../electron/core/media/preflight';
import { KeychainError } from '../../electron/core/secrets/keychain-error';
import { MemoryKeychain, type KeychainBackend } from '../../electron/core/secrets/secret-store';
import { createAppService } from '../../electron/core/service';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { within } from './support/child';
import { SAMPLE_INPUT } from './support/fault-core';
import { Honeypot, RewritingProxy } from './support/honeypot';

const KEY = 'sk-honeypot-7f3c9a1e5b2d4c6e8a0b';
/** A distinctive middle part: catches the key even if something trims or re-encodes its ends. */
const KEY_CORE = KEY.slice(3, -4);

let sim: Simulator;
let pot: Honeypot;
let proxy: RewritingProxy;
let root: string;
const everythingSeen: unknown[] = [];

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, downloadBytesPerSecond: 500_000 });
  pot = await Honeypot.start(sim);
  proxy = await RewritingProxy.start(sim, pot);
  root = await mkdtemp(join(tmpdir(), 'veo-secrets-'));
});
afterAll(async () => {
  await proxy?.close();
  await pot?.close();
  await sim?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

async function openCore(provider: Provider, keychain: KeychainBackend = new MemoryKeychain(), useStream = true): Promise<Core> {
  const core = await createCore({
    dataDir: await mkdtemp(join(root, `${provider}-`)),
    provider,
    apiBase: proxy.origin,
    keychain,
    keychainService: 'Veo Studio secrets test',
    concurrency: 4,
    retry: { baseDelayMs: 20, maxDelayMs: 200, requestTimeoutMs: 1500 },
    follow: { useStream, queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 3000 },
    steps: { resultRetryDelayMs: 20, downloadIdleTimeoutMs: 2000 },
  });
  core.runner.events.on('job:updated', (r) => everythingSeen.push(r));
  core.runner.events.on('job:progress', (p) => everythingSeen.push(p));
  return core;
}

/** Everything a renderer could see: every reply of the real router and every event it is sent. */
async function runThroughService(core: Core, prompts: string[]): Promise<void> {
  const service = createAppService(core, {}, { face: 'host', mediaBase: '/media' });
  const router = createRouter(service.handlers, (msg, err) => everythingSeen.push(`${msg} ${String(err)}`));
  const off = service.subscribe((channel, payload) => everythingSeen.push({ channel, payload }));
  const call = async (channel: string, payload?: unknown) => {
    const r = await router.handle(channel, payload);
    everythingSeen.push(r);
    return r;
  };
  try {
    expect(await call('key:set', { key: KEY })).toMatchObject({ ok: true, value: { isSet: true, last4: KEY.slice(-4) } });
    const base64 = (await readFile(SAMPLE_INPUT)).toString('base64');
    for (const prompt of prompts) {
      const prepared = await call('image:prepare', { kind: 'bytes', name: 'in.jpg', base64 });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const created = await call('jobs:create', { params: { prompt }, imageToken: (prepared.value as { token: string }).token });
      if (!created.ok) throw new Error(created.error.message);
      const id = (created.value as { id: string }).id;
      if (prompt.includes('long_queue')) {
        await within(5000, 'queued', new Promise<void>((r) => { const off2 = core.runner.events.on('job:updated', (rec) => rec.id === id && rec.requestId && (off2(), r())); }));
        await call('jobs:cancel', { id });
      }
      await within(15_000, prompt, core.runner.wait(id));
    }
    for (const channel of ['app:info', 'key:status', 'settings:get', 'jobs:active']) await call(channel);
    await call('library:list', {});
    // A malformed key must be refused without quoting it back.
    const refused = await call('key:set', { key: `${KEY} ${KEY}` });
    expect(refused.ok).toBe(false);
  } finally {
    off();
    await service.close();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

describe.each([
  ['aggregator', `Bearer ${KEY}`],
  ['fal', `Key ${KEY}`],
] as const)('provider %s', (provider, header) => {
  let core: Core;
  const from = { proxy: 0, pot: 0 };
  beforeAll(async () => {
    from.proxy = proxy.seen.length;
    from.pot = pot.seen.length;
    core = await openCore(provider);
    await runThroughService(core, ['a harbour', 'half a video [sim:truncated_download]', 'stop it [sim:long_queue]', 'too late [sim:expired_url]', 'keyless [echo-key]']);
  }, 60_000);
  afterAll(() => core?.close());

  it('the API origin received the key on every request', () => {
    const seen = proxy.seen.slice(from.proxy);
    expect(seen.length).toBeGreaterThan(10);
    for (const r of seen) expect(r.authorization, `${r.method} ${r.path}`).toBe(header);
  });

  it('the honeypot named in every returned URL got the downloads, never the key, and no API call', () => {
    const seen = pot.seen.slice(from.pot);
    expect(seen.filter((r) => r.path.startsWith('/cdn/')).length).toBeGreaterThanOrEqual(3);
    for (const r of seen) {
      expect(r.authorization, r.path).toBeUndefined();
      expect(r.cookie, r.path).toBeUndefined();
      expect(r.path.startsWith('/cdn/'), `API call sent to the honeypot: ${r.method} ${r.path}`).toBe(true);
    }
  });

  it('the jobs ended as they should, the echoing server included', () => {
    const byPrompt = Object.fromEntries(core.library.list().map((r) => [r.params.prompt, r]));
    expect(byPrompt['a harbour']?.state).toBe('completed');
    expect(byPrompt['half a video [sim:truncated_download]']?.state).toBe('completed');
    expect(byPrompt['stop it [sim:long_queue]']?.state).toBe('cancelled');
    expect(byPrompt['too late [sim:expired_url]']?.error?.kind).toBe('expired');
    const echoed = byPrompt['keyless [echo-key]'];
    expect(echoed?.error?.kind).toBe('auth');
    expect(JSON.stringify(echoed)).toContain('[redacted]');
  });

  it('the key is in no file of the data folder', async () => {
    const files = await filesUnder(core.dataDir);
    expect(files.some((f) => f.endsWith('library.db'))).toBe(true);
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      expect(text.includes(KEY_CORE), file).toBe(false);
    }
  });
});

describe('what the renderer could see', () => {
  it('no reply, event or logged error carried the key', () => {
    expect(everythingSeen.length).toBeGreaterThan(50);
    const text = JSON.stringify(everythingSeen);
    expect(text).not.toContain(KEY_CORE);
    expect(text).toContain(KEY.slice(-4)); // the last four are allowed, and shown
  });
});

describe('a redirect from the API origin', () => {
  it('is not followed: the honeypot hears nothing and the job still completes', async () => {
    const core = await openCore('aggregator', new MemoryKeychain(), false);
    const before = pot.seen.length;
    try {
      await core.secrets.set('aggregator', KEY);
      proxy.misbehave.redirectStatus = 2;
      const created = await core.runner.create({
        params: { prompt: 'follow me', aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false },
        image: await prepareImageFile(SAMPLE_INPUT),
        provider: 'aggregator',
        apiBase: proxy.origin,
      });
      const rec = await within(15_000, 'redirected job', core.runner.wait(created.id));
      expect(rec.state).toBe('completed');
      expect(proxy.misbehave.redirectStatus).toBe(0);
      expect(pot.seen.slice(before).filter((r) => !r.path.startsWith('/cdn/'))).toEqual([]);
    } finally {
      proxy.misbehave.redirectStatus = 0;
      await core.close();
    }
  });
});

describe('a failing keychain', () => {
  /**
   * A backend whose errors quote the secret, as a careless native binding might ('plain'), or a
   * facade that throws KeychainError — whose text is trusted, so only the secret it was handed to
   * store can be known and scrubbed ('keychain-error' quotes it on set only).
   */
  class LeakyKeychain implements KeychainBackend {
    constructor(private readonly style: 'plain' | 'keychain-error') {}
    fail(what: string): never {
      if (this.style === 'plain') throw new Error(`${what} failed for secret "${KEY}" (org.freedesktop.Secret.Error.IsLocked)`);
      throw new KeychainError(`${what} failed (org.freedesktop.Secret.Error.IsLocked)`);
    }
    async get(): Promise<string | null> {
      return this.fail('read');
    }
    async set(_s: string, _a: string, secret: string): Promise<void> {
      if (this.style === 'keychain-error') throw new KeychainError(`storing "${secret}" failed`);
      this.fail(`store ${secret}`);
    }
    async delete(): Promise<boolean> {
      return this.fail('delete');
    }
  }

  it.each(['plain', 'keychain-error'] as const)('%s errors reach the user scrubbed of the key', async (style) => {
    const core = await openCore('aggregator', new LeakyKeychain(style));
    const service = createAppService(core, {}, { face: 'host', mediaBase: '/media' });
    const logged: string[] = [];
    const router = createRouter(service.handlers, (msg, err) => logged.push(`${msg} ${err instanceof Error ? err.message : String(err)}`));
    try {
      const replies = [
        await router.handle('key:set', { key: KEY }),
        await router.handle('key:status', {}),
        await router.handle('key:clear', {}),
      ];
      for (const r of replies) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(/keychain/i);
      }
      const text = JSON.stringify({ replies, logged });
      expect(text).not.toContain(KEY_CORE);
    } finally {
      await service.close();
      await core.close();
    }
  });
});
