// A real core (in-process simulator, memory keychain, temp data dir) behind the app service and the
// real router, so tests call channels exactly as a renderer would and see the events it would see.
import { afterEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, InvokeChannel, InvokeOutput, IpcError } from '../../../shared/contract';
import { isFinalState, type JobRecord } from '../../../shared/domain';
import { createCore, type Core, type CoreConfig } from '../../../electron/core';
import { createRouter, type Router } from '../../../electron/core/ipc/router';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';
import { createAppService, type AppService, type AppServiceOptions, type NativePlatform } from '../../../electron/core/service';
import { FAST_TEST_TIMING } from '../../../electron/core/simulator/types';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const SAMPLE_INPUT = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');

export interface SeenEvent {
  channel: EventChannel;
  payload: unknown;
}

export interface Harness {
  core: Core;
  service: AppService;
  router: Router;
  keychain: MemoryKeychain;
  dataDir: string;
  events: SeenEvent[];
  /** Every value and error the router returned, for "the key never leaves" checks. */
  replies: unknown[];
  call<C extends InvokeChannel>(channel: C, payload?: unknown): Promise<InvokeOutput<C>>;
  fail(channel: InvokeChannel, payload?: unknown): Promise<IpcError>;
  /** Resolves with the first event (already seen or future) that matches. */
  waitForEvent(match: (e: SeenEvent) => boolean): Promise<SeenEvent>;
  /** Resolves once the job is in `state`, or in any final state. */
  waitForState(id: string, state: JobRecord['state']): Promise<JobRecord>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { platform?: NativePlatform; service?: Partial<AppServiceOptions>; core?: Partial<CoreConfig> } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-service-'));
  const keychain = new MemoryKeychain();
  const core = await createCore({
    dataDir,
    provider: 'simulator',
    keychain,
    keychainService: 'Veo Studio service tests',
    // The app's in-process simulator keeps no request log; these tests read it.
    simulator: { timing: FAST_TEST_TIMING, pingIntervalMs: 50, requestLogLimit: 1000 },
    follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100 },
    steps: { resultRetryDelayMs: 20 },
    ...opts.core,
  });
  // The desktop face by default: these tests feed pictures by path, which the host face refuses
  // (service/host-face.ts; its refusals are tested through the host itself).
  const service = createAppService(core, opts.platform ?? {}, { face: 'electron', mediaBase: '/media', ...opts.service });
  const router = createRouter(service.handlers, () => undefined);
  const events: SeenEvent[] = [];
  const waiters = new Set<{ match: (e: SeenEvent) => boolean; resolve: (e: SeenEvent) => void }>();
  const unsubscribe = service.subscribe((channel, payload) => {
    const event = { channel, payload };
    events.push(event);
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.delete(w);
        w.resolve(event);
      }
    }
  });
  const replies: unknown[] = [];

  const harness: Harness = {
    core,
    service,
    router,
    keychain,
    dataDir,
    events,
    replies,
    async call(channel, payload) {
      const r = await router.handle(channel, payload);
      replies.push(r);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.kind}: ${r.error.message}`);
      return r.value as never;
    },
    async fail(channel, payload) {
      const r = await router.handle(channel, payload);
      replies.push(r);
      if (r.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(r.value)}`);
      return r.error;
    },
    waitForEvent(match) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.add({ match, resolve }));
    },
    async waitForState(id, state) {
      // A job that ends some other way resolves too, so the test fails on its assertion, not a timeout.
      const done = (rec: JobRecord): boolean => rec.state === state || isFinalState(rec.state);
      const rec = core.library.get(id);
      if (rec && done(rec)) return rec;
      const e = await harness.waitForEvent(
        (ev) => ev.channel === 'job:updated' && (ev.payload as JobRecord).id === id && done(ev.payload as JobRecord),
      );
      return e.payload as JobRecord;
    },
    async close() {
      unsubscribe();
      await service.close();
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const PARAMS = { prompt: 'a red fox trotting through fresh snow', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const;

/** For tests that start their own harness: each one `start` gives is closed after its test. */
export function useHarnesses(): (opts?: Parameters<typeof startHarness>[0]) => Promise<Harness> {
  const started: Harness[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.close()));
  });
  return async (opts) => {
    const h = await startHarness(opts);
    started.push(h);
    return h;
  };
}
