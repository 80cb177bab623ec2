// "Make final" spends on the full model: a second press on a draft that already has a final (running,
// paused or done) would charge for the same video twice. The spend guard asks this before pricing
// anything; a failed or cancelled final does not count (shared/finals.ts).
import type { JobRecord } from '../../../shared/domain';
import { liveFinalOf } from '../../../shared/finals';
import { say } from '../../../shared/i18n/messages';
import type { LibraryStore } from '../library/store';
import type { Said } from '../util/said';

/** Why `draft` may not get another final now, in words the user can act on; undefined = it may. */
export function secondFinalRefusal(library: Pick<LibraryStore, 'summaries' | 'get'>, draft: JobRecord): Said | undefined {
  // Summaries are what the grid reads anyway; only the draft's children are read in full.
  const children = library.summaries().flatMap((s) => (s.parentId === draft.id ? (library.get(s.id) ?? []) : []));
  const final = liveFinalOf(draft, children);
  if (!final) return undefined;
  return say('app.spend.secondFinal', { where: final.state === 'completed' ? 'done' : 'onItsWay' });
}
