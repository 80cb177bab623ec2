// Runs the real CLI entry (electron/cli/bin.ts through tsx) as a child process, as `npm run cli` does.
import { join } from 'node:path';
import { REPO, startChild, type ChildRun, type RunningChild } from './child-process';

export { REPO };

export type CliRun = ChildRun;

export function startCli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): RunningChild {
  // `node --import tsx` keeps it one process, so a SIGKILL in a test really kills the CLI (the tsx
  // binary would leave its node child running as an orphan).
  return startChild(join(REPO, 'electron', 'cli', 'bin.ts'), args, { ...opts, nodeArgs: ['--import', 'tsx'] });
}

export const runCli = (args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> =>
  startCli(args, opts).done;
