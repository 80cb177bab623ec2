// Issue 10: one oversized journal entry made the library impossible to open in every face
// ("Cannot create a string longer than 0x1fffffe8"). The journal is read line by line; a line over
// the limit is reported and skipped. Since issue 16 that reading is the journal's migration into the
// database: the giant line stays in the renamed journal (library.jsonl.migrated), never lost.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachJournalLine, type JournalLine } from '../../../electron/core/library/journal-lines';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(tmpdir(), 'veo-journal-stream-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const putLine = (id: string) => `${JSON.stringify({ op: 'put', record: makeJobRecord({ id }) })}\n`;

describe('reading the journal as a stream', () => {
  it('a 520 MiB entry (past the longest string V8 can make) is skipped; the jobs around it migrate and open', async () => {
    const journal = path.join(dir, 'library.jsonl');
    const [before, after] = [randomUUID(), randomUUID()];
    await fsp.writeFile(journal, putLine(before));
    const giantStart = (await fsp.stat(journal)).size;
    const giantBytes = 520 * 1024 * 1024; // V8 strings end at 0x1fffffe8 (~512 MiB)
    await fsp.truncate(journal, giantStart + giantBytes); // sparse: costs no disk, reads as NUL bytes
    await fsp.appendFile(journal, `\n${putLine(after)}`);
    const journalBytes = (await fsp.stat(journal)).size;

    const problems: string[] = [];
    const store = await LibraryStore.open(dir, { onProblem: (p) => problems.push(`line ${p.line}: ${p.reason}`) });
    try {
      expect(store.list().map((r) => r.id).sort()).toEqual([before, after].sort());
      expect(problems).toEqual([expect.stringMatching(/^line 2: the entry is 545259520 bytes, over the \d+-byte limit/)]);
    } finally {
      await store.close();
    }
    expect((await fsp.stat(`${journal}.migrated`)).size).toBe(journalBytes);
  });

  it('lines split across read chunks, empty lines and a torn tail come out exactly as written', async () => {
    const file = path.join(dir, 'lines.txt');
    const long = 'é'.repeat(700_000); // 1.4 MB in UTF-8: spans the 1 MiB read chunk, multi-byte at the seam
    await fsp.writeFile(file, `a\n\n${long}\nb\ntorn`);
    const lines: JournalLine[] = [];
    await forEachJournalLine(file, (l) => lines.push(l));
    expect(lines.map((l) => [l.text, l.terminated])).toEqual([['a', true], ['', true], [long, true], ['b', true], ['torn', false]]);
    expect(lines[3]?.start).toBe(3 + Buffer.byteLength(long) + 1);

    const capped: JournalLine[] = [];
    await forEachJournalLine(file, (l) => capped.push(l), 1000);
    expect(capped.map((l) => l.text)).toEqual(['a', '', undefined, 'b', 'torn']);
  });
});
