// How a put line carries its summary in front of the full record, so opening a library parses and
// validates summaries only:
//   {"op":"put","summaryBytes":N,"summary":{…N bytes…},"record":{…}}
// It is still one JSON object per line with the record under "record" (what every reader of the
// journal, including the crash-safety audit, expects). The byte count only says where the summary
// ends; nothing is trusted because of it — the summary is parsed and schema-checked like any other
// input, and the full record is validated when it is first read (journal-records.ts). A line of any
// other shape (today's format before the summary existed, a damaged prefix) takes the full path.
import { JobSummarySchema, toSummary, type JobSummary } from '../../../shared/job-summary';
import type { JobRecord } from '../../../shared/domain';

const PUT_PREFIX = Buffer.from('{"op":"put","summaryBytes":');
const SUMMARY_KEY = Buffer.from(',"summary":');
const RECORD_KEY = Buffer.from(',"record":');
const CLOSE_BRACE = 0x7d;
const MAX_DIGITS = 9;

/** One journal line (without its newline) for a put of an already validated record. */
export function encodePut(record: JobRecord): string {
  const summary = JSON.stringify(toSummary(record));
  return `${PUT_PREFIX.toString()}${Buffer.byteLength(summary)}${SUMMARY_KEY.toString()}${summary}${RECORD_KEY.toString()}${JSON.stringify(record)}}`;
}

function startsWithAt(raw: Buffer, at: number, expected: Buffer): boolean {
  return raw.length >= at + expected.length && raw.compare(expected, 0, expected.length, at, at + expected.length) === 0;
}

/**
 * The validated summary of a put line in the summary shape, or undefined when the line is not in
 * that shape or its summary does not pass the schema (the caller then parses the whole line).
 */
export function decodeSummary(raw: Buffer): JobSummary | undefined {
  if (!startsWithAt(raw, 0, PUT_PREFIX) || raw[raw.length - 1] !== CLOSE_BRACE) return undefined;
  let at = PUT_PREFIX.length;
  let length = 0;
  const digitsEnd = Math.min(raw.length, at + MAX_DIGITS);
  for (; at < digitsEnd; at++) {
    const digit = (raw[at] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    length = length * 10 + digit;
  }
  if (at === PUT_PREFIX.length || !startsWithAt(raw, at, SUMMARY_KEY)) return undefined;
  const start = at + SUMMARY_KEY.length;
  const end = start + length;
  if (!startsWithAt(raw, end, RECORD_KEY)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8', start, end));
  } catch {
    return undefined;
  }
  const parsed = JobSummarySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
