// What a re-run of a finished job makes, by the kind asked for. Pure: the handler (service/
// job-handlers.ts) prices it through the spend guard and starts it.
//  - retry:  the same settings again (a new job, a new charge), as before takes existed;
//  - take:   another take of the same shot with the same seed, counted on in its shot;
//  - final:  a Fast draft's picture, prompt, seed and settings on the full model, linked to the draft
//            as its parent (shown like continue-from-frame lineage).
import type { RerunKind } from '../../../shared/contract';
import type { GenerationParams, JobRecord } from '../../../shared/domain';
import { MODELS, withoutRefusedExtras } from '../../../shared/models';
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';
import type { NewJob } from './runner';

export type Variant = { params: GenerationParams; links: Pick<NewJob, 'parentId' | 'shotId' | 'take'> } | { refused: Said };

/** `takesSoFar`: the highest take number recorded in the job's shot (the job alone counts as 1). */
export function variantOf(rec: JobRecord, kind: RerunKind, takesSoFar: number): Variant {
  const params = withoutRefusedExtras(rec.params);
  if (kind === 'retry') return { params, links: {} };
  if (kind === 'take') return { params, links: { shotId: rec.shotId ?? rec.id, take: Math.max(1, takesSoFar) + 1 } };
  const final = MODELS[rec.params.model].finalModel;
  if (!final) return { refused: say('app.rerun.alreadyFull', { model: MODELS[rec.params.model].label }) };
  return { params: withoutRefusedExtras({ ...params, model: final }), links: { parentId: rec.id } };
}

/** A shot's first job may carry no shot id when its takes came later ("another take"): its id is the shot's. */
export const isTakeOf = (r: Pick<JobRecord, 'id' | 'shotId'>, shotId: string): boolean => r.shotId === shotId || r.id === shotId;

/** The highest take number of `shotId` among `records` (a job without a take number is take 1). */
export function takesInShot(records: Iterable<Pick<JobRecord, 'id' | 'shotId' | 'take'>>, shotId: string): number {
  let most = 0;
  for (const r of records) if (isTakeOf(r, shotId)) most = Math.max(most, r.take ?? 1);
  return most;
}
