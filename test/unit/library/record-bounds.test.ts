// Red-team F8a: an imported input URL of 4,214 characters (a percent-encoded host) was cut to 4,096
// and became invalid, so after a restart the job was skipped as damaged — gone from the library.
// A value over its cap is now dropped or replaced by a valid marker, and for every capped field a
// record the bounds step changed still validates.
import { describe, expect, it } from 'vitest';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { boundRecord, RECORD_LIMITS } from '../../../electron/core/library/record-bounds';
import { makeJobRecord } from '../../support/records';

const HOSTILE_URL = `https://${'%41'.repeat(1400)}.com/x`; // 4,214 characters, valid until cut mid-escape
const long = (n: number) => 'x'.repeat(n + 10);
const L = RECORD_LIMITS;

const fileInput = (o: Partial<Extract<JobRecord['input'], { kind: 'file' }>> = {}): JobRecord['input'] => ({
  kind: 'file', path: 'media/a/input.png', thumbPath: 'media/a/thumb.jpg', mime: 'image/png', width: 1280, height: 720, bytes: 10, sha256: 'ab', ...o,
});

/** One record per capped field, that field over its cap. */
const CASES: Array<[string, Partial<JobRecord>]> = [
  ['input.url (the red-team URL)', { input: { kind: 'url', url: HOSTILE_URL } }],
  ['input.url (plain)', { input: { kind: 'url', url: `https://example.com/${long(L.urlChars)}` } }],
  ['input.path', { input: fileInput({ path: long(L.urlChars) }) }],
  ['input.thumbPath', { input: fileInput({ thumbPath: long(L.urlChars) }) }],
  ['input.originalName', { input: fileInput({ originalName: long(L.shortChars) }) }],
  ['input.sha256', { input: fileInput({ sha256: long(L.shortChars) }) }],
  ['apiBase', { apiBase: `https://${'%41'.repeat(1400)}.com/` }],
  ['requestId', { requestId: long(L.shortChars) }],
  ['urls', { urls: { status: `https://q.example/${long(L.urlChars)}`, response: 'https://q.example/r', cancel: 'https://q.example/c' } }],
  ['logs', { logs: [{ message: long(L.logLineChars), level: long(L.shortChars), source: long(L.shortChars), timestamp: long(L.shortChars) }] }],
  ['error', { state: 'failed', error: { kind: 'unknown', message: long(L.messageChars), requestId: long(L.shortChars), field: long(L.shortChars), errorType: long(L.shortChars), detail: long(L.detailChars) } }],
  ['result', { result: { url: HOSTILE_URL, contentType: long(L.shortChars), fileName: long(L.shortChars) } }],
  ['videoPath', { videoPath: long(L.urlChars) }],
  ['parentId', { parentId: long(L.shortChars) }],
  ['timestamps', { createdAt: long(L.shortChars), updatedAt: long(L.shortChars), submitSentAt: long(L.shortChars), submittedAt: long(L.shortChars), startedAt: long(L.shortChars), finishedAt: long(L.shortChars) }],
];

describe('boundRecord', () => {
  it.each(CASES)('%s over its cap: the bounded record still validates and no string is over its cap', (_name, patch) => {
    const given = JobRecordSchema.parse(makeJobRecord(patch as Parameters<typeof makeJobRecord>[0]));
    const bounded = boundRecord(given);
    const check = JobRecordSchema.safeParse(bounded);
    expect(check.success ? 'valid' : check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe('valid');
    const strings: string[] = [];
    JSON.stringify(bounded, (_k, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    expect(Math.max(...strings.map((s) => s.length))).toBeLessThanOrEqual(L.detailChars);
    expect(bounded).not.toEqual(given); // something was over the cap
  });

  it('an over-long URL is never cut into another address: dropped where optional, a marker where required', () => {
    const rec = boundRecord(JobRecordSchema.parse(makeJobRecord({
      input: { kind: 'url', url: HOSTILE_URL },
      urls: { status: `https://q.example/${long(L.urlChars)}`, response: 'https://q.example/r', cancel: 'https://q.example/c' },
      videoPath: long(L.urlChars),
    })));
    expect(rec.input.kind === 'url' && rec.input.url).not.toContain('%41');
    expect(rec.urls).toBeUndefined();
    expect(rec.videoPath).toBeUndefined();
  });
});
