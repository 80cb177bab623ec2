// Creator round, findings 5/6 and 12: a failure on the simulator must be true for the simulator —
// it is free (nothing is ever charged), has no dashboard, forgets its jobs when it stops, and its
// loopback port means nothing to a person. The same failures on a paid provider keep their words.
import { describe, expect, it } from 'vitest';
import { classifyHttpFailure, outcomeUnknown } from '../../../electron/core/api/classify';
import { DownloadError } from '../../../electron/core/media/download';
import { FakeQueueClient } from '../../support/fake-queue-client';
import { IMAGE, PARAMS, useRunnerFixture } from '../../support/runner-fixture';
import type { Provider } from '../../../shared/domain';

const fx = useRunnerFixture('veo-sim-words-');

async function failedSubmit(provider: Provider, error: Error) {
  const client = new FakeQueueClient(() => ({ statuses: [], results: [] }));
  client.submitError = error as never;
  const runner = fx.runnerWith(client);
  const created = await runner.create({ params: PARAMS, image: IMAGE, provider, apiBase: client.baseUrl });
  return runner.wait(created.id);
}

const reset = () => outcomeUnknown('the connection to 127.0.0.1:37249 broke before the answer arrived');
const tooLarge = () =>
  classifyHttpFailure({ op: 'submit', status: 413, headers: new Headers(), bodyText: '<html>413 Request Entity Too Large</html>', attempts: 1, sentBytes: 15_000 });

describe('failures in the simulator’s own terms', () => {
  it('a submit whose answer broke off: no dashboard, no port, nothing charged, Retry', async () => {
    const failed = await failedSubmit('simulator', reset());
    const msg = failed.error?.message ?? '';
    expect(msg).not.toMatch(/dashboard/i);
    expect(msg).not.toMatch(/127\.0\.0\.1/);
    expect(msg).toMatch(/simulator/i);
    expect(msg).toMatch(/nothing (is|was) charged/i);
    expect(msg).toMatch(/Retry/);
  });

  it('the same on a paid provider still sends you to the dashboard', async () => {
    const failed = await failedSubmit('aggregator', reset());
    expect(failed.error?.message).toMatch(/dashboard/);
  });

  it('a 413 from the payload_too_large scenario does not claim the small request was too large', async () => {
    const failed = await failedSubmit('simulator', tooLarge());
    const msg = failed.error?.message ?? '';
    expect(msg).not.toMatch(/was too large/);
    expect(msg).toMatch(/simulat/i);
    expect(failed.error?.field).toBe('image_url');
  });

  it('a job the simulator no longer knows (it stopped with the app): gone, free, Retry — not "another key"', async () => {
    const notFound = classifyHttpFailure({ op: 'status', status: 404, headers: new Headers(), bodyText: '{"detail":"Request not found"}', attempts: 1, requestId: 'r1' });
    class Forgetful extends FakeQueueClient {
      override streamSupported = false;
      override async status(): Promise<never> {
        throw notFound;
      }
    }
    const client = new Forgetful(() => ({ statuses: [], results: [] }));
    const runner = fx.runnerWith(client);
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const failed = await runner.wait(created.id);
    const msg = failed.error?.message ?? '';
    expect(msg).not.toMatch(/another provider or key/);
    expect(msg).toMatch(/simulator/i);
    expect(msg).toMatch(/stop/i);
    expect(msg).toMatch(/Retry/);
  });
});

describe('an expired link on the simulator', () => {
  it('says nothing was charged', async () => {
    const { COMPLETED, VIDEO } = await import('../../support/fake-queue-client');
    const client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [{ ...VIDEO, url: 'http://cdn.invalid/expired.mp4' }] }));
    const gone = () => Promise.reject(new DownloadError('expired', 'gone'));
    const runner = fx.runnerWith(client, { download: gone });
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done.error?.kind).toBe('expired');
    expect(done.error?.message).not.toMatch(/charged again|— and charged/);
    expect(done.error?.message).toMatch(/nothing was charged/);
  });
});
