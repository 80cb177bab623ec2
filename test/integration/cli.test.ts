// The CLI as a user runs it: a child process against a real simulator, a temp data dir and (for
// `key`) the real keychain under test/with-keyring.sh.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO, runCli, startCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
const SAMPLE = join(REPO, 'electron/core/simulator/assets/sample.mp4');

let fast: Simulator;
let slow: Simulator;
let dataDir: string;
const sim = (s: Simulator) => ['--data-dir', dataDir, '--provider', 'simulator', '--api-base', s.baseUrl];

beforeAll(async () => {
  fast = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  // Slow enough that a job is still queued when the test kills the CLI (1.5 s per queue step).
  slow = await startSimulator({ timing: { ...FAST_TEST_TIMING, queueStepMs: 1500 } });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-'));
});

afterAll(async () => {
  await fast.close();
  await slow.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('CLI usage errors exit 2 with a message that says what to do', () => {
  it.each([
    [['generate', '--image', IMAGE], /--prompt is required/],
    [['generate', '--image', IMAGE, '--prompt', 'x', '--duration', '5s'], /--duration/],
    [['generate', '--image', IMAGE, '--prompt', 'x', '--bogus'], /Unknown option/i],
    [['generate', '--image', '/nonexistent/pic.png', '--prompt', 'x'], /--image/],
    [['generate', '--image', 'http://example.com/a.png', '--prompt', 'x'], /https/i],
    [['list', '--status', 'done'], /--status must be one of/],
    [['frobnicate'], /Unknown command/],
  ])('%j', async (args, message) => {
    const run = await runCli([...sim(fast), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('with --json, also answers on stdout in JSON: the kind and the English words (issue 15)', async () => {
    const run = await runCli([...sim(fast), 'generate', '--image', IMAGE, '--prompt', 'x', '--duration', '5s', '--json']);
    expect(run.code).toBe(2);
    const answer = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(answer.error.kind).toBe('usage');
    expect(answer.error.message).toMatch(/--duration/);
    const missing = await runCli([...sim(fast), 'show', 'no-such-job', '--json']);
    expect(missing.code).not.toBe(0);
    expect((JSON.parse(missing.stdout) as { error: { message: string } }).error.message).toMatch(/no-such-job/);
  });

  it('refuses a file that is not an image, naming what it is', async () => {
    const pdf = join(dataDir, 'picture.png');
    await writeFile(pdf, '%PDF-1.7\n1 0 obj <<>> endobj\n');
    const run = await runCli([...sim(fast), 'generate', '--image', pdf, '--prompt', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PDF/);
    expect(fast.submitCount()).toBe(0);
  });
});

describe('CLI against the simulator', () => {
  it('generates, downloads into the library and copies to --out', async () => {
    const out = join(dataDir, 'exports', 'fox.mp4');
    const run = await runCli([...sim(fast), 'generate', '--image', IMAGE, '--prompt', 'A fox in snow', '--aspect-ratio', '16:9', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout);
    expect(job).toMatchObject({ status: 'completed', error: null, prompt: 'A fox in snow' });
    expect(job.requestId).toMatch(/\S/);
    const sample = await readFile(SAMPLE);
    expect(await readFile(job.videoPath)).toEqual(sample);
    expect(await readFile(out)).toEqual(sample);
    // The copy describes itself: fox.json next to fox.mp4.
    const sidecar = JSON.parse(await readFile(join(dataDir, 'exports', 'fox.json'), 'utf8'));
    expect(sidecar).toMatchObject({ format: 'veo-studio.sidecar', prompt: 'A fox in snow', requestId: job.requestId, video: { fileName: 'fox.mp4' } });
    expect(sidecar.params.aspectRatio).toBe('16:9');
    expect(run.stderr).toMatch(/completed/);
  });

  it('exits 1 with a readable reason when the safety filter refuses', async () => {
    const run = await runCli([...sim(fast), 'generate', '--image', IMAGE, '--prompt', 'forbidden [sim:content_policy]', '--json']);
    expect(run.code).toBe(1);
    const job = JSON.parse(run.stdout);
    expect(job.status).toBe('failed');
    expect(job.error.kind).toBe('content_policy');
    expect(job.error.message).not.toMatch(/[{}]/);
  });

  it('lists, filters, searches and shows jobs', async () => {
    const all = JSON.parse((await runCli([...sim(fast), 'list', '--json'])).stdout);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const failed = JSON.parse((await runCli([...sim(fast), 'list', '--status', 'failed', '--json'])).stdout);
    expect(failed.every((j: { status: string }) => j.status === 'failed')).toBe(true);
    const fox = JSON.parse((await runCli([...sim(fast), 'list', '--search', 'FOX', '--json'])).stdout);
    expect(fox.map((j: { prompt: string }) => j.prompt)).toEqual(['A fox in snow']);
    const shown = await runCli([...sim(fast), 'show', fox[0].id.slice(0, 8), '--json']);
    expect(JSON.parse(shown.stdout).id).toBe(fox[0].id);
  });

  async function killWhileQueued(prompt: string): Promise<void> {
    const { child, done } = startCli([...sim(slow), 'generate', '--image', IMAGE, '--prompt', prompt, '--json']);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    // "queue position" is printed only after the request id was persisted.
    await expect.poll(() => /queue position/.test(stderr), { timeout: 20_000 }).toBe(true);
    child.kill('SIGKILL');
    await done;
  }

  it('resumes a job after the CLI was killed, without submitting it again', async () => {
    await killWhileQueued('a lighthouse at night');
    expect(slow.submitCount()).toBe(1);
    const listed = JSON.parse((await runCli([...sim(slow), 'list', '--search', 'lighthouse', '--json'])).stdout);
    expect(listed[0].status).toBe('queued');
    const resumed = await runCli([...sim(slow), 'resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const [job] = JSON.parse(resumed.stdout);
    expect(job).toMatchObject({ id: listed[0].id, status: 'completed' });
    expect(slow.submitCount()).toBe(1);
  });

  it('cancels a queued job and records what the server did', async () => {
    await killWhileQueued('a long wait [sim:long_queue]');
    const [queued] = JSON.parse((await runCli([...sim(slow), 'list', '--status', 'queued', '--json'])).stdout);
    const cancelled = await runCli([...sim(slow), 'cancel', queued.id, '--json']);
    expect(cancelled.code, cancelled.stderr).toBe(1);
    expect(JSON.parse(cancelled.stdout).status).toBe('cancelled');
    expect(slow.submitCount()).toBe(2);
    expect(slow.job(queued.requestId)?.cancelRequested).toBe(true);
  });
});

describe('CLI key commands (real keychain)', () => {
  const service = `Veo Studio Test ${randomBytes(4).toString('hex')}`;
  const env = { VEO_STUDIO_KEYCHAIN_SERVICE: service };
  const key = `sk-test-${randomBytes(12).toString('hex')}`;

  it.runIf(process.env.VEO_KEYRING_AVAILABLE === '1' || process.env.CI)('sets, reports and clears a key without ever printing it', async () => {
    const set = await runCli(['--data-dir', dataDir, 'key', 'set'], { input: `${key}\n`, env });
    expect(set.code, set.stderr).toBe(0);
    const status = await runCli(['--data-dir', dataDir, 'key', 'status'], { env });
    expect(status.stdout).toContain(`…${key.slice(-4)}`);
    const cleared = await runCli(['--data-dir', dataDir, 'key', 'clear'], { env });
    expect(cleared.code).toBe(0);
    const after = await runCli(['--data-dir', dataDir, 'key', 'status'], { env });
    expect(after.stdout).toMatch(/no key set/);
    for (const run of [set, status, cleared, after]) {
      expect(run.stdout + run.stderr).not.toContain(key);
      expect(run.stdout + run.stderr).not.toContain(key.slice(0, -4));
    }
    const bad = await runCli(['--data-dir', dataDir, 'key', 'set'], { input: 'has space inside\n', env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/spaces/);
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(false);
  });
});
