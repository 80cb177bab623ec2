// The core's spend guard on its own: what counts as the same request, how long it is remembered,
// that a failed start can be tried again at once, and what needs confirming (never the simulator).
import { describe, expect, it } from 'vitest';
import { SpendGuard, SpendNeedsConfirmation, type SpendRequest } from '../../../electron/core/spend/spend-guard';

const EIGHT_S_AUDIO = { model: 'fal-ai/veo3/image-to-video', resolution: '720p', duration: '8s', generateAudio: true } as const; // $3.20 at list price

function setup(limit?: number) {
  let now = 0;
  const guard = new SpendGuard({ limit: () => limit, dedupWindowMs: 1000, now: () => now });
  let started = 0;
  const start = async () => ++started;
  const req = (o: Partial<SpendRequest> = {}): SpendRequest => ({ key: 'k', provider: 'fal', params: EIGHT_S_AUDIO, ...o });
  return { guard, start, req, started: () => started, advance: (ms: number) => (now += ms) };
}

describe('de-duplication', () => {
  it('answers a repeat with the first answer while in flight and within the window, then starts anew', async () => {
    const { guard, start, req, started, advance } = setup();
    const [a, b] = await Promise.all([guard.spend(req(), start), guard.spend(req(), start)]);
    expect([a, b, started()]).toEqual([1, 1, 1]);
    advance(999);
    expect(await guard.spend(req(), start)).toBe(1);
    advance(1);
    expect(await guard.spend(req(), start)).toBe(2);
    expect(await guard.spend(req({ key: 'other' }), start)).toBe(3);
  });

  it('forgets a start that failed, so trying again is possible at once', async () => {
    const { guard, req } = setup();
    await expect(guard.spend(req(), () => Promise.reject(new Error('no key')))).rejects.toThrow('no key');
    expect(await guard.spend(req(), async () => 'ok')).toBe('ok');
  });
});

describe("a request's own refusal", () => {
  it('is asked after de-duplication and before pricing: a repeat gets the first answer, a later one the refusal', async () => {
    const { guard, start, req, started, advance } = setup(1);
    let done = false;
    const refusal = () => (done ? 'Already made.' : undefined);
    expect(await guard.spend(req({ refusal, confirmedUsd: 3.2 }), start)).toBe(1);
    done = true;
    expect(await guard.spend(req({ refusal }), start)).toBe(1);
    advance(1000);
    // Refused outright: no confirm dialog for a spend that could not happen anyway.
    const refused = await guard.spend(req({ refusal }), start).catch((e: unknown) => e);
    expect(refused).not.toBeInstanceOf(SpendNeedsConfirmation);
    expect(refused).toMatchObject({ kind: 'invalid_input', message: 'Already made.' });
    expect(started()).toBe(1);
  });
});

describe('the limit', () => {
  it('refuses above the limit with a quote for the whole batch, until confirmed to the cent', async () => {
    const { guard, start, req, started } = setup(5);
    expect(await guard.spend(req(), start)).toBe(1); // $3.20 ≤ $5
    const refusal = await guard.spend(req({ key: 'b', jobs: 3 }), start).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SpendNeedsConfirmation);
    expect((refusal as SpendNeedsConfirmation).quote).toEqual({ usd: 9.6, limit: 5, jobs: 3, provider: 'fal' });
    await expect(guard.spend(req({ key: 'b', jobs: 3, confirmedUsd: 9.59 }), start)).rejects.toBeInstanceOf(SpendNeedsConfirmation);
    expect(started()).toBe(1);
    expect(await guard.spend(req({ key: 'b', jobs: 3, confirmedUsd: 9.6 }), start)).toBe(2);
  });

  it('never asks for the simulator, nor without a limit', async () => {
    expect(await setup(0).guard.spend({ key: 'k', provider: 'simulator', params: EIGHT_S_AUDIO, jobs: 10 }, async () => 'free')).toBe('free');
    expect(await setup().guard.spend({ key: 'k', provider: 'aggregator', params: EIGHT_S_AUDIO, jobs: 10 }, async () => 'no limit')).toBe('no limit');
  });
});
