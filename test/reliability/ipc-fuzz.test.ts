// Bad input, part 3: over a thousand generated malformed IPC calls through the REAL router and app
// service (the ones Electron's ipcMain and the browser host's WebSocket use), on a library that
// already holds finished jobs. Every call must come back as {ok:false, error:{kind, message}} with a
// plain message; nothing may throw, hang, pollute prototypes, or change a byte of the library.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_RESULT_KINDS, invokeChannels, isInvokeChannel, type IpcResult } from '../../shared/contract';
import { isFinalState, type JobRecord } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core';
import { createRouter, type Router } from '../../electron/core/ipc/router';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { createAppService, type AppService } from '../../electron/core/service';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { within } from './support/child';
import { SAMPLE_JPEG } from './support/hostile-files';
import { corruptedCall, wellFormedButWrong } from './support/ipc-arbitraries';
import { seedFromEnv } from './support/rng';
import { makeJobRecord } from '../support/records';
import { savedRecordTexts } from '../support/library-rows';

const SEED = seedFromEnv();
const CORRUPTED_RUNS = 800;
const WRONG_RUNS = 400;

let dataDir: string;
let core: Core;
let service: AppService;
let router: Router;
const unexpected: string[] = [];
let executed = 0;
let snapshot: string;
const byKind: Record<string, number> = {};

/** Everything the library and settings consist of on disk, as one comparable string. */
async function diskState(): Promise<string> {
  const lib = join(dataDir, 'library');
  const journal = savedRecordTexts(lib);
  const media = await readdir(join(lib, 'media'), { recursive: true });
  const trash = await readdir(join(lib, 'trash')).catch(() => []);
  const settings = await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => '(none)');
  return JSON.stringify({ journal, media: media.sort(), trash, settings });
}

beforeAll(async () => {
  console.log(`[ipc-fuzz] seed ${SEED} (re-run with RELIABILITY_SEED=${SEED})`);
  dataDir = await mkdtemp(join(tmpdir(), 'veo-ipc-fuzz-'));
  core = await createCore({
    dataDir,
    provider: 'simulator',
    keychain: new MemoryKeychain(),
    keychainService: 'Veo Studio IPC fuzz',
    simulator: { timing: FAST_TEST_TIMING, pingIntervalMs: 50 },
    follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100 },
    steps: { resultRetryDelayMs: 20 },
  });
  service = createAppService(core, {}, { face: 'host', mediaBase: '/media' });
  // The router's log is where handler errors that were not written for people end up.
  router = createRouter(service.handlers, (msg, err) => unexpected.push(`${msg}: ${err instanceof Error ? err.message : String(err)}`));
  // A library with real history: two finished jobs, made through the same router.
  const base64 = (await readFile(SAMPLE_JPEG)).toString('base64');
  for (const prompt of ['a lighthouse at dusk', 'a fox in the snow [sim:content_policy]']) {
    const prepared = await router.handle('image:prepare', { kind: 'bytes', name: 'in.jpg', base64 });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const token = (prepared.value as { token: string }).token;
    const created = await router.handle('jobs:create', { params: { prompt }, imageToken: token });
    if (!created.ok) throw new Error(created.error.message);
    await within(10_000, 'seed job', core.runner.wait((created.value as JobRecord).id));
  }
  expect(core.library.list().every((r) => isFinalState(r.state))).toBe(true);
  snapshot = await diskState();
});

afterAll(async () => {
  await service?.close();
  await core?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The one property every malformed call must have. */
async function expectCleanRefusal(channel: unknown, payload: unknown): Promise<void> {
  let result: IpcResult<unknown>;
  try {
    result = await within(10_000, `router.handle(${String(channel)})`, router.handle(channel, payload));
  } catch (err) {
    throw new Error(`router.handle threw for ${String(channel)}: ${String(err)}`, { cause: err });
  }
  executed++;
  expect(result.ok, `${String(channel)} accepted ${safeJson(payload)}`).toBe(false);
  if (result.ok) return;
  byKind[result.error.kind] = (byKind[result.error.kind] ?? 0) + 1;
  expect(ERROR_RESULT_KINDS).toContain(result.error.kind);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.trim().length).toBeGreaterThan(5);
  expect(result.error.message).not.toMatch(/\n\s+at\s|\.ts:\d+|\[object Object\]|TypeError|Cannot read prop/);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 300);
  } catch {
    return String(v).slice(0, 300);
  }
}

describe('malformed IPC payloads through the real router', () => {
  it(`${CORRUPTED_RUNS} calls that break the contract are refused as invalid input`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(corruptedCall, async ({ channel, payload }) => {
        // The corruptor can land on a value the contract happens to allow (e.g. an unknown key, which
        // zod strips): those calls are not malformed, so they are skipped, not counted.
        fc.pre(!isInvokeChannel(channel) || !invokeChannels[channel].input.safeParse(payload).success);
        await expectCleanRefusal(channel, payload);
      }),
      { seed: SEED, numRuns: CORRUPTED_RUNS, maxSkipsPerRun: 1000 },
    );
  });

  it(`${WRONG_RUNS} well-formed calls that name missing or forbidden things are refused`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedButWrong, ({ channel, payload }) => expectCleanRefusal(channel, payload)),
      { seed: SEED + 1, numRuns: WRONG_RUNS },
    );
  });

  it('all of them together: over 1,000 refusals, and not a byte of the library changed', async () => {
    console.log(`[ipc-fuzz] ${executed} malformed calls refused: ${JSON.stringify(byKind)}; ${unexpected.length} logged as unexpected`);
    expect(executed).toBeGreaterThanOrEqual(1000);
    expect(await diskState()).toBe(snapshot);
    expect(core.library.list()).toHaveLength(2);
  });

  it('no handler failed in a way that was not written for people', () => {
    expect([...new Set(unexpected.map((u) => u.replace(/[0-9a-f-]{36}|"[^"]*"/g, '…')))]).toEqual([]);
  });
});

describe('ids that name a path', () => {
  it('library:undoDelete refuses an id that leads out of the trash folder', async () => {
    // A record.json planted outside the trash, and an id that walks there: <library>/trash/../../evil.
    const id = '../../evil';
    await mkdir(join(dataDir, 'evil'), { recursive: true });
    await writeFile(join(dataDir, 'evil', 'record.json'), JSON.stringify(makeJobRecord({ id })));
    const before = await diskState();
    const result = await router.handle('library:undoDelete', { id });
    expect(result.ok).toBe(false);
    expect(await diskState()).toBe(before);
    expect(core.library.get(id)).toBeUndefined();
  });
});
