import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GenerationParamsSchema, type JobRecord } from '../../../shared/domain';
import { ApiError } from '../../../electron/core/api/errors';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import { DownloadError, type DownloadOptions } from '../../../electron/core/media/download';
import { COMPLETED, FakeQueueClient, QUEUED, RUNNING, VIDEO, type FakeScript } from '../../support/fake-queue-client';

const PARAMS = { prompt: 'a fox in snow', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const;
const IMAGE = { url: 'https://example.com/fox.png' };
const happy = (): FakeScript => ({ statuses: [QUEUED(2), QUEUED(1), RUNNING('warming up', 'rendering'), COMPLETED], results: [VIDEO] });

let dir: string;
let library: LibraryStore;
let client: FakeQueueClient;
let downloads: DownloadOptions[];
let runner: JobRunner;

async function fakeDownload(opts: DownloadOptions) {
  downloads.push(opts);
  if (opts.url.includes('expired')) throw new DownloadError('expired', 'gone');
  opts.onProgress?.({ receivedBytes: 4, totalBytes: 4 });
  await writeFile(opts.destPath, 'mp4!');
  return { bytes: 4, resumed: false, bytesFetchedTwice: 0 };
}

function makeRunner(concurrency = 2): JobRunner {
  return new JobRunner({
    library,
    clientFor: () => client,
    concurrency,
    follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5, unreachableGiveUpMs: 50 },
    steps: { download: fakeDownload, resultRetryDelayMs: 1, resultAttempts: 3 },
  });
}

async function seed(partial: Partial<JobRecord>): Promise<JobRecord> {
  const now = new Date().toISOString();
  return library.put({
    id: `seed-${Math.random().toString(36).slice(2)}`,
    state: 'submitting',
    params: GenerationParamsSchema.parse(PARAMS),
    input: { kind: 'url', url: IMAGE.url },
    provider: 'simulator',
    apiBase: client.baseUrl,
    logs: [],
    favourite: false,
    cancelRequested: false,
    createdAt: now,
    updatedAt: now,
    ...partial,
  });
}

/** Creates a job, cancels it while the fake server holds it queued, then lets the server answer. */
async function cancelWhileQueued(): Promise<JobRecord> {
  let open!: () => void;
  client.statusGate = new Promise((r) => (open = r));
  const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
  await expect.poll(() => library.get(created.id)?.state).toBe('queued');
  await runner.cancel(created.id);
  open();
  return runner.wait(created.id);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-runner-'));
  library = await LibraryStore.open(dir);
  client = new FakeQueueClient(happy);
  downloads = [];
  runner = makeRunner();
});

