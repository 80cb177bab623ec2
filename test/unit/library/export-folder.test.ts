// Issue 10: an export folder under /proc spun a core forever (Node's recursive mkdir never returns
// there). System folders are refused — also through a symlink — and folders are made one at a time.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../../electron/core/library/portable';
import type { LibraryStore } from '../../../electron/core/library/store';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-export-folder-');
let store: LibraryStore;
beforeEach(async () => {
  lib.dir = path.join(lib.root, 'lib');
  store = await lib.openStore();
});

describe.skipIf(process.platform === 'win32')('export destinations', () => {
  it.each(['/proc/self/veo-export/deeper', '/sys/veo-export', '/dev/veo-export'])('%s is refused at once', async (dest) => {
    await expect(exportLibrary(store, 'all', dest)).rejects.toThrow(/a system folder/);
  });

  it('a symlink that leads into /proc is refused too', async () => {
    const link = path.join(lib.root, 'innocent');
    await fsp.symlink('/proc/self', link);
    await expect(exportLibrary(store, 'all', path.join(link, 'export', 'here'))).rejects.toThrow(/inside \/proc, a system folder \(it leads to \/proc\//);
  });

  it('missing parent folders are created one by one', async () => {
    const dest = path.join(lib.root, 'a', 'b', randomUUID());
    const result = await exportLibrary(store, 'all', dest);
    expect(result.exported).toBe(0);
    expect((await fsp.readdir(dest)).sort()).toEqual(['index.json']);
  });
});
