// library:* — browsing, starring, deleting (with undo). Deleting is refused while a job is still
// moving: its runner would write into a record that no longer exists.
import { isFinalState } from '../../../shared/domain';
import { say } from '../../../shared/i18n/messages';
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
        throw new IpcUserError('failed', say('app.library.deleteActive', { state: rec.state }));
      }
      await library.delete(id);
    },
    async 'library:undoDelete'({ id }) {
      if (library.get(id)) throw new IpcUserError('invalid_input', say('app.library.notDeleted'));
      if (!library.isInTrash(id)) {
        throw new IpcUserError('not_found', say('app.library.trashGone'));
      }
      return library.undoDelete(id);
    },
  };
}
