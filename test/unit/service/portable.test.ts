// library:export / library:import / the *Pick variants through the real router: a job made by the
// simulator goes out to a folder and into a second library; the pickers exist only where the face
// provides one.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let a: Harness;
let b: Harness;
let scratch: string;
let job: JobRecord;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'veo-portable-service-'));
  a = await startHarness();
  let picks = 0;
  b = await startHarness({
    platform: {
      // Cancels the first time, then "chooses" the export folder: like a person would.
      pickFolder: async () => (picks++ === 0 ? null : join(scratch, 'out')),
    },
  });
  const base64 = (await readFile(SAMPLE_INPUT)).toString('base64');
  const prepared = await a.call('image:prepare', { kind: 'bytes', name: 'in.jpg', base64 });
  const created = await a.call('jobs:create', { params: PARAMS, imageToken: prepared.token });
  job = await a.waitForState(created.id, 'completed');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('portable library channels', () => {
  it('exports to a typed folder and imports it through the native picker, once', async () => {
    expect(job.state).toBe('completed');
    const dest = join(scratch, 'out');
    expect(await a.call('library:export', { dest })).toEqual({ exported: 1, dest, problems: [] });
    expect((await readdir(dest)).sort()).toEqual(['index.json', 'jobs']);

    expect(await b.call('library:importPick')).toBeNull();
    expect(b.core.library.count()).toBe(0);
    expect(await b.call('library:importPick')).toEqual({ imported: 1, skipped: 0, problems: [] });
    expect(await b.call('library:import', { src: dest })).toEqual({ imported: 0, skipped: 1, problems: [] });
    expect(b.core.library.get(job.id)).toMatchObject({ state: 'completed', videoBytes: job.videoBytes });
  });

  it('refuses relative paths and says when there is no picker', async () => {
    expect(await a.fail('library:export', { dest: 'relative/folder' })).toMatchObject({ kind: 'invalid_input', message: expect.stringMatching(/full folder path/) });
    expect(await a.fail('library:import', { src: join(scratch, 'missing') })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/does not exist/) });
    expect(await a.fail('library:exportPick', {})).toMatchObject({ kind: 'unsupported' });
    expect(await a.fail('library:importPick')).toMatchObject({ kind: 'unsupported' });
  });
});