afterEach(async () => {
  await runner.shutdown();
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('JobRunner', () => {
  it('walks a job through every state and stores the video', async () => {
    const states: string[] = [];
    runner.events.on('job:updated', (r) => {
      if (states.at(-1) !== r.state) states.push(r.state);
    });
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);

    expect(states).toEqual(['submitting', 'queued', 'running', 'downloading', 'completed']);
    expect(done.requestId).toBe('req-1');
    expect(done.submitSentAt).toBeDefined();
    expect(done.logs.map((l) => l.message)).toEqual(['warming up', 'rendering']);
    expect(await readFile(library.resolve(done.videoPath ?? ''), 'utf8')).toBe('mp4!');
    expect(client.calls.submit).toBe(1);
    expect(client.submitted[0]).toMatchObject({ prompt: 'a fox in snow', image_url: IMAGE.url, aspect_ratio: '16:9', generate_audio: true });
  });

  it('persists the request id before following, so a fresh runner resumes without re-submitting', async () => {
    const rec = await seed({ state: 'queued', requestId: 'old-1', urls: client.urlsFor('old-1'), submitSentAt: new Date().toISOString() });
    client.adopt('old-1', happy());
    expect(runner.resumeAll()).toEqual([rec.id]);
    const done = await runner.wait(rec.id);
    expect(done.state).toBe('completed');
    expect(client.calls.submit).toBe(0);
  });

  it('marks a job whose POST may have gone out without an answer as outcome unknown, never re-sending it', async () => {
    // A paid provider: the simulator says it in its own terms (simulator-words.test.ts).
    const rec = await seed({ submitSentAt: new Date().toISOString(), provider: 'aggregator' });
    const onSim = await seed({ submitSentAt: new Date().toISOString() });
    runner.resumeAll();
    const done = await runner.wait(rec.id);
    expect(done.state).toBe('failed');
    expect(done.error?.kind).toBe('outcome_unknown');
    expect(done.error?.message).toMatch(/check your provider dashboard/i);
    const doneOnSim = await runner.wait(onSim.id);
    expect(doneOnSim.error).toMatchObject({ kind: 'outcome_unknown', notCharged: true });
    expect(doneOnSim.error?.message).not.toMatch(/dashboard/i);
    expect(client.calls.submit).toBe(0);
  });

  it('submits a job that was saved but never sent', async () => {
    const rec = await seed({});
    runner.resumeAll();
    expect((await runner.wait(rec.id)).state).toBe('completed');
    expect(client.calls.submit).toBe(1);
  });

  it('merges two runs of one job into one follower', async () => {
    const rec = await seed({ state: 'queued', requestId: 'old-2', urls: client.urlsFor('old-2') });
    client.adopt('old-2', happy());
    const [a, b] = await Promise.all([runner.run(rec.id), runner.run(rec.id)]);
    expect(a.state).toBe('completed');
    expect(b).toEqual(a);
    expect(client.calls.status).toBe(4);
    expect(client.calls.result).toBe(1);
  });

  it('never has more jobs in flight than the concurrency limit', async () => {
    let open!: () => void;
    client.submitGate = new Promise((r) => (open = r));
    const jobs = await Promise.all([1, 2, 3].map(() => runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl })));
    await expect.poll(() => client.submitsInFlight).toBe(2);
    open();
    const done = await Promise.all(jobs.map((j) => runner.wait(j.id)));
    expect(done.map((d) => d.state)).toEqual(['completed', 'completed', 'completed']);
    expect(client.maxSubmitsInFlight).toBe(2);
  });

  it('cancels a job still waiting for a slot without ever sending it', async () => {
    await runner.shutdown();
    runner = makeRunner(1);
    let open!: () => void;
    client.submitGate = new Promise((r) => (open = r));
    const first = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const second = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    await expect.poll(() => client.calls.submit).toBe(1);
    const cancelled = await runner.cancel(second.id);
    open();
    expect(cancelled.state).toBe('cancelled');
    expect((await runner.wait(first.id)).state).toBe('completed');
    expect(client.calls.submit).toBe(1);
    expect(library.get(second.id)?.state).toBe('cancelled');
  });

  it('records a cancel the server honoured as cancelled', async () => {
    client = new FakeQueueClient(() => ({
      statuses: [QUEUED(5), QUEUED(5), QUEUED(5), COMPLETED],
      results: [VIDEO],
      resultsAfterCancel: [new ApiError({ kind: 'validation', message: 'Request was cancelled', httpStatus: 422 })],
    }));
    const done = await cancelWhileQueued();
    expect(done.state).toBe('cancelled');
    expect(done.cancelRequested).toBe(true);
    expect(client.calls.cancel).toBe(1);
    expect(done.logs.some((l) => /cancel requested/i.test(l.message))).toBe(true);
  });

  it('records a job that finished despite the cancel as completed', async () => {
    client = new FakeQueueClient(() => ({ statuses: [QUEUED(1), QUEUED(1), COMPLETED], results: [VIDEO], cancel: 'requested' }));
    const done = await cancelWhileQueued();
    expect(done.state).toBe('completed');
    expect(done.cancelRequested).toBe(true);
  });

  it('asks again when the result is not ready right after COMPLETED', async () => {
    client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [new ApiError({ kind: 'not_ready', message: 'not yet', httpStatus: 400 }), VIDEO] }));
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    expect((await runner.wait(created.id)).state).toBe('completed');
    expect(client.calls.result).toBe(2);
  });

  it('keeps the readable reason of a content-policy failure', async () => {
    const refusal = new ApiError({ kind: 'content_policy', message: 'The safety filter refused the prompt.', httpStatus: 422, requestId: 'req-1' });
    client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [refusal] }));
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ kind: 'content_policy', message: 'The safety filter refused the prompt.', requestId: 'req-1' });
    expect(downloads).toHaveLength(0);
  });

  it('fails a submit the server refused, with nothing queued', async () => {
    client.submitError = new ApiError({ kind: 'auth', message: 'The API key was rejected — open Settings.', httpStatus: 401 });
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done).toMatchObject({ state: 'failed', error: { kind: 'auth' } });
    expect(done.requestId).toBeUndefined();
  });

  it('uses the status stream when offered and polls otherwise', async () => {
    client.streamSupported = true;
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    expect((await runner.wait(created.id)).state).toBe('completed');
    expect(client.calls.stream).toBe(1);
    expect(client.calls.status).toBe(0);
  });

  it('reports an expired video URL in plain words and keeps no partial file', async () => {
    client = new FakeQueueClient(() => ({ statuses: [COMPLETED], results: [{ ...VIDEO, url: 'http://cdn.invalid/expired.mp4' }] }));
    // A paid provider: the simulator says it in its own terms (simulator-words.test.ts).
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'aggregator', apiBase: client.baseUrl });
    const done = await runner.wait(created.id);
    expect(done.error?.kind).toBe('expired');
    // It was made, so it was paid for; a Retry is a second charge (issue 12 item 4).
    expect(done.error?.message).toMatch(/made — and charged — but its link on the server expired/);
    expect(done.error?.message).toMatch(/Retry makes a new video and is charged again/);
    expect(existsSync(join(library.mediaDir(created.id), 'video.mp4'))).toBe(false);
  });

  it('"Check again" resumes a failed download without a new submit', async () => {
    let fail = true;
    runner = new JobRunner({
      library,
      clientFor: () => client,
      follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5 },
      steps: {
        download: async (o) => {
          if (fail) throw new DownloadError('network', 'connection reset');
          return fakeDownload(o);
        },
      },
    });
    const created = await runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl });
    const failed = await runner.wait(created.id);
    expect(failed.error?.kind).toBe('transient');
    fail = false;
    const done = await runner.recheck(created.id);
    expect(done.state).toBe('completed');
    expect(client.calls.submit).toBe(1);
    expect(client.calls.result).toBe(1);
  });

  it('keeps no per-job logs in memory once jobs have ended (a long-running host runs thousands)', async () => {
    const jobs = await Promise.all([1, 2, 3].map(() => runner.create({ params: PARAMS, image: IMAGE, provider: 'simulator', apiBase: client.baseUrl })));
    const done = await Promise.all(jobs.map((j) => runner.wait(j.id)));
    expect(done.every((r) => r.state === 'completed' && r.logs.length > 0)).toBe(true);
    const steps = (runner as unknown as { steps: { logs: Map<string, unknown> } }).steps;
    expect(steps.logs.size).toBe(0);
  });
});
