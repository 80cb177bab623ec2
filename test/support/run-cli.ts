// Runs the real CLI entry (electron/cli/bin.ts through tsx) as a child process, as `npm run cli` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): { child: ChildProcess; done: Promise<CliRun> } {
  // `node --import tsx` keeps it one process, so a SIGKILL in a test really kills the CLI (the tsx
  // binary would leave its node child running as an orphan).
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'cli', 'bin.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin?.end(opts.input ?? '');
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runCli = (args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> =>
  startCli(args, opts).done;
