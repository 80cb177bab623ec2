// One node child process for the tests that run a whole program (the CLI, crash and memory drivers):
// stdout and stderr collected, stdin written and closed, and a SIGKILL that really ends it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningChild {
  child: ChildProcess;
  done: Promise<ChildRun>;
  /** SIGKILL now (if still running); resolves once the process is gone. */
  kill(): Promise<ChildRun>;
}

export function startChild(script: string, args: string[], opts: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv; input?: string } = {}): RunningChild {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), script, ...args], {
    cwd: REPO,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(opts.input ?? '');
  const done = new Promise<ChildRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return done;
    },
  };
}
