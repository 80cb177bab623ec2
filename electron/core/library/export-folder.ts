// Creating the folder an export goes to. The path is typed by the user (or sent by a face), so it
// can name anything. Two traps: Node's recursive mkdir never returns under /proc (it spins a core
// forever: mkdir answers ENOENT for the parent it just "created"), and /proc, /sys and /dev are not
// places files belong. So the path is resolved through its existing part (symlinks included),
// system folders are refused, and the missing folders are created one at a time.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describeFsError, isInsideOrSame } from './portable-format';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** Creates `dest` (and missing parents) step by step; refuses system folders. Returns its real path. */
export async function makeExportFolder(dest: string): Promise<string> {
  const missing: string[] = [];
  let existing = dest;
  for (;;) {
    const found = await fsp.realpath(existing).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (found !== undefined) {
      const real = path.join(found, ...missing);
      assertNotSystemFolder(dest, real);
      for (let i = 0; i < missing.length; i++) await mkdirOne(path.join(found, ...missing.slice(0, i + 1)));
      return real;
    }
    const parent = path.dirname(existing);
    if (parent === existing) throw new SaidError(say('app.portable.noParent', { path: dest }));
    missing.unshift(path.basename(existing));
    existing = parent;
  }
}

function assertNotSystemFolder(dest: string, real: string): void {
  if (process.platform === 'win32') return;
  const root = SYSTEM_ROOTS.find((r) => isInsideOrSame(r, real));
  if (root === undefined) return;
  throw new SaidError(say('app.portable.systemFolder', { path: dest, root, leadsTo: real === dest ? 'no' : 'yes', real }));
}

async function mkdirOne(dir: string): Promise<void> {
  try {
    await fsp.mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await fsp.stat(dir)).isDirectory()) return;
    throw new Error(`Could not create the folder ${dir} (${describeFsError(error)}).`, { cause: error });
  }
}
