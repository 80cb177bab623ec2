// Child process for group 3: one cold open of a library, timed from just before LibraryStore.open
// until the Library's first screen is in hand — exactly what the `library:list` handler answers for
// it: the newest page of jobs plus the total. Process start and module loading are not counted;
// everything the open itself does (read, parse, validate, index, migrate) is. In "full" mode it then
// times searches over every prompt — as the Library asks (`library:summaries`: the first page of hits
// and their total) and for every hit at once — and fsynced record updates on the same open library.
import { LibraryStore } from '../electron/core/library/store';
import { FIRST_SCREEN, SEARCH_TERMS, type OpenResult } from './library-data';

const UPDATES = 20;

async function main(): Promise<void> {
  const [dir, mode = 'open'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: library-worker.ts <library dir> [open|full]');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const store = await LibraryStore.open(dir);
  const firstScreen = store.list({ limit: FIRST_SCREEN, sort: 'newest' }).length;
  const total = store.count();
  const openMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const memory = process.memoryUsage();
  const result: OpenResult = { openMs, cpuMs: (cpu.user + cpu.system) / 1000, total, firstScreen, rssMb: memory.rss / 1e6, heapMb: memory.heapUsed / 1e6 };
  try {
    if (mode === 'full') {
      result.searches = SEARCH_TERMS.map((term) => {
        const t = performance.now();
        store.summaries({ search: term, limit: FIRST_SCREEN });
        const hits = store.count({ search: term });
        return { term, ms: performance.now() - t, hits };
      });
      result.allHitsSearches = SEARCH_TERMS.map((term) => {
        const t = performance.now();
        const hits = store.summaries({ search: term }).length;
        return { term, ms: performance.now() - t, hits };
      });
      const ids = store.summaries({ limit: UPDATES }).map((r) => r.id);
      result.updatesMs = [];
      result.updatesCpuMs = [];
      for (const id of ids) {
        const current = store.get(id);
        const t = performance.now();
        const cpu = process.cpuUsage();
        await store.update(id, { favourite: !current?.favourite });
        const used = process.cpuUsage(cpu);
        result.updatesMs.push(performance.now() - t);
        result.updatesCpuMs.push((used.user + used.system) / 1000);
      }
    }
  } finally {
    await store.close();
  }
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
