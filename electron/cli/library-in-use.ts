// What a writing command says when the app (or another CLI command that writes) holds the library.
// Only one process may write it; `list` and `show` read beside that writer, so they are offered.
import type { LibraryInUseError } from '../core/library/lock';

export function libraryInUseMessage(command: string, err: LibraryInUseError, libraryDir: string): string {
  const who = `The library at ${libraryDir} is in use by process ${err.pid} (the Veo Studio app or another CLI command), and only one process may change it.`;
  const what =
    command === 'cancel'
      ? 'To cancel: if a "generate" in another shell is following this job, press Ctrl+C there first (the job keeps running on the server), then run cancel again; or cancel it in the app.'
      : `"${command}" was not run (nothing was sent). Close the app, or wait for the other command to finish, and run it again.`;
  return `${who}\n${what}\n"list" and "show" work meanwhile.`;
}
