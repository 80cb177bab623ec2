// A second process that holds a library the way the open app does: opened for writing (the lock
// taken, the database in WAL), then idle until killed. Prints "ready" once it holds it.
import { LibraryStore } from '../../electron/core/library/store';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: hold-library.ts <library dir>');
const store = await LibraryStore.open(dir);
process.stdout.write('ready\n');
// Stay alive (and holding) until the test kills us; close cleanly on SIGTERM.
const idle = setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => {
  clearInterval(idle);
  void store.close();
});
