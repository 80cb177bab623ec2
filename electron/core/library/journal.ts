// The append-only journal behind the library: one JSON line per change, fsynced before a write is
// reported done. Replaying it (as a stream of lines, journal-lines.ts) rebuilds the list of job
// summaries and where each job's full record sits (journal-format.ts); compaction rewrites it with one
// line per live record when superseded lines pile up (journal-compaction.ts). Every line read from
// disk is untrusted: a torn, garbled or schema-invalid line is reported and skipped, never fatal, and
// never erases an earlier good version.
import { promises as fsp } from 'node:fs';
import { z } from 'zod';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { toSummary, type JobSummary } from '../../../shared/job-summary';
import { encodePut, readPutHead } from './journal-format';
import { checkSummary } from './summary-check';
import { forEachRawJournalLine, MAX_JOURNAL_LINE_BYTES } from './journal-lines';
import { isSafeSegment } from './paths';

export interface LibraryProblem {
  /** 1-based line number in library.jsonl as it was when the library was opened. */
  line: number;
  reason: string;
}

export type JournalOp = { op: 'put'; record: JobRecord } | { op: 'del'; id: string };

const DeleteOpSchema = z.object({ op: z.literal('del'), id: z.string().min(1) });

/**
 * A problem plus the raw line, kept so compaction can move it aside instead of dropping it. An
 * oversized line is not held in memory: `span` says where it is in the journal.
 */
export interface RejectedLine extends LibraryProblem {
  text?: string;
  span?: { start: number; bytes: number };
}

/** Where one put line is in the journal: enough to read the full record back when it is needed. */
export interface RecordSpan {
  line: number;
  start: number;
  bytes: number;
}

export interface ReplayResult {
  /** The live jobs' summaries, each validated. */
  summaries: Map<string, JobSummary>;
  /** Every put line of each live job, oldest first: the newest is read first, the others are fallbacks. */
  spans: Map<string, RecordSpan[]>;
  /** Full records already parsed and validated on the way (lines without a usable summary). */
  validated: Map<string, JobRecord>;
  /** Jobs whose newest summary is unusable: the store reads and validates their records instead. */
  unsummarized: string[];
  /** Put lines without a usable summary (a journal from before summaries): a rewrite adds them. */
  linesWithoutSummary: number;
  rejected: RejectedLine[];
  /** Lines in the file, good and bad: compaction compares this with the live record count. */
  lineCount: number;
  /** The file ends without a newline (a torn last write): the next append must start a new line. */
  endsMidLine: boolean;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'does not match the job record format';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the entry';
  return `${where}: ${issue.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''}`;
}

/** Parses one journal line; returns the operation or the reason it was refused. */
export function parseJournalLine(text: string): JournalOp | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not valid JSON (torn or garbled write)' };
  }
  // Dispatch on `op` by hand so a put costs exactly one JobRecordSchema pass (replay runs this for
  // every line on open) and a problem names the record's own field (`state`, not `record.state`).
  const kind = typeof json === 'object' && json !== null ? (json as { op?: unknown }).op : undefined;
  let op: JournalOp;
  if (kind === 'put') {
    const parsed = JobRecordSchema.safeParse((json as { record?: unknown }).record);
    if (!parsed.success) return { problem: `invalid job record, ${describeIssue(parsed.error)}` };
    op = { op: 'put', record: parsed.data };
  } else if (kind === 'del') {
    const parsed = DeleteOpSchema.safeParse(json);
    if (!parsed.success) return { problem: `invalid delete entry, ${describeIssue(parsed.error)}` };
    op = parsed.data;
  } else {
    return { problem: 'invalid entry: "op" must be "put" or "del"' };
  }
  const id = op.op === 'put' ? op.record.id : op.id;
  if (!isSafeSegment(id)) return { problem: `job id "${id.slice(0, 80)}" is not a safe folder name` };
  return op;
}

