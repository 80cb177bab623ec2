// library:takes — the takes of one shot, for the Library detail: every job of the shot (isTakeOf),
// ordered by take number, then by age.
import type { Handlers } from '../ipc/router';
import { isTakeOf } from '../jobs/variants';
import type { ServiceContext } from './types';

type TakesHandlers = Pick<Handlers, 'library:takes'>;

export function takesHandlers(ctx: ServiceContext): TakesHandlers {
  return {
    'library:takes'({ id }) {
      const rec = ctx.requireJob(id);
      const shot = rec.shotId ?? rec.id;
      // A query on the shot: reading every record to find a handful held 10k records in memory.
      const takes = ctx.core.library.takesOf(shot).filter((r) => isTakeOf(r, shot));
      takes.sort((a, b) => (a.take ?? 1) - (b.take ?? 1));
      return { takes: takes.length > 0 ? takes : [rec] };
    },
  };
}
