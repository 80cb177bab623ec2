// Red-team F8c: a provider alternating IN_QUEUE / IN_PROGRESS on the stream caused one fsynced
// library write per event (~1,400 writes of ~70 KB in 15 s). Status changes are now persisted at
// most every statusWriteIntervalMs; reaching "running" for the first time and every later step
// (downloading, completed, failed) are still written at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import type { DownloadOptions } from '../../../electron/core/media/download';
import { COMPLETED, FakeQueueClient, QUEUED, RUNNING, VIDEO } from '../../support/fake-queue-client';

const PARAMS = { prompt: 'a fox in snow', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const;

let dir: string;
let library: LibraryStore;
let runner: JobRunner;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-status-writes-'));
  library = await LibraryStore.open(dir);
});
afterEach(async () => {
  await runner.shutdown();
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('status writes', () => {
  it('a flapping IN_QUEUE / IN_PROGRESS stream is written a handful of times, not once per event', async () => {
    const flapping = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? QUEUED(i % 7) : RUNNING(`step ${i}`)));
    const client = new FakeQueueClient(() => ({ statuses: [...flapping, COMPLETED], results: [VIDEO] }));
    client.streamSupported = true;
    runner = new JobRunner({
      library,
      clientFor: () => client,
      follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5 },
      steps: {
        statusWriteIntervalMs: 60_000,
        download: async (o: DownloadOptions) => {
          await writeFile(o.destPath, 'mp4!');
          return { bytes: 4, resumed: false, bytesFetchedTwice: 0 };
        },
      },
    });
    const writes: string[] = [];
    runner.events.on('job:updated', (r) => writes.push(r.state));
    const created = await runner.create({ params: PARAMS, image: { url: 'https://example.com/fox.png' }, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done.state).toBe('completed');
    expect(done.startedAt).toBeDefined();
    // create, queued (receipt), first running, downloading, completed — and at most a couple more.
    expect(writes.length).toBeLessThanOrEqual(7);
    expect(writes).toContain('running');
  });
});