export async function replayJournal(journalPath: string): Promise<ReplayResult> {
  const summaries = new Map<string, JobSummary>();
  // The newest line's summary bytes per job, parsed only once the whole file is read: superseded
  // lines (up to two thirds of a journal before compaction) are never parsed at all.
  const pending = new Map<string, Buffer>();
  const spans = new Map<string, RecordSpan[]>();
  const validated = new Map<string, JobRecord>();
  const rejected: RejectedLine[] = [];
  let lineCount = 0;
  let endsMidLine = false;
  let linesWithoutSummary = 0;
  const addSpan = (id: string, span: RecordSpan): void => {
    const known = spans.get(id);
    if (known === undefined) spans.set(id, [span]);
    else known.push(span);
  };
  await forEachRawJournalLine(journalPath, ({ raw, start, bytes, terminated }) => {
    const line = ++lineCount;
    endsMidLine = !terminated;
    if (raw === undefined) {
      // Never decoded: kept on disk where it is, and copied aside byte for byte by compaction.
      const reason = `the entry is ${bytes} bytes, over the ${MAX_JOURNAL_LINE_BYTES}-byte limit for one job (skipped)`;
      rejected.push({ line, reason, span: { start, bytes } });
      return;
    }
    // A torn last line always takes the full path: its summary may be whole while its record is not.
    const head = terminated ? readPutHead(raw) : undefined;
    if (head !== undefined && isSafeSegment(head.id)) {
      pending.set(head.id, Buffer.from(head.summary));
      summaries.delete(head.id);
      validated.delete(head.id);
      addSpan(head.id, { line, start, bytes });
      return;
    }
    const text = raw.toString('utf8');
    if (text.trim() === '') return;
    const result = parseJournalLine(text);
    if ('problem' in result) {
      const reason = terminated ? result.problem : 'the last write was cut off (torn line)';
      rejected.push({ line, reason, text });
    } else if (result.op === 'put') {
      const { id } = result.record;
      linesWithoutSummary++;
      pending.delete(id);
      validated.set(id, result.record);
      summaries.set(id, toSummary(result.record));
      addSpan(id, { line, start, bytes });
    } else {
      for (const map of [summaries, pending, spans, validated]) map.delete(result.id);
    }
  });
  const unsummarized = parseSummaries(pending, summaries);
  linesWithoutSummary += unsummarized.length;
  return { summaries, spans, validated, unsummarized, linesWithoutSummary, rejected, lineCount, endsMidLine };
}

/**
 * Parses the pending summaries into `into`, all in one JSON.parse (one call per summary cost more
 * than the parsing itself). Each result is still checked on its own — schema, and the id it is filed
 * under must be its own — so bytes that broke out of their slot gain nothing. Returns the jobs whose
 * summary is unusable: their records are read and validated instead.
 */
function parseSummaries(pending: Map<string, Buffer>, into: Map<string, JobSummary>): string[] {
  const ids = [...pending.keys()];
  const parts: Buffer[] = [Buffer.from('[')];
  for (const bytes of pending.values()) parts.push(bytes, COMMA);
  if (ids.length > 0) parts.pop();
  parts.push(Buffer.from(']'));
  let batch: unknown[] | undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(parts).toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === ids.length) batch = parsed;
  } catch {
    // One bad summary spoils the batch: parse them one by one below.
  }
  const unusable: string[] = [];
  ids.forEach((id, i) => {
    const json = batch !== undefined ? batch[i] : parseOrUndefined(pending.get(id) as Buffer);
    const summary = checkSummary(json);
    if (summary !== undefined && summary.id === id) into.set(id, summary);
    else unusable.push(id);
  });
  return unusable;
}

const COMMA = Buffer.from(',');

function parseOrUndefined(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Appends lines with one write call each and fdatasync, so a resolved append survives a crash. */
export class JournalWriter {
  /** Where the next byte lands; unknown after a failed write until the file is asked again. */
  private position: number | undefined;

  private constructor(
    private handle: fsp.FileHandle,
    private needsLeadingNewline: boolean,
  ) {}

  static async open(journalPath: string, endsMidLine: boolean): Promise<JournalWriter> {
    return new JournalWriter(await fsp.open(journalPath, 'a'), endsMidLine);
  }

  /** Appends one line; returns where it is (without the newline), so its record can be read back. */
  async append(op: JournalOp): Promise<{ start: number; bytes: number }> {
    // After a torn tail the new line must not glue onto the garbage (it would be lost with it).
    const prefix = this.needsLeadingNewline ? '\n' : '';
    const text = op.op === 'put' ? encodePut(op.record) : JSON.stringify(op);
    const buffer = Buffer.from(`${prefix}${text}\n`, 'utf8');
    this.position ??= (await this.handle.stat()).size;
    const start = this.position + prefix.length;
    let offset = 0;
    try {
      // One write normally covers the whole line; loop only for the rare short write.
      while (offset < buffer.length) {
        const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
        offset += bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      // Part of the line may have reached the file (disk full): start the next one on a fresh line.
      this.needsLeadingNewline = true;
      this.position = undefined;
      throw error;
    }
    this.needsLeadingNewline = false;
    this.position += buffer.length;
    return { start, bytes: buffer.length - prefix.length - 1 };
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
