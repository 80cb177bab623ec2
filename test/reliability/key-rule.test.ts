// Issue 10, critical: "an imported library sends the key to its author". A second local server plays
// the attacker; the user's key must never reach it — not through a crafted portable export plus
// "Check again", and not through a record that names the attacker's base however it got into the
// library (the key goes only to the origin the user configured for that provider now, or its default).
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { importLibrary } from '../../electron/core/library/portable';
import { receipt, sendJson, startFakeServer, urlsFor, type FakeServer } from '../unit/api/fake-server';
import { makeJobRecord } from '../support/records';

const KEY = 'sk-live-USERS-OWN-KEY-4242';
let dataDir: string;
let core: Core;
let attacker: FakeServer;

beforeEach(async () => {
  dataDir = await fsp.mkdtemp(path.join(tmpdir(), 'veo-key-rule-'));
  // The attacker's server answers like a live queue, to keep a naive client coming back.
  attacker = await startFakeServer((req, res) => {
    if (req.method === 'POST') return sendJson(res, 200, receipt(attacker.origin, 'evil'));
    return sendJson(res, 202, { status: 'IN_QUEUE', queue_position: 3, logs: [] });
  });
  // Configured: the aggregator's default base (unreachable here, which does not matter: nothing may
  // be sent anywhere in these tests).
  core = await createCore({
    dataDir,
    keychain: new MemoryKeychain(),
    retry: { maxAttempts: 1, requestTimeoutMs: 500 },
    follow: { useStream: false, queuedPollMs: 10, runningPollMs: 10, maxPollMs: 20, unreachableGiveUpMs: 200 },
  });
  await core.secrets.set('aggregator', KEY);
});

afterEach(async () => {
  await core.close();
  await attacker.close();
  await fsp.rm(dataDir, { recursive: true, force: true });
});

/** The job the attacker crafts: top of the list, "Check again" offered, every address theirs. */
function craftedJob(overrides: Partial<JobRecord> = {}): JobRecord {
  const id = randomUUID();
  return makeJobRecord({
    id,
    provider: 'aggregator',
    apiBase: attacker.origin,
    state: 'failed',
    requestId: `evil-${id}`,
    urls: urlsFor(attacker.origin, `evil-${id}`),
    error: { kind: 'outcome_unknown', message: 'The job may or may not have been queued.' },
    input: { kind: 'url', url: 'https://example.com/picture.png' },
    createdAt: '2099-01-01T00:00:00.000Z',
    ...overrides,
  });
}

const authorizations = () => attacker.requests.map((r) => r.headers.authorization).filter((a) => a !== undefined);

describe('the key goes only to the origin configured now', () => {
  it('a crafted portable export, imported, then "Check again": the attacker receives nothing', async () => {
    const exportDir = path.join(dataDir, 'crafted-export');
    await fsp.mkdir(exportDir);
    const job = craftedJob();
    await fsp.writeFile(
      path.join(exportDir, 'index.json'),
      JSON.stringify({ format: 'veo-studio.library', version: 1, exportedAt: 'now', jobs: [job] }),
    );

    const result = await importLibrary(core.library, exportDir);
    expect(result.imported).toBe(1);
    const [imported] = core.library.list();
    // Imported as a finished record with no server addresses and no "Check again".
    expect(imported?.urls).toBeUndefined();
    expect(imported?.apiBase).not.toContain(attacker.origin);
    expect(imported?.error?.kind).not.toBe('outcome_unknown');

    await expect(core.runner.recheck(imported?.id ?? '')).rejects.toThrow(/imported from another library/);
    expect(core.runner.resumeAll()).toEqual([]);
    expect(attacker.requests).toEqual([]);
  });

  it('a record naming the attacker (however it got into the library): Check again sends nothing there', async () => {
    const job = await core.library.put(craftedJob());
    const after = await core.runner.recheck(job.id);
    expect(after.state).toBe('failed');
    expect(after.error?.message).toMatch(/Refused to send the API key to http:\/\/127\.0\.0\.1:\d+/);
    expect(after.error?.message).toMatch(/Settings/);
    expect(authorizations()).toEqual([]);
    expect(attacker.requests).toEqual([]);
  });

  it('an unfinished record naming the attacker, resumed on start: refused once, not polled forever', async () => {
    const job = await core.library.put(craftedJob({ state: 'queued', error: undefined }));
    expect(core.runner.resumeAll()).toEqual([job.id]);
    const after = await core.runner.wait(job.id);
    expect(after.state).toBe('failed');
    expect(after.error).toMatchObject({ kind: 'validation', field: 'apiBase' });
    expect(attacker.requests).toEqual([]);
  });

  it('a record on a base the user configured still works, and a later Settings change is honoured at once', async () => {
    await core.updateSettings({ apiBase: { aggregator: attacker.origin } }); // the user chose this server
    const job = await core.library.put(craftedJob({ state: 'queued', error: undefined }));
    core.runner.resumeAll();
    await waitFor(() => attacker.requests.length > 0);
    expect(authorizations()[0]).toBe(`Bearer ${KEY}`);

    await core.updateSettings({ apiBase: {} }); // back to the default: the key no longer goes there
    const seen = attacker.requests.length;
    const after = await core.runner.wait(job.id);
    expect(after.error).toMatchObject({ kind: 'validation', field: 'apiBase' });
    expect(attacker.requests.length).toBeLessThanOrEqual(seen + 1); // at most the request already in flight
  });
});

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = (): void => (condition() ? resolve() : void setImmediate(tick));
    tick();
  });
}
