// A Fast draft's final: the job "Make final" started from it — linked to the draft as its parent, on
// the draft model's full model, from the same picture (a continuation also has the draft as parent,
// but starts from a frame of its video). A draft has one final at a time: while one is on its way or
// done, the Library offers "Open final" and the core refuses another (core/spend/one-final.ts), so a
// second press cannot charge a second final. A failed or cancelled final can be made again.
import type { JobInput, JobRecord } from './domain';
import { MODELS } from './models';

type Linked = Pick<JobRecord, 'id' | 'parentId' | 'params' | 'input' | 'state'>;

const sameInput = (a: JobInput, b: JobInput): boolean =>
  a.kind === 'file' ? b.kind === 'file' && a.sha256 === b.sha256 : b.kind === 'url' && a.url === b.url;

export function isFinalOf(draft: Linked, job: Linked): boolean {
  return job.parentId === draft.id && MODELS[draft.params.model].finalModel === job.params.model && sameInput(draft.input, job.input);
}

/** The draft's final that still counts (running, paused or completed), if any, among `records`. */
export function liveFinalOf<T extends Linked>(draft: Linked, records: Iterable<T>): T | undefined {
  for (const job of records) if (isFinalOf(draft, job) && job.state !== 'failed' && job.state !== 'cancelled') return job;
  return undefined;
}
