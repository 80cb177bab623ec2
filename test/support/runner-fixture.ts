// A JobRunner over a real LibraryStore in a fresh temp folder, fed by a FakeQueueClient, with a
// download that writes a few bytes: the set-up of the runner tests that script the queue's answers.
// Every runner made here is shut down, the library closed and the folder removed after each test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { JobRunner, type RunnerOptions } from '../../electron/core/jobs/runner';
import { LibraryStore } from '../../electron/core/library/store';
import type { DownloadOptions } from '../../electron/core/media/download';
import type { FakeQueueClient } from './fake-queue-client';

export const PARAMS = { prompt: 'a fox in snow', aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const;
export const IMAGE = { url: 'https://example.com/fox.png' };

/** Stands in for the downloader: the "video" is four bytes on disk. */
export async function writeFakeVideo(opts: DownloadOptions) {
  await writeFile(opts.destPath, 'mp4!');
  return { bytes: 4, resumed: false, bytesFetchedTwice: 0 };
}

export interface RunnerFixture {
  readonly library: LibraryStore;
  /** A runner on this test's library whose every job goes to `client`; fast follow and result policies. */
  runnerWith(client: FakeQueueClient, steps?: RunnerOptions['steps']): JobRunner;
}

export function useRunnerFixture(tmpPrefix: string): RunnerFixture {
  let dir = '';
  let library: LibraryStore | undefined;
  const runners: JobRunner[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), tmpPrefix));
    library = await LibraryStore.open(dir);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.shutdown()));
    await library?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get library() {
      if (!library) throw new Error('useRunnerFixture: the library opens in beforeEach');
      return library;
    },
    runnerWith(client, steps) {
      const runner = new JobRunner({
        library: this.library,
        clientFor: () => client,
        follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5, unreachableGiveUpMs: 50 },
        steps: { download: writeFakeVideo, resultRetryDelayMs: 1, resultAttempts: 3, ...steps },
      });
      runners.push(runner);
      return runner;
    },
  };
}
