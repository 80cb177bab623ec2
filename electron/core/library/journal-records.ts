// Full job records, read back from the journal the first time someone needs one (the detail view, the
// runner, an export) and validated then, like every line read from disk. Opening a library reads
// summaries only (journal-format.ts); this is the other half. A job keeps the places of all its put
// lines: when the newest no longer parses or validates, the one before it is used, so a damaged line
// never erases an earlier good version. Reads are synchronous and small (one line, a few KB, mostly
// from the page cache), which keeps `LibraryStore.get` synchronous for its many callers.
import { closeSync, openSync, readSync } from 'node:fs';
import type { JobRecord } from '../../../shared/domain';
import { toSummary } from '../../../shared/job-summary';
import { parseJournalLine, replayJournal, type RecordSpan, type RejectedLine, type ReplayResult } from './journal';
import { freezeRecord, RecordIndex } from './record-index';

/**
 * Replays the journal into the list (summaries) and the record reader. Jobs whose summary did not
 * check out are listed from their validated record instead, or not at all (their lines join
 * `replay.rejected`).
 */
export async function loadJournal(journalPath: string): Promise<{ replay: ReplayResult; index: RecordIndex; records: JournalRecords }> {
  const replay = await replayJournal(journalPath);
  const index = new RecordIndex(replay.summaries.values());
  const records = new JournalRecords(journalPath, replay.spans, replay.validated);
  for (const id of replay.unsummarized) {
    const { record, problems } = records.read(id);
    if (record !== undefined) index.set(toSummary(record));
    replay.rejected.push(...problems);
  }
  return { replay, index, records };
}

export interface RecordRead {
  record: JobRecord | undefined;
  /** Newer versions of the job that could not be used, for reporting and for compaction to move aside. */
  problems: RejectedLine[];
}

export class JournalRecords {
  private fd: number | undefined;
  private readonly cache = new Map<string, JobRecord>();

  constructor(
    private readonly journalPath: string,
    private readonly spans: Map<string, RecordSpan[]>,
    validated: Map<string, JobRecord>,
  ) {
    for (const [id, record] of validated) this.cache.set(id, freezeRecord(record));
  }

  /** The newest version of the job that reads back as a valid record with this id. */
  read(id: string): RecordRead {
    const cached = this.cache.get(id);
    if (cached !== undefined) return { record: cached, problems: [] };
    const spans = this.spans.get(id) ?? [];
    const problems: RejectedLine[] = [];
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i] as RecordSpan;
      const text = this.readLine(span);
      const result = parseJournalLine(text);
      let reason: string;
      if ('problem' in result) reason = result.problem;
      else if (result.op === 'put' && result.record.id === id) {
        const record = freezeRecord(result.record);
        this.cache.set(id, record);
        spans.length = i + 1;
        return { record, problems };
      } else reason = `the entry is listed as job ${id} but its record is not that job`;
      problems.push({ line: span.line, reason: `${reason} (found when the job was opened)`, span: { start: span.start, bytes: span.bytes } });
    }
    this.spans.delete(id);
    return { record: undefined, problems };
  }

  /** After a durable put: the record is known valid, and its line is the newest version. */
  remember(record: JobRecord, span: RecordSpan): void {
    this.cache.set(record.id, record);
    const known = this.spans.get(record.id);
    if (known === undefined) this.spans.set(record.id, [span]);
    else known.push(span);
  }

  forget(id: string): void {
    this.cache.delete(id);
    this.spans.delete(id);
  }

  /** After compaction rewrote the file: one line per job, at new places; keeps the cache small again. */
  replaceFile(spans: Map<string, RecordSpan>): void {
    this.close();
    this.spans.clear();
    for (const [id, span] of spans) this.spans.set(id, [span]);
    this.cache.clear();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private readLine(span: RecordSpan): string {
    this.fd ??= openSync(this.journalPath, 'r');
    const buffer = Buffer.allocUnsafe(span.bytes);
    let read = 0;
    while (read < span.bytes) {
      const n = readSync(this.fd, buffer, read, span.bytes - read, span.start + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  }
}
