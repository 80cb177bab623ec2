// library:* through the router: paging and search, stars, and delete with undo (refused while a job
// is still moving).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { toSummary } from '../../../shared/job-summary';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = (await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT })).token;
});
afterAll(() => h?.close());

async function finishedJob(prompt: string): Promise<JobRecord> {
  const created = await h.call('jobs:create', { params: { ...PARAMS, prompt }, imageToken: token });
  const done = await h.waitForState(created.id, 'completed');
  expect(done.state).toBe('completed');
  return done;
}

describe('library:list / library:get', () => {
  it('pages, counts the whole match, and searches prompts', async () => {
    const lighthouse = await finishedJob('a lighthouse at dusk');
    await finishedJob('a harbour at dawn');
    await finishedJob('a harbour at night');

    const page = await h.call('library:list', { limit: 1, sort: 'newest' });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(h.core.library.count());
    expect(page.items[0]?.params.prompt).toBe('a harbour at night');

    const harbours = await h.call('library:list', { search: 'HARBOUR' });
    expect(harbours.total).toBe(2);
    expect(harbours.items.map((r) => r.params.prompt).sort()).toEqual(['a harbour at dawn', 'a harbour at night']);
    expect((await h.call('library:list', { search: 'nothing like this' })).total).toBe(0);
    expect((await h.call('library:list', { states: ['failed'] })).items).toEqual([]);

    expect(await h.call('library:get', { id: lighthouse.id })).toMatchObject({ id: lighthouse.id, state: 'completed' });
    expect(await h.call('library:get', { id: 'no-such-job' })).toBeNull();
  });

  it('library:summaries answers the same query with summaries, which are what the records summarise', async () => {
    const page = await h.call('library:summaries', { search: 'harbour', sort: 'newest' });
    const full = await h.call('library:list', { search: 'harbour', sort: 'newest' });
    expect(page.total).toBe(full.total);
    expect(page.items).toEqual(full.items.map(toSummary));
    expect(page.items[0]).not.toHaveProperty('logs');
  });
});

describe('library:favourite', () => {
  it('stars and unstars; the favourites filter follows', async () => {
    const job = await finishedJob('a star is born');
    expect((await h.call('library:favourite', { id: job.id, favourite: true })).favourite).toBe(true);
    expect((await h.call('library:list', { favourite: true })).items.map((r) => r.id)).toEqual([job.id]);
    expect((await h.call('library:favourite', { id: job.id, favourite: false })).favourite).toBe(false);
    expect((await h.call('library:list', { favourite: true })).total).toBe(0);
    expect((await h.fail('library:favourite', { id: 'no-such-job', favourite: true })).kind).toBe('not_found');
  });
});

describe('library:delete / library:undoDelete', () => {
  it('refuses to delete a job that is still running, with what to do instead', async () => {
    const created = await h.call('jobs:create', { params: { ...PARAMS, prompt: 'still going [sim:long_queue]' }, imageToken: token });
    const err = await h.fail('library:delete', { id: created.id });
    expect(err.kind).toBe('failed');
    expect(err.message).toMatch(/Cancel it first/);
    expect(h.core.library.get(created.id)).toBeDefined();
    expect((await h.waitForState(created.id, 'completed')).state).toBe('completed');
  });

  it('deletes a finished job with its files, and undo brings both back', async () => {
    const job = await finishedJob('delete and undo');
    const video = h.core.library.resolve(job.videoPath!);
    expect(existsSync(video)).toBe(true);

    await h.call('library:delete', { id: job.id });
    expect(await h.call('library:get', { id: job.id })).toBeNull();
    expect(existsSync(video)).toBe(false);
    await h.waitForEvent((e) => e.channel === 'library:changed' && (e.payload as { type: string; id: string }).type === 'delete' && (e.payload as { id: string }).id === job.id);

    const restored = await h.call('library:undoDelete', { id: job.id });
    expect(restored).toMatchObject({ id: job.id, state: 'completed', videoPath: job.videoPath });
    expect(existsSync(video)).toBe(true);
    expect((await h.fail('library:undoDelete', { id: job.id })).kind).toBe('invalid_input');
    expect((await h.fail('library:delete', { id: 'no-such-job' })).kind).toBe('not_found');
  });
});
