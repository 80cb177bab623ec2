// Compaction: rewriting the journal with one line per live job once superseded lines pile up, and
// moving lines that could not be read aside first, so no bytes are silently destroyed.
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { fsyncDirectory } from '../fs/atomic';
import type { RecordSpan, RejectedLine } from './journal';
import { encodePut } from './journal-format';
import { REJECTED_FILE } from './paths';

/**
 * Rewrites the journal as one put per live record: write `library.jsonl.tmp`, fsync, rename over the
 * journal, fsync the directory. Lines that were rejected on open are appended verbatim (with the
 * reason) to library.rejected.jsonl first, so compaction never silently destroys bytes someone might
 * still recover by hand. The caller must hold the write chain and reopen its writer afterwards.
 */
export async function compactJournal(
  journalPath: string,
  liveRecords: Iterable<JobRecord>,
  rejected: readonly RejectedLine[],
): Promise<{ lineCount: number; spans: Map<string, RecordSpan> }> {
  const dir = path.dirname(journalPath);
  if (rejected.length > 0) await moveRejectedAside(journalPath, rejected);
  const tmp = `${journalPath}.tmp`;
  let lineCount = 0;
  let position = 0;
  const spans = new Map<string, RecordSpan>();
  const handle = await fsp.open(tmp, 'w');
  try {
    const chunks: string[] = [];
    for (const record of liveRecords) {
      const line = encodePut(record);
      const bytes = Buffer.byteLength(line);
      spans.set(record.id, { line: ++lineCount, start: position, bytes });
      position += bytes + 1;
      chunks.push(`${line}\n`);
    }
    await handle.writeFile(chunks.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(tmp, journalPath);
  try {
    await fsyncDirectory(dir);
  } catch (error) {
    // The new file is in place (and so are the returned places of its lines, which the store must now
    // use); a crash before the directory reaches the disk leaves the old journal, which is just as whole.
    console.error(`Compacting ${journalPath}: the folder could not be flushed to disk`, error);
  }
  return { lineCount, spans };
}

/**
 * Appends the rejected lines (with their reasons) to library.rejected.jsonl. An oversized line goes
 * byte for byte into a file of its own, copied as a stream, and the rejected file names it.
 */
async function moveRejectedAside(journalPath: string, rejected: readonly RejectedLine[]): Promise<void> {
  const dir = path.dirname(journalPath);
  const stamp = new Date().toISOString();
  const entries: string[] = [];
  for (const r of rejected) {
    const entry: Record<string, unknown> = { movedAt: stamp, line: r.line, reason: r.reason };
    if (r.text !== undefined) entry.text = r.text;
    if (r.span !== undefined) {
      const rawFile = `${REJECTED_FILE}.line-${r.line}-${Date.now()}.raw`;
      await pipeline(
        createReadStream(journalPath, { start: r.span.start, end: r.span.start + r.span.bytes - 1 }),
        createWriteStream(path.join(dir, rawFile), { flags: 'wx', flush: true }),
      );
      entry.rawFile = rawFile;
      entry.bytes = r.span.bytes;
    }
    entries.push(`${JSON.stringify(entry)}\n`);
  }
  const handle = await fsp.open(path.join(dir, REJECTED_FILE), 'a');
  try {
    await handle.write(entries.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rule of thumb: rewrite once superseded lines clearly outnumber live ones. */
export function shouldCompact(lineCount: number, liveCount: number): boolean {
  return lineCount > 2 * liveCount + 500;
}
