// A provider that refuses the cancel (here: 405, an aggregator that does not route fal's cancel).
// The job runs on and will be charged; the user must hear that plainly, and the card must not sit
// on "Cancel requested — waiting for the server…" with its button locked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimCore, type SimCore } from '../support/sim-core';

let env: SimCore;

beforeAll(async () => {
  env = await startSimCore({ cancelSupported: false });
});

afterAll(async () => {
  await env?.close();
});

it('a refused cancel says the job keeps running and is charged, and un-locks Cancel', async () => {
  const { core, sim } = env;
  let cancelled: Promise<unknown> | undefined;
  const stop = core.runner.events.on('job:updated', (rec) => {
    if (rec.state === 'queued' && cancelled === undefined) cancelled = core.runner.cancel(rec.id).then(() => undefined, (e: unknown) => e);
  });
  const created = await env.create('a lighthouse in fog [sim:long_queue]');
  const done = await core.runner.wait(created.id);
  stop();
  const err = (await cancelled) as Error | undefined;
  expect(err).toBeInstanceOf(Error);
  expect(err?.message).toMatch(/refused to cancel.*HTTP 405/);
  expect(err?.message).toMatch(/keeps running.*charged/);
  expect(err?.message).not.toMatch(/Something went wrong/);
  // The job was not failed by the refusal: it ran to its end, and nothing claims a cancel is pending.
  expect(done.state, JSON.stringify(done.error)).toBe('completed');
  expect(done.cancelRequested).toBe(false);
  expect(sim.requests.some((r) => r.method === 'PUT' && r.status === 405)).toBe(true);
});
