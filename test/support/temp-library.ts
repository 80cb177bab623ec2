// A fresh folder per test and LibraryStores opened in it, all closed and removed afterwards (an
// open store holds the library lock, so a test that forgets one would break the next).
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { LibraryStore, type LibraryProblem } from '../../electron/core/library';

export interface TempLibrary {
  /** This test's temp folder (removed afterwards). */
  root: string;
  /** Where openStore opens a library: `root` unless the test points it elsewhere inside root. */
  dir: string;
  openStore(onProblem?: (p: LibraryProblem) => void): Promise<LibraryStore>;
}

export function useTempLibrary(tmpPrefix: string): TempLibrary {
  const open: LibraryStore[] = [];
  const fx: TempLibrary = {
    root: '',
    dir: '',
    async openStore(onProblem) {
      const store = await LibraryStore.open(fx.dir, onProblem ? { onProblem } : undefined);
      open.push(store);
      return store;
    },
  };
  beforeEach(async () => {
    fx.root = fx.dir = await fsp.mkdtemp(path.join(os.tmpdir(), tmpPrefix));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await fsp.rm(fx.root, { recursive: true, force: true });
  });
  return fx;
}
