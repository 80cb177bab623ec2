// library:* — browsing, starring, deleting (with undo). Deleting is refused while a job is still
// moving: its runner would write into a record that no longer exists.
import { isFinalState } from '../../../shared/domain';
import { IpcUserError, type Handlers } from '../ipc/router';
import type { ServiceContext } from './types';

type LibraryHandlers = Pick<
  Handlers,
  'library:list' | 'library:summaries' | 'library:get' | 'library:favourite' | 'library:delete' | 'library:undoDelete'
>;

export function libraryHandlers(ctx: ServiceContext): LibraryHandlers {
  const { library } = ctx.core;
  return {
    'library:list'(query) {
      const { limit: _limit, offset: _offset, ...filter } = query;
      return { items: library.list(query), total: library.count(filter) };
    },
    'library:summaries'(query) {
      const { limit: _limit, offset: _offset, ...filter } = query;
      return { items: library.summaries(query), total: library.count(filter) };
    },
    'library:get'({ id }) {
      return library.get(id) ?? null;
    },
    async 'library:favourite'({ id, favourite }) {
      ctx.requireJob(id);
      return library.update(id, { favourite });
    },
    async 'library:delete'({ id }) {
      const rec = ctx.requireJob(id);
      if (!isFinalState(rec.state)) {
        const what =
          rec.state === 'downloading'
            ? 'Its video is downloading; delete it once the download has finished.'
            : 'Cancel it first, then delete it.';
        throw new IpcUserError('failed', `This job is still ${rec.state}. ${what}`);
      }
      await library.delete(id);
    },
    async 'library:undoDelete'({ id }) {
      if (library.get(id)) throw new IpcUserError('invalid_input', 'This job is not deleted, so there is nothing to undo.');
      if (!library.isInTrash(id)) {
        throw new IpcUserError('not_found', 'This job can no longer be restored: deleted jobs are kept only until the app closes.');
      }
      return library.undoDelete(id);
    },
  };
}
