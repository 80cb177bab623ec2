// Red-team F4: a video the provider made (status COMPLETED, no error) is billed, whatever the result
// request then runs into. A gateway 5xx on that request must never turn into "you were not charged".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyHttpFailure } from '../../../electron/core/api/classify';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import type { DownloadOptions } from '../../../electron/core/media/download';
import { COMPLETED, FakeQueueClient, VIDEO } from '../../support/fake-queue-client';

const PARAMS = { prompt: 'a fox in snow', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const;
const IMAGE = { url: 'https://example.com/fox.png' };
/** What the client throws after five gateway 503s on the result request. */
const gateway503 = () =>
  classifyHttpFailure({ op: 'result', status: 503, headers: new Headers(), bodyText: '{"detail":"Service Unavailable"}', attempts: 5 });

let dir: string;
let library: LibraryStore;
let runner: JobRunner;

async function fakeDownload(opts: DownloadOptions) {
  await writeFile(opts.destPath, 'mp4!');
  return { bytes: 4, resumed: false, bytesFetchedTwice: 0 };
}

function runnerWith(client: FakeQueueClient): JobRunner {
  return new JobRunner({
    library,
    clientFor: () => client,
    follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5, unreachableGiveUpMs: 50 },
    steps: { download: fakeDownload, resultRetryDelayMs: 1, resultAttempts: 3 },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-billing-'));
  library = await LibraryStore.open(dir);
});
afterEach(async () => {
  await runner.shutdown();
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('what a failed result request tells the user about money', () => {
  it('COMPLETED without an error, then a gateway 503 on the result: not "not charged", and Check again fetches it', async () => {
    const client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [gateway503(), VIDEO] }));
    runner = runnerWith(client);
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
    runner = runnerWith(client);
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'aggregator', apiBase: client.baseUrl });
    const failed = await runner.wait(created.id);
    expect(failed.error).toMatchObject({ notCharged: true });
  });
});
