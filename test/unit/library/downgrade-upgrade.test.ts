// Issue 16 (attack F1, F3): a library that went back to a journal version and forward again, or whose
// library.db was cut to 0 bytes, must not lose jobs or leave media in quarantine. A journal that
// appears after the migration is merged; a quarantined folder whose job is live again is moved back;
// an empty database next to a migrated journal is rebuilt from it, and media is never quarantined then.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-downgrade-');
const at = (...parts: string[]) => path.join(lib.dir, ...parts);
const line = (record: JobRecord) => `${JSON.stringify({ op: 'put', record })}\n`;

async function withMedia(id: string, where = 'media'): Promise<void> {
  await fsp.mkdir(at(where, id), { recursive: true });
  await fsp.writeFile(at(where, id, 'input.png'), `picture of ${id}`);
}

/** A journal library opened once by this version (so migrated), then closed. */
async function migratedLibrary(records: JobRecord[]): Promise<void> {
  for (const r of records) await withMedia(r.id);
  await fsp.writeFile(at('library.jsonl'), records.map(line).join(''));
  await (await lib.openStore()).close();
  expect(existsSync(at('library.jsonl.migrated'))).toBe(true);
}

describe('a journal written by an older version after the migration', () => {
  it('is merged (new jobs, newer versions) and quarantined media of live jobs comes back', async () => {
    const before = makeJobRecord({ state: 'running' });
    await migratedLibrary([before]);
    // The old version saw no journal: it quarantined every folder and started a journal of its own.
    await fsp.mkdir(at('quarantine'), { recursive: true });
    await fsp.rename(at('media', before.id), at('quarantine', before.id));
    const inBetween = makeJobRecord({ params: { prompt: 'old two after downgrade' } });
    await withMedia(inBetween.id);
    const newer = { ...before, state: 'completed' as const, updatedAt: new Date(Date.now() + 60_000).toISOString() };
    await fsp.writeFile(at('library.jsonl'), line(inBetween) + line(newer));

    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.get(inBetween.id)?.params.prompt).toBe('old two after downgrade');
    expect(store.get(before.id)?.state).toBe('completed');
    expect(await fsp.readFile(at('media', before.id, 'input.png'), 'utf8')).toBe(`picture of ${before.id}`);
    expect(existsSync(at('quarantine', before.id))).toBe(false);
    expect(existsSync(at('media', inBetween.id, 'input.png'))).toBe(true);
    expect(problems.join('\n')).toMatch(/2 jobs .*merged/);
    expect(existsSync(at('library.jsonl'))).toBe(false);
  });

  it('keeps the database version when it is the newer one', async () => {
    const job = makeJobRecord({ state: 'running' });
    await migratedLibrary([job]);
    const store = await lib.openStore();
    await store.update(job.id, { state: 'completed' });
    await store.close();
    await fsp.writeFile(at('library.jsonl'), line({ ...job, updatedAt: '2020-01-01T00:00:00.000Z' }));
    expect((await lib.openStore()).get(job.id)?.state).toBe('completed');
  });
});

describe('an empty library.db next to a migrated journal or media', () => {
  it('is rebuilt from library.jsonl.migrated, reported, and no media is quarantined', async () => {
    const jobs = [makeJobRecord(), makeJobRecord()];
    // What the attacker left (written here, not by a first open: SQLite in this one process would
    // still hold its locks on the old file): the migrated journal, the media, a 0-byte database.
    for (const j of jobs) await withMedia(j.id);
    await fsp.writeFile(at('library.jsonl.migrated'), jobs.map(line).join(''));
    await fsp.writeFile(at('library.db'), '');

    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.count()).toBe(2);
    expect(existsSync(at('quarantine'))).toBe(false);
    for (const j of jobs) expect(existsSync(at('media', j.id, 'input.png'))).toBe(true);
    expect(problems.join('\n')).toMatch(/library\.db was empty.*rebuilt from library\.jsonl\.migrated/);
  });

  it('with media but no journal at all, leaves the media where it is and says so', async () => {
    await withMedia('lost-job');
    await fsp.writeFile(at('library.db'), '');
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.count()).toBe(0);
    expect(existsSync(at('media', 'lost-job', 'input.png'))).toBe(true);
    expect(problems.join('\n')).toMatch(/library\.db was empty/);
  });
});
