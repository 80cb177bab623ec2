// library:ledger and library:jobCost — what was charged, read from the spend ledger
// (core/library/ledger.ts), never recomputed from the records a user can delete or import.
import type { Handlers } from '../ipc/router';
import type { ServiceContext } from './types';

type SpendHandlers = Pick<Handlers, 'library:ledger' | 'library:jobCost'>;

export function spendHandlers(ctx: ServiceContext): SpendHandlers {
  return {
    async 'library:ledger'() {
      // A job accepted a moment ago may still be on its way to the file.
      await ctx.core.ledger.flush();
      return ctx.core.ledger.summary();
    },
    async 'library:jobCost'({ id }) {
      const rec = ctx.requireJob(id);
      await ctx.core.ledger.flush();
      return ctx.core.ledger.costOf(rec);
    },
  };
}
