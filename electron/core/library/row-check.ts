// Rows read back from the database are untrusted bytes like any file (a hand edit, a bug in an older
// version, a disk that lies): a summary is parsed and checked against its schema (summary-check.ts),
// a full record against JobRecordSchema, and either must carry the id of the row it sits in. A row
// that fails is reported and left out of the list — never deleted — and never stops the library.
import type { z } from 'zod';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { toSummary, type JobSummary } from '../../../shared/job-summary';
import { isSafeSegment } from './paths';
import { checkSummary } from './summary-check';

/**
 * Records handed out are frozen, so a caller mutating one (instead of calling update) fails loudly
 * rather than silently diverging from the disk. Two levels only (the record and its objects/arrays
 * such as params, input, logs): a full deep freeze costs far more and buys little.
 */
export function freezeRecord<T extends JobRecord | JobSummary>(record: T): T {
  for (const key in record) {
    const value: unknown = record[key];
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  return Object.freeze(record);
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first of zod's complaints, in words, naming the record's own field (`state`, not `record.state`). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'does not match the job record format';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the entry';
  return `${where}: ${issue.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''}`;
}

/** A record read from disk (database row, journal line), or why it cannot be used. */
export function checkRecord(json: unknown, expectedId?: string): JobRecord | { problem: string } {
  const parsed = JobRecordSchema.safeParse(json);
  if (!parsed.success) return { problem: `invalid job record, ${describeIssue(parsed.error)}` };
  const { id } = parsed.data;
  if (!isSafeSegment(id)) return { problem: `job id "${id.slice(0, 80)}" is not a safe folder name` };
  if (expectedId !== undefined && id !== expectedId) return { problem: `the row of job ${expectedId} holds the record of job ${id.slice(0, 80)}` };
  return freezeRecord(parsed.data);
}

export function recordFromRow(id: string, recordText: unknown): JobRecord | { problem: string } {
  const json = parseJson(recordText);
  if (json === undefined) return { problem: `the saved record of job ${id} is not valid JSON` };
  return checkRecord(json, id);
}

/** The row's summary; when that is unusable, the summary of its full record (validated) instead. */
export function summaryFromRow(id: string, summaryText: unknown, recordText: () => unknown): JobSummary | { problem: string } {
  const summary = checkSummary(parseJson(summaryText));
  if (summary !== undefined && summary.id === id) return freezeRecord(summary);
  const record = recordFromRow(id, recordText());
  return 'problem' in record ? record : freezeRecord(toSummary(record));
}

/** Something in the library that could not be read; reported, kept on disk, never fatal. */
export interface LibraryProblem {
  /** 1-based line of the old journal (library.jsonl) during its migration; 0 for a database row or a folder. */
  line: number;
  reason: string;
}
