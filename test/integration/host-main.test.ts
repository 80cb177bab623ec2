// `npm run host` as a real process: the URL is the first stdout line, the port is on loopback only,
// bad flags are usage errors, and SIGTERM shuts down cleanly (exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli';

let tmp: string;
let staticDir: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'veo-host-main-'));
  staticDir = join(tmp, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Veo Studio</title>');
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function startMain(args: string[]): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/host/main.ts'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('close', () => reject(new Error('the host exited before printing its URL')));
  });

function refusesConnection(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('npm run host', () => {
  it('prints the token URL (token in the fragment) first, serves it on loopback only, and exits 0 on SIGTERM', async () => {
    const run = startMain(['--port', '0', '--data-dir', join(tmp, 'data'), '--static-dir', staticDir, '--provider', 'simulator']);
    try {
      const line = await firstLine(run.child);
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
      const res = await fetch(line);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Veo Studio');
      expect(res.headers.get('set-cookie')).toBeNull();

      const port = Number(new URL(line).port);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (external) expect(await refusesConnection(external.address, port)).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('SIGTERM: shutting down');
  });

  it.each([
    [['--port', 'abc']],
    [['--provider', 'openai']],
    [['--no-such-flag']],
  ])('refuses %j with a usage message (exit 2)', async (args) => {
    const run = startMain([...args, '--data-dir', join(tmp, 'data2'), '--static-dir', staticDir]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('Usage: npm run host');
  });

  it('explains a missing renderer build (exit 1)', async () => {
    const run = startMain(['--data-dir', join(tmp, 'data3'), '--static-dir', join(tmp, 'no-build')]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('npm run build:renderer');
  });
});
