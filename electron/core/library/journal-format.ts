// How a put line carries the job's id and summary in front of the full record, so opening a library
// reads only the summary of each job's newest line and skips superseded lines without parsing them:
//   {"op":"put","id":"<id>","summaryBytes":N,"summary":{…N bytes…},"record":{…}}
// It is still one JSON object per line with the record under "record" (what every reader of the
// journal, including the crash-safety audit, expects). Nothing is trusted because of this layout: the
// id must be a safe segment and equal the summary's own id, the summary is parsed and checked against
// its schema, and the full record is validated when it is first read (journal-records.ts). A line of
// any other shape (the format before summaries, a damaged prefix) takes the full path.
import type { JobRecord } from '../../../shared/domain';
import { toSummary } from '../../../shared/job-summary';

const PUT_PREFIX = Buffer.from('{"op":"put","id":"');
const SIZE_KEY = Buffer.from('","summaryBytes":');
const SUMMARY_KEY = Buffer.from(',"summary":');
const RECORD_KEY = Buffer.from(',"record":');
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;
const MAX_ID_BYTES = 128;
const MAX_DIGITS = 9;

/** One journal line (without its newline) for a put of an already validated record with a safe id. */
export function encodePut(record: JobRecord): string {
  const summary = JSON.stringify(toSummary(record));
  return `${PUT_PREFIX.toString()}${record.id}${SIZE_KEY.toString()}${Buffer.byteLength(summary)}${SUMMARY_KEY.toString()}${summary}${RECORD_KEY.toString()}${JSON.stringify(record)}}`;
}

/** A plain loop: for these few bytes it is several times cheaper than a Buffer.compare call. */
function startsWithAt(raw: Buffer, at: number, expected: Buffer): boolean {
  if (raw.length < at + expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (raw[at + i] !== expected[i]) return false;
  return true;
}

export interface PutHead {
  /** Not yet checked: the caller requires a safe segment and the summary's own id to match. */
  id: string;
  /** The summary's bytes, not yet parsed (a view into `raw`). */
  summary: Buffer;
}

/** The id and summary bytes of a put line in this layout, or undefined for any other line. */
export function readPutHead(raw: Buffer): PutHead | undefined {
  if (!startsWithAt(raw, 0, PUT_PREFIX) || raw[raw.length - 1] !== CLOSE_BRACE) return undefined;
  const idEnd = raw.indexOf(QUOTE, PUT_PREFIX.length);
  if (idEnd === -1 || idEnd - PUT_PREFIX.length > MAX_ID_BYTES || !startsWithAt(raw, idEnd, SIZE_KEY)) return undefined;
  let at = idEnd + SIZE_KEY.length;
  const digitsStart = at;
  let length = 0;
  for (; at < Math.min(raw.length, digitsStart + MAX_DIGITS); at++) {
    const digit = (raw[at] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    length = length * 10 + digit;
  }
  if (at === digitsStart || !startsWithAt(raw, at, SUMMARY_KEY)) return undefined;
  const start = at + SUMMARY_KEY.length;
  if (!startsWithAt(raw, start + length, RECORD_KEY)) return undefined;
  return { id: raw.toString('latin1', PUT_PREFIX.length, idEnd), summary: raw.subarray(start, start + length) };
}
