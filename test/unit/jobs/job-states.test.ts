// The unfinished states are derived from the one state list, and the runner resumes every one of
// them to the end: a state added later is picked up after a restart without anyone editing the
// runner, and one the steps do not know is a compile error in JobSteps.follow (exhaustive switch).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATES, FINAL_STATES, JOB_STATES, isFinalState } from '../../../shared/domain';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import { COMPLETED, FakeQueueClient, QUEUED, VIDEO } from '../../support/fake-queue-client';
import { makeJobRecord } from '../../support/records';

describe('job states', () => {
  it('every state is either final or active, never both', () => {
    expect([...ACTIVE_STATES, ...FINAL_STATES].sort()).toEqual([...JOB_STATES].sort());
    for (const state of ACTIVE_STATES) expect(isFinalState(state)).toBe(false);
  });

  it('the runner resumes a job in every non-final state after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'veo-states-'));
    const library = await LibraryStore.open(dir);
    // Nothing answers but "queued": the test only asks which jobs the runner picked up.
    const client = new FakeQueueClient(() => ({ statuses: [QUEUED(1)], results: [] }));
    const runner = new JobRunner({ library, clientFor: () => client, concurrency: 1 });
    try {
      const unfinished = [];
      for (const state of JOB_STATES) {
        const rec = await library.put(makeJobRecord({ id: `job-${state}`, state, provider: 'simulator', apiBase: client.baseUrl }));
        if (!isFinalState(state)) unfinished.push(rec.id);
      }
      expect(runner.resumeAll().sort()).toEqual(unfinished.sort());
    } finally {
      await runner.shutdown();
      await library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(ACTIVE_STATES.map((s) => [s]))('a job resumed in "%s" is followed to a final state', async (state) => {
    const dir = await mkdtemp(join(tmpdir(), 'veo-states-'));
    const library = await LibraryStore.open(dir);
    const script = () => ({ statuses: [COMPLETED], results: [VIDEO] });
    const client = new FakeQueueClient(script);
    const runner = new JobRunner({
      library,
      clientFor: () => client,
      concurrency: 1,
      follow: { queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5, unreachableGiveUpMs: 50 },
      steps: {
        resultRetryDelayMs: 1,
        resultAttempts: 3,
        download: async (o) => {
          await writeFile(o.destPath, 'mp4!');
          return { bytes: 4, resumed: false, bytesFetchedTwice: 0 };
        },
      },
    });
    try {
      client.adopt('req-resumed', script());
      // A record as a previous run would have left it in this state (sent, with its URLs and, once
      // downloading, its result; a submitting one not yet sent).
      const sent = state !== 'submitting';
      const rec = await library.put(
        makeJobRecord({
          id: `job-${state}`,
          state,
          provider: 'simulator',
          apiBase: client.baseUrl,
          input: { kind: 'url', url: 'https://example.com/fox.png' },
          requestId: sent ? 'req-resumed' : undefined,
          urls: sent ? client.urlsFor('req-resumed') : undefined,
          result: state === 'downloading' ? VIDEO : undefined,
        }),
      );
      runner.resumeAll();
      const done = await runner.wait(rec.id);
      expect(isFinalState(done.state), `still "${done.state}" after wait()`).toBe(true);
      expect(done.state).toBe('completed');
    } finally {
      await runner.shutdown();
      await library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
