// Red-team F8c: a provider alternating IN_QUEUE / IN_PROGRESS on the stream caused one fsynced
// library write per event (~1,400 writes of ~70 KB in 15 s). Status changes are now persisted at
// most every statusWriteIntervalMs; reaching "running" for the first time and every later step
// (downloading, completed, failed) are still written at once.
import { describe, expect, it } from 'vitest';
import { COMPLETED, FakeQueueClient, QUEUED, RUNNING, VIDEO } from '../../support/fake-queue-client';
import { IMAGE, PARAMS, useRunnerFixture } from '../../support/runner-fixture';

const fx = useRunnerFixture('veo-status-writes-');

describe('status writes', () => {
  it('a flapping IN_QUEUE / IN_PROGRESS stream is written a handful of times, not once per event', async () => {
    const flapping = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? QUEUED(i % 7) : RUNNING(`step ${i}`)));
    const client = new FakeQueueClient(() => ({ statuses: [...flapping, COMPLETED], results: [VIDEO] }));
    client.streamSupported = true;
    const runner = fx.runnerWith(client, { statusWriteIntervalMs: 60_000 });
    const writes: string[] = [];
    runner.events.on('job:updated', (r) => writes.push(r.state));
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done.state).toBe('completed');
    expect(done.startedAt).toBeDefined();
    // create, queued (receipt), first running, downloading, completed — and at most a couple more.
    expect(writes.length).toBeLessThanOrEqual(7);
    expect(writes).toContain('running');
  });
});
