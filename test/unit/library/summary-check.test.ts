// The fast summary check used on open must never accept what JobSummarySchema (the definition) would
// refuse or change, and must accept every summary the journal writes (or the fast path is never used).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSummary, passesFastSummaryCheck } from '../../../electron/core/library/summary-check';
import { JobSummarySchema, toSummary } from '../../../shared/job-summary';
import { makeJobRecord } from '../../support/records';

const base = toSummary(makeJobRecord({ requestId: 'req-1', parentId: 'job-0', shotId: 'shot-1', take: 2, videoPath: 'media/x/video.mp4', params: { negativePrompt: 'blur' } }));

/** Summaries with one field replaced by an arbitrary JSON value, deleted, or an extra key added. */
const mutated = fc.oneof(
  fc.record({ path: fc.constantFrom('id', 'state', 'favourite', 'createdAt', 'requestId', 'error', 'input', 'params', 'shotId', 'take'), value: fc.jsonValue() }).map(({ path, value }) => ({ ...base, [path]: value })),
  fc.record({ path: fc.constantFrom('prompt', 'negativePrompt', 'aspectRatio', 'duration', 'resolution', 'model', 'extra'), value: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 8 }).map((s) => ` ${s} `)) }).map(({ path, value }) => ({ ...base, params: { ...base.params, [path]: value } })),
  fc.constantFrom('state', 'params', 'input', 'favourite', 'updatedAt').map((key) => {
    const copy: Record<string, unknown> = { ...base };
    delete copy[key];
    return copy;
  }),
  fc.jsonValue().map((value) => ({ ...base, unexpected: value })),
);

describe('the fast summary check', () => {
  it('accepts only what the schema accepts unchanged', () => {
    fc.assert(
      fc.property(mutated, (candidate) => {
        const json: unknown = JSON.parse(JSON.stringify(candidate));
        if (!passesFastSummaryCheck(json)) return;
        const parsed = JobSummarySchema.safeParse(json);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(json);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the summaries the journal writes, and defers the rest to the schema', () => {
    for (const record of [makeJobRecord(), makeJobRecord({ state: 'failed', error: { kind: 'transient', message: 'try again' } }), makeJobRecord({ input: { kind: 'url', url: 'https://example.com/a.png' } })]) {
      const json: unknown = JSON.parse(JSON.stringify(toSummary(record)));
      expect(passesFastSummaryCheck(json)).toBe(true);
    }
    // Written before summaries named the model and take: still the fast path, read unchanged.
    const { model: _model, ...olderParams } = base.params;
    const older = { ...base, params: olderParams, shotId: undefined, take: undefined };
    const olderJson: unknown = JSON.parse(JSON.stringify(older));
    expect(passesFastSummaryCheck(olderJson)).toBe(true);
    expect(JobSummarySchema.parse(olderJson)).toEqual(olderJson);
    // Valid for the schema but not in the written form (an untrimmed prompt): the schema decides.
    const untrimmed = { ...base, params: { ...base.params, prompt: ' padded ' } };
    expect(passesFastSummaryCheck(untrimmed)).toBe(false);
    expect(checkSummary(untrimmed)?.params.prompt).toBe('padded');
    expect(checkSummary({ ...base, state: 'exploded' })).toBeUndefined();
  });
});
