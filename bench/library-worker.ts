// Child process for group 3: one cold open of a library, timed from just before LibraryStore.open
// until the full list (newest first, as the Library screen shows it) is in hand. Process start and
// module loading are not counted; everything the open itself does (read, parse, validate, index) is.
// In "full" mode it then times searches and fsynced record updates on the same open library.
import { LibraryStore } from '../electron/core/library/store';

export interface OpenResult {
  openMs: number;
  listed: number;
  searches?: Array<{ term: string; ms: number; hits: number }>;
  updatesMs?: number[];
}

const SEARCH_TERMS = ['lighthouse', 'snow leopard', 'golden-hour', 'drone', 'iced tea', 'we made it', 'motorcycle', 'koi', 'b2496e9e', 'no such words anywhere'];
const UPDATES = 20;

async function main(): Promise<void> {
  const [dir, mode = 'open'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: library-worker.ts <library dir> [open|full]');
  const started = performance.now();
  const store = await LibraryStore.open(dir);
  const listed = store.list().length;
  const result: OpenResult = { openMs: performance.now() - started, listed };
  try {
    if (mode === 'full') {
      result.searches = SEARCH_TERMS.map((term) => {
        const t = performance.now();
        const hits = store.list({ search: term }).length;
        return { term, ms: performance.now() - t, hits };
      });
      const ids = store.list({ limit: UPDATES }).map((r) => r.id);
      result.updatesMs = [];
      for (const id of ids) {
        const current = store.get(id);
        const t = performance.now();
        await store.update(id, { favourite: !current?.favourite });
        result.updatesMs.push(performance.now() - t);
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
