// Creator round, finding 12 (cancel_race): after Cancel the job showed "completed" with no word
// that the cancel came too late.
import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import { lateCancelNote } from '../../renderer/features/jobs/late-cancel';

const rec = (over: Partial<JobRecord>) => ({ state: 'completed', cancelRequested: true, provider: 'simulator', ...over }) as JobRecord;

describe('a cancel that came too late', () => {
  it('is said on a finished job, with the charge only for a paid provider', () => {
    expect(lateCancelNote(rec({}))).toMatch(/too late/);
    expect(lateCancelNote(rec({}))).not.toMatch(/charged/);
    expect(lateCancelNote(rec({ provider: 'aggregator' }))).toMatch(/charged/);
  });
  it('is not said when no cancel was asked, or the job is not finished', () => {
    expect(lateCancelNote(rec({ cancelRequested: false }))).toBeUndefined();
    expect(lateCancelNote(rec({ state: 'running' }))).toBeUndefined();
  });
});
