// library:setPoster — the page drew a frame of a finished video (the first poster, made once the
// video is on disk, or "Use this frame as poster") and sends it here to be checked and stored.
import type { Handlers } from '../ipc/router';
import { IpcUserError } from '../ipc/router';
import { wordsOf } from '../util/said';
import { PosterRefused, storePoster } from '../library/poster';
import type { ServiceContext } from './types';

export function posterHandlers(ctx: ServiceContext): Pick<Handlers, 'library:setPoster'> {
  return {
    async 'library:setPoster'({ id, seconds, jpeg }) {
      ctx.requireJob(id);
      try {
        return await storePoster(ctx.core.library, id, seconds, Buffer.from(jpeg, 'base64'));
      } catch (err) {
        if (err instanceof PosterRefused) throw new IpcUserError('invalid_input', wordsOf(err));
        throw err;
      }
    },
  };
}
