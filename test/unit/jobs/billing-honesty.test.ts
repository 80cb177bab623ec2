// Red-team F4: a video the provider made (status COMPLETED, no error) is billed, whatever the result
// request then runs into. A gateway 5xx on that request must never turn into "you were not charged".
import { describe, expect, it } from 'vitest';
import { classifyHttpFailure } from '../../../electron/core/api/classify';
import { COMPLETED, FakeQueueClient, VIDEO } from '../../support/fake-queue-client';
import { IMAGE, PARAMS, useRunnerFixture } from '../../support/runner-fixture';

/** What the client throws after five gateway 503s on the result request. */
const gateway503 = () =>
  classifyHttpFailure({ op: 'result', status: 503, headers: new Headers(), bodyText: '{"detail":"Service Unavailable"}', attempts: 5 });

const fx = useRunnerFixture('veo-billing-');

describe('what a failed result request tells the user about money', () => {
  it('COMPLETED without an error, then a gateway 503 on the result: not "not charged", and Check again fetches it', async () => {
    const client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [gateway503(), VIDEO] }));
    const runner = fx.runnerWith(client);
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'aggregator', apiBase: client.baseUrl });
    const failed = await runner.wait(created.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.notCharged).toBeUndefined();
    expect(failed.error?.message).not.toMatch(/not charged/i);
    expect(failed.error?.message).toMatch(/Check again/);
    const done = await runner.recheck(created.id);
    expect(done.state).toBe('completed');
    expect(client.calls.submit).toBe(1);
  });

  it('COMPLETED with an error on the status, then a 5xx result: the job failed on fal, which does not bill it', async () => {
    const client = new FakeQueueClient(() => ({ statuses: [{ ...COMPLETED, error: 'runner crashed', errorType: 'runner_failure' }], results: [gateway503()] }));
    const runner = fx.runnerWith(client);
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'aggregator', apiBase: client.baseUrl });
    const failed = await runner.wait(created.id);
    expect(failed.error).toMatchObject({ notCharged: true });
  });
});
