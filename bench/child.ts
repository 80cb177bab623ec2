// Child processes for measurements that must not share our heap or our event loop: a fresh process
// per cold library open, the downloader alone in its process (so its peak RSS is its own), and the
// file server on another core. Every child runs TypeScript through tsx, like `npm run bench` itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

function spawnTs(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs a bench child to completion and parses the JSON it prints as its last stdout line. */
export async function runChild<T>(script: string, args: readonly string[], timeoutMs = 120_000): Promise<T> {
  const child = spawnTs(script, args);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code ?? signal}`);
  } finally {
    clearTimeout(timer);
  }
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${script} printed no JSON result: ${stdout.slice(-500)}`);
  }
}

export interface LongChild<T> {
  /** The first message the child sent (e.g. the port it listens on). */
  ready: T;
  /** Sends a question and resolves with the child's answer to it (see answerParent). */
  ask<R>(question: Record<string, unknown>): Promise<R>;
  /** Every other message the child sends, in order. */
  onMessage(listener: (message: unknown) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts a long-lived child that talks over Node's IPC channel: its first message means "ready",
 * answers carry the id of their question. stop() ends it by its own pid.
 */
export async function startChild<T>(script: string, args: readonly string[], readyTimeoutMs = 30_000): Promise<LongChild<T>> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const listeners: Array<(message: unknown) => void> = [];
  const pending = new Map<number, (answer: unknown) => void>();
  let nextId = 1;
  try {
    const ready = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not get ready in ${readyTimeoutMs} ms`)), readyTimeoutMs);
      child.once('exit', (code) => reject(new Error(`${script} exited early with ${code}`)));
      let first = true;
      child.on('message', (message: unknown) => {
        if (first) {
          first = false;
          clearTimeout(timer);
          return resolve(message as T);
        }
        const answerTo = (message as { answerTo?: unknown }).answerTo;
        const settle = typeof answerTo === 'number' ? pending.get(answerTo) : undefined;
        if (settle) {
          pending.delete(answerTo as number);
          settle((message as { answer: unknown }).answer);
        } else {
          for (const listener of listeners) listener(message);
        }
      });
    });
    return {
      ready,
      stop,
      onMessage: (listener) => void listeners.push(listener),
      ask: <R>(question: Record<string, unknown>) =>
        new Promise<R>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, (answer) => resolve(answer as R));
          child.send({ ...question, questionId: id }, (err) => err && reject(err));
        }),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Child side: answers the parent's questions; the parent pairs answers by questionId. */
export function answerParent(handler: (question: Record<string, unknown>) => unknown | Promise<unknown>): void {
  process.on('message', (message: unknown) => {
    const question = message as Record<string, unknown>;
    Promise.resolve()
      .then(() => handler(question))
      .then(
        (answer) => process.send?.({ answerTo: question.questionId, answer }),
        (err: unknown) => {
          // No silent hang in the parent: a failed answer ends the child loudly.
          console.error(err);
          process.exit(1);
        },
      );
  });
}

/** Child side: closes resources on SIGTERM or when the parent goes away, then exits. */
export function exitWithParent(close: () => Promise<void>): void {
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}
