// Bad input, part 2: the same hostile files and prompts handed to the real command line, as a user
// would type them. Each refusal exits 2 with one readable line on stderr — no stack trace — before
// any money is spent (the simulator sees no submit) and without touching the library.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRecordSchema, MAX_PROMPT_LENGTH } from '../../shared/domain';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { bundleEntry, REPO, startChild, within, type ChildRun } from './support/child';
import { makeHostileFiles, SAMPLE_JPEG, type HostileFile } from './support/hostile-files';
import { savedRecordTexts } from '../support/library-rows';

let sim: Simulator;
let dir: string;
let dataDir: string;
let cli: string;
let files: HostileFile[];

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  dir = await mkdtemp(join(tmpdir(), 'veo-hostile-cli-'));
  dataDir = join(dir, 'data');
  files = await makeHostileFiles(join(dir, 'files'));
  cli = await bundleEntry('electron/cli/bin.ts');
});
afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Refusal cases run side by side, each with its own data folder (a library has one writer at a time).
const base = (data = dataDir) => ['--data-dir', data, '--provider', 'simulator', '--api-base', sim.baseUrl];
const journal = (data = dataDir) => savedRecordTexts(join(data, 'library')).join('\n');
const runCli = (args: string[], data = dataDir): Promise<ChildRun> =>
  within(45_000, `veo ${args.join(' ').slice(0, 80)}`, startChild(cli, [...base(data), ...args]).done);
let caseNo = 0;
const caseDir = () => join(dir, `case-${++caseNo}`);
const fileFor = (label: string): string => (files.find((f) => f.label === label) as HostileFile).path;

function expectCleanRefusal(run: ChildRun, says: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(/\n\s+at\s|\.ts:\d+|\.mjs:\d+|node:internal/);
  expect(run.stdout).toBe('');
}

// A busy 2-core CI box can take several seconds to start each CLI: generous per-test time.
describe.concurrent('the CLI refuses hostile input before spending anything', { timeout: 60_000 }, () => {
  const fileCases: Array<[string, RegExp]> = [
    ['zero bytes', /empty/],
    ['truncated PNG', /truncated/],
    ['a PDF renamed .png', /PDF/],
    ['a Linux executable renamed .jpg', /program/],
    ['an SVG drawing', /SVG/],
    ['a 30000×30000 PNG header', /pixels|MP/],
    ['a 100 MB image (over the limit)', /limit/],
    ['a folder named like a picture', /folder|not a file/],
    ['a character device (/dev/zero)', /not a file/],
  ];
  it.each(fileCases)('--image: %s', async (label, says) => {
    const data = caseDir();
    const run = await runCli(['generate', '--image', fileFor(label), '--prompt', 'a fox in the snow'], data);
    expectCleanRefusal(run, says);
    expect(journal(data)).toBe('');
  });

  const promptCases: Array<[string, string, RegExp]> = [
    ['empty', '', /--prompt is required/],
    ['only whitespace', ' \n\t ', /--prompt: Write a prompt/],
    ['one character over the limit', 'x'.repeat(MAX_PROMPT_LENGTH + 1), /under 5000/],
  ];
  it.each(promptCases)('--prompt: %s', async (_label, prompt, says) => {
    const data = caseDir();
    expectCleanRefusal(await runCli(['generate', '--image', SAMPLE_JPEG, '--prompt', prompt], data), says);
    expect(journal(data)).toBe('');
  });
});

describe('after all the refusals', () => {
  it('the simulator never saw a submit', () => {
    expect(sim.submitCount()).toBe(0);
  });
});

describe('the CLI carries odd but legitimate input through', { timeout: 60_000 }, () => {
  it('a picture under a path with spaces and unicode, an emoji and right-to-left prompt', async () => {
    const prompt = 'שועל 🦊 يركض في الثلج — café ☕';
    const run = await runCli(['generate', '--image', fileFor('a valid JPEG in a folder with spaces and unicode'), '--prompt', prompt, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout) as { status: string; prompt: string };
    expect(job).toMatchObject({ status: 'completed', prompt });
  });

  it('a prompt that is not valid UTF-8 ends as a clean refusal or a clean job, never a crash', async () => {
    // bash's $'…' puts raw bytes (Latin-1 é, a lone continuation byte, an overlong NUL) into argv.
    const before = sim.submitCount();
    const args = [cli, ...base(), 'generate', '--image', SAMPLE_JPEG, '--json', '--prompt'].map((a) => `'${a}'`).join(' ');
    const child = spawn('bash', ['-c', `exec "${process.execPath}" ${args} $'caf\\xe9 \\x80 \\xc0\\x80 au lait'`], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await within(20_000, 'CLI with a non-UTF-8 prompt', new Promise<number | null>((r) => child.on('close', r)));
    expect([0, 2], stderr).toContain(code);
    expect(stderr).not.toMatch(/\n\s+at\s/);
    if (code === 0) {
      // Node decodes argv as UTF-8 with replacement characters: what is stored is valid text.
      expect((JSON.parse(stdout) as { prompt: string }).prompt).toMatch(/^caf\ufffd \ufffd \ufffd+ au lait$/);
      expect(sim.submitCount()).toBe(before + 1);
    }
    for (const text of savedRecordTexts(join(dataDir, 'library'))) expect(JobRecordSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});
