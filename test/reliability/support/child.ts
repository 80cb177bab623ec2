// Child processes for the suites that kill or measure a whole process. A TypeScript entry is first
// bundled with esbuild (dependencies stay external): starting the bundle takes well under a second,
// where `node --import tsx` spends several seconds transforming the core on a busy 2-core machine —
// and the crash test starts the driver some sixty times. Either way the child is ONE node process,
// so a SIGKILL really ends it.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

export const REPO = join(import.meta.dirname, '..', '..', '..');
/** Inside the repo so the bundle resolves node_modules; never committed (node_modules is ignored). */
const BUNDLE_DIR = join(REPO, 'node_modules', '.cache', 'veo-reliability');

export { startChild, type ChildRun, type RunningChild } from '../../support/child-process';

const bundles = new Map<string, Promise<string>>();

/** Bundles `entry` (repo-relative .ts) once per test process; resolves the .mjs path. */
export function bundleEntry(entry: string): Promise<string> {
  let pending = bundles.get(entry);
  if (!pending) {
    const outfile = join(BUNDLE_DIR, `${process.pid}-${basename(entry).replace(/\.ts$/, '')}.mjs`);
    pending = mkdir(BUNDLE_DIR, { recursive: true })
      .then(removeStaleBundles)
      .then(() =>
        build({
          entryPoints: [join(REPO, entry)],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          packages: 'external',
          logLevel: 'error',
          // The core finds the simulator's sample clip next to its module (import.meta.url).
          define: { 'import.meta.url': JSON.stringify(`file://${join(REPO, 'electron/core/simulator/video-source.ts')}`) },
        }),
      )
      .then(() => outfile);
    bundles.set(entry, pending);
  }
  return pending;
}

/** Per-process names keep parallel test workers apart; bundles of processes that are gone are removed. */
async function removeStaleBundles(): Promise<void> {
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const name of await readdir(BUNDLE_DIR)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await rm(join(BUNDLE_DIR, name), { force: true });
  }
}

/** Rejects after `ms` naming `what`: every wait in these suites is bounded. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
