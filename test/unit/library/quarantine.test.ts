// Issue 10: opening the library deleted the input pictures of jobs whose journal line did not
// validate — even from a read-only `cli list`. Now they are moved aside and reported, never deleted,
// and a read-only command changes nothing on disk.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { LibraryStore } from '../../../electron/core/library/store';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';
import { makeJobRecord } from '../../support/records';

let dataDir: string;
let lib: string;
const id = randomUUID();
const PICTURE = Buffer.from('the only copy of the user picture');

beforeEach(async () => {
  dataDir = await fsp.mkdtemp(path.join(tmpdir(), 'veo-quarantine-'));
  lib = path.join(dataDir, 'library');
  // A job whose journal line no longer validates (say, a newer version wrote a state we do not know).
  const record = { ...makeJobRecord({ id }), state: 'archived-in-v2' };
  await fsp.mkdir(path.join(lib, 'media', id), { recursive: true });
  await fsp.writeFile(path.join(lib, 'media', id, 'input.png'), PICTURE);
  await fsp.writeFile(path.join(lib, 'library.jsonl'), `${JSON.stringify({ op: 'put', record })}\n`);
});
afterEach(async () => {
  await fsp.rm(dataDir, { recursive: true, force: true });
});

const silentIo = (lines: string[]): CliIo => ({ out: (l) => lines.push(l), err: (l) => lines.push(l), readSecret: async () => '' });

describe('media of a job whose record cannot be read', () => {
  it('`cli list` and `cli show` leave every file where it is', async () => {
    const lines: string[] = [];
    expect(await runCli(['list', '--data-dir', dataDir], silentIo(lines), { keychain: new MemoryKeychain() })).toBe(0);
    await runCli(['show', id, '--data-dir', dataDir], silentIo(lines), { keychain: new MemoryKeychain() });
    expect(await fsp.readFile(path.join(lib, 'media', id, 'input.png'))).toEqual(PICTURE);
    expect(await fsp.readdir(lib)).not.toContain('quarantine');
    expect(lines.join('\n')).toMatch(/skipped a damaged library entry \(line 1/);
  });

  it('opening for writing moves it to quarantine/ and says so; nothing is deleted', async () => {
    const problems: string[] = [];
    const store = await LibraryStore.open(lib, { onProblem: (p) => problems.push(p.reason) });
    await store.close();
    expect(await fsp.readFile(path.join(lib, 'quarantine', id, 'input.png'))).toEqual(PICTURE);
    expect(problems).toContain(`media/${id} belongs to no readable job; it was moved to quarantine/${id} (nothing was deleted)`);
  });

  it('a read-only library refuses writes', async () => {
    const store = await LibraryStore.open(lib, { readOnly: true });
    try {
      await expect(store.put(makeJobRecord({ id: randomUUID() }))).rejects.toThrow(/read-only/);
    } finally {
      await store.close();
    }
  });
});
