// The unfinished states are derived from the one state list, and the runner resumes every one of
// them: a state added later is picked up after a restart without anyone editing the runner.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATES, FINAL_STATES, JOB_STATES, isFinalState } from '../../../shared/domain';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import { FakeQueueClient, QUEUED } from '../../support/fake-queue-client';
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
});
