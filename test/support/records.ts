// Builds valid JobRecords for tests. Every record is run through JobRecordSchema, so a test that uses
// this factory cannot accidentally exercise an invalid record. Ids and createdAt are unique and
// increasing per call, so sort order in tests is predictable.
import { JobRecordSchema, type JobRecord } from '../../shared/domain';

let sequence = 0;
const BASE_TIME_MS = Date.parse('2025-01-01T00:00:00.000Z');

export type JobRecordOverrides = Partial<Omit<JobRecord, 'params'>> & { params?: Partial<JobRecord['params']> };

/** A valid record; `overrides` win (params are merged, not replaced). */
export function makeJobRecord(overrides: JobRecordOverrides = {}): JobRecord {
  sequence += 1;
  const createdAt = new Date(BASE_TIME_MS + sequence * 1000).toISOString();
  const id = overrides.id ?? `job-${sequence.toString().padStart(6, '0')}`;
  const { params, ...rest } = overrides;
  const candidate = {
    id,
    state: 'completed',
    params: {
      prompt: `A slow dolly shot of a lighthouse at dusk, take ${sequence}`,
      aspectRatio: '16:9',
      duration: '8s',
      resolution: '720p',
      generateAudio: true,
      ...params,
    },
    input: {
      kind: 'file',
      path: `media/${id}/input.png`,
      thumbPath: `media/${id}/thumb.jpg`,
      originalName: 'lighthouse.png',
      mime: 'image/png',
      width: 1280,
      height: 720,
      bytes: 123_456,
      sha256: 'a'.repeat(64),
    },
    provider: 'simulator',
    apiBase: 'http://127.0.0.1:0',
    requestId: `req-${sequence}`,
    logs: [],
    favourite: false,
    cancelRequested: false,
    createdAt,
    updatedAt: createdAt,
    ...rest,
  };
  return JobRecordSchema.parse(candidate);
}

/** `count` valid records; `each(i)` may customise record i. */
export function makeJobRecords(count: number, each: (i: number) => JobRecordOverrides = () => ({})): JobRecord[] {
  return Array.from({ length: count }, (_, i) => makeJobRecord(each(i)));
}
