// The append-only journal behind the library: one JSON line per change, fsynced before a write is
// reported done. Replaying it rebuilds the library; compaction rewrites it with one line per live
// record when superseded lines pile up. Every line read from disk is untrusted: a torn, garbled or
// schema-invalid line is reported and skipped, never fatal, and never erases an earlier good version.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { fsyncDirectory } from '../fs/atomic';
import { isSafeSegment, REJECTED_FILE } from './paths';

export interface LibraryProblem {
  /** 1-based line number in library.jsonl as it was when the library was opened. */
  line: number;
  reason: string;
}

export type JournalOp = { op: 'put'; record: JobRecord } | { op: 'del'; id: string };

const DeleteOpSchema = z.object({ op: z.literal('del'), id: z.string().min(1) });

/** A problem plus the raw line, kept so compaction can move it aside instead of dropping it. */
export interface RejectedLine extends LibraryProblem {
  text: string;
}

export interface ReplayResult {
  records: Map<string, JobRecord>;
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

/**
 * The file as one string ('' if missing). One read call into a buffer of the file's size, then one
 * decode: with readFile(path, 'utf8') the split + JSON.parse that follow measured ~2× slower
 * (~60 ms more on open at 10,000 records).
 */
async function readWholeFile(filePath: string): Promise<string> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(filePath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.toString('utf8', 0, filled);
  } finally {
    await handle.close();
  }
}

export async function replayJournal(journalPath: string): Promise<ReplayResult> {
  const text = await readWholeFile(journalPath);
  const records = new Map<string, JobRecord>();
  const rejected: RejectedLine[] = [];
  const endsMidLine = text.length > 0 && !text.endsWith('\n');
  const lines = text.split('\n');
  if (!endsMidLine) lines.pop(); // the empty string after the final newline
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const result = parseJournalLine(line);
    if ('problem' in result) {
      const torn = endsMidLine && index === lines.length - 1;
      const reason = torn ? 'the last write was cut off (torn line)' : result.problem;
      rejected.push({ line: index + 1, reason, text: line });
    } else if (result.op === 'put') {
      records.set(result.record.id, result.record);
    } else {
      records.delete(result.id);
    }
  });
  return { records, rejected, lineCount: lines.length, endsMidLine };
}

/** Appends lines with one write call each and fdatasync, so a resolved append survives a crash. */
export class JournalWriter {
  private constructor(
    private handle: fsp.FileHandle,
    private needsLeadingNewline: boolean,
  ) {}

  static async open(journalPath: string, endsMidLine: boolean): Promise<JournalWriter> {
    return new JournalWriter(await fsp.open(journalPath, 'a'), endsMidLine);
  }

  async append(op: JournalOp): Promise<void> {
    // After a torn tail the new line must not glue onto the garbage (it would be lost with it).
    const prefix = this.needsLeadingNewline ? '\n' : '';
    const buffer = Buffer.from(`${prefix}${JSON.stringify(op)}\n`, 'utf8');
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
      throw error;
    }
    this.needsLeadingNewline = false;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

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
): Promise<number> {
  const dir = path.dirname(journalPath);
  if (rejected.length > 0) {
    const stamp = new Date().toISOString();
    const aside = rejected
      .map((r) => `${JSON.stringify({ movedAt: stamp, line: r.line, reason: r.reason, text: r.text })}\n`)
      .join('');
    const handle = await fsp.open(path.join(dir, REJECTED_FILE), 'a');
    try {
      await handle.write(aside);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  const tmp = `${journalPath}.tmp`;
  let lineCount = 0;
  const handle = await fsp.open(tmp, 'w');
  try {
    const chunks: string[] = [];
    for (const record of liveRecords) {
      chunks.push(`${JSON.stringify({ op: 'put', record })}\n`);
      lineCount++;
    }
    await handle.writeFile(chunks.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(tmp, journalPath);
  await fsyncDirectory(dir);
  return lineCount;
}

/** The rule of thumb: rewrite once superseded lines clearly outnumber live ones. */
export function shouldCompact(lineCount: number, liveCount: number): boolean {
  return lineCount > 2 * liveCount + 500;
}
