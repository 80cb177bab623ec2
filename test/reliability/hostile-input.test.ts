// Bad input, part 1: hostile files through the image preflight (by path, and as bytes the way the
// browser host and the clipboard deliver them) and hostile prompts through the generation schema and
// on to the server. Each one is refused with a clear, specific message — quickly, without a crash —
// or, where it is odd but legitimate (emoji, right-to-left text, a path with spaces), accepted and
// carried through byte for byte.
import { open, readFile, rm, mkdtemp } from 'node:fs/promises';
import { constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationParamsSchema, MAX_PROMPT_LENGTH } from '../../shared/domain';
import { isInputImageError, prepareImageBytes, prepareImageFile } from '../../electron/core/media/preflight';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { within } from './support/child';
import { openFaultCore, runJob, type FaultCore } from './support/fault-core';
import { makeHostileFiles, type HostileFile } from './support/hostile-files';

let dir: string;
let files: HostileFile[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-hostile-'));
  files = await makeHostileFiles(join(dir, 'files'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What a person reads: one or two sentences, no stack, no internal type names. */
function expectClearMessage(message: string): void {
  expect(message.length).toBeGreaterThan(15);
  expect(message.length).toBeLessThan(400);
  expect(message).not.toMatch(/\n\s+at\s|\.ts:\d+|\[object |undefined|TypeError|vips|sharp/i);
}

async function expectVerdict(file: HostileFile, attempt: Promise<unknown>): Promise<void> {
  const outcome = await within(15_000, file.label, attempt.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e })));
  if (file.expect === 'accept') {
    expect(outcome.ok, outcome.ok ? '' : String((outcome as { e: unknown }).e)).toBe(true);
    return;
  }
  expect(outcome.ok, `${file.label} was accepted`).toBe(false);
  const err = (outcome as { e: unknown }).e;
  expect(isInputImageError(err), String(err)).toBe(true);
  if (!isInputImageError(err)) return;
  expect(file.expect.refuse).toContain(err.code);
  expectClearMessage(err.message);
  if (file.expect.says) expect(err.message).toMatch(file.expect.says);
}

describe('hostile files', { timeout: 60_000 }, () => {
  it('there are at least 30 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it('by path: each is refused with its own clear reason, or accepted when it is a real picture', async () => {
    // The big ones are refused from stat and the header, before decoding: their reasons (too_large,
    // too_many_pixels) say so. How long a refusal takes is measured by `npm run bench`, not here.
    for (const file of files) await expectVerdict(file, prepareImageFile(file.path));
  });

  it('as bytes (browser host, clipboard): the same verdicts without a path to lean on', async () => {
    for (const file of files) {
      if (file.path.startsWith('/dev/') || /folder|does not exist|100 MB image/.test(file.label)) continue;
      const bytes = await readFile(file.path);
      await expectVerdict(file, prepareImageBytes(bytes, { name: 'dropped.png' }));
    }
  });

  it('the accepted path with spaces and unicode keeps its name and its exact bytes', async () => {
    const file = files.find((f) => f.label.includes('spaces and unicode')) as HostileFile;
    const image = await prepareImageFile(file.path);
    expect(image.original.equals(await readFile(file.path))).toBe(true);
    const bad = await prepareImageFile(join(dir, 'files', 'folder.png')).catch((e: Error) => e.message);
    expect(bad).toContain('“folder.png”');
  });

  it('a FIFO named like a picture is refused instead of blocking forever', async () => {
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const attempt = prepareImageFile(fifo).then(() => 'accepted', (e: Error) => e.message);
    try {
      const verdict = await within(3000, 'preflight of a FIFO', attempt);
      expect(verdict).toMatch(/not a file/);
    } finally {
      // If preflight is stuck in open(2), a writer unblocks it so this test process can still exit.
      const writer = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
      await writer?.close();
      await attempt;
    }
  });
});

describe('hostile prompts', { timeout: 30_000 }, () => {
  const long = (n: number) => 'a slow pan over the dunes '.repeat(Math.ceil(n / 26)).slice(0, n);
  const refused: Array<[string, unknown, RegExp]> = [
    ['empty', '', /Write a prompt/],
    ['only whitespace and newlines', ' \n\t \r\n ', /Write a prompt/],
    ['one character over the limit', long(MAX_PROMPT_LENGTH + 1), /under 5000/],
    ['a megabyte of text', long(1_000_000), /under 5000/],
    ['a number instead of text', 42, /string/],
    ['null', null, /string/],
    ['an array of strings', ['a', 'b'], /string/],
    ['an object pretending to be text', { toString: 'x' }, /string/],
  ];
  it.each(refused)('refused: %s', (_label, prompt, message) => {
    const parsed = GenerationParamsSchema.safeParse({ prompt });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
    expectClearMessage(parsed.error?.issues[0]?.message ?? '');
  });

  it('a negative prompt over the limit is refused too', () => {
    const parsed = GenerationParamsSchema.safeParse({ prompt: 'fine', negativePrompt: long(MAX_PROMPT_LENGTH + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['negativePrompt']);
  });

  /** The content_policy scenario echoes the prompt it received in its error detail. */
  const TOKEN = ' [sim:content_policy]';
  /** Legitimate, if unusual: each must reach the server exactly as typed. */
  const accepted: Array<[string, string]> = [
    ['emoji with joiners and skin tones', 'A family 👨‍👩‍👧‍👦 waves 👋🏽 at a fox 🦊 in the snow ❄️'],
    ['Arabic, right to left', 'ثعلب أحمر يجري في الثلج عند الفجر'],
    ['Hebrew mixed with English and numbers', 'שועל אדום running 3 laps בשלג'],
    ['a right-to-left override in the middle', 'harmless \u202eecaf lufdaerd a\u202c scene'],
    ['combining marks (zalgo)', 'Z̴̧̛̖a̶l̷g̸o̵ text over a calm lake'],
    ['fullwidth and CJK', 'Ｆｕｌｌｗｉｄｔｈ 富士山 の 夜明け'],
    ['control characters and an escape sequence', 'bell \u0007 clear \u001b[2J red \u001b[31m end'],
    ['JSON trying to break out of its string', 'a cat", "image_url": "https://evil.example/x.png", "seed": "1'],
    ['lone surrogates (not valid UTF-16)', 'broken \ud800 pair \udc00 here'],
    ['exactly the longest allowed prompt', `${long(MAX_PROMPT_LENGTH - TOKEN.length)}${TOKEN}`],
  ];

  let sim: Simulator;
  let fc: FaultCore;
  beforeAll(async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
    fc = await openFaultCore(sim.baseUrl, { useStream: true });
  });
  afterAll(async () => {
    await fc?.close();
    await sim?.close();
  });

  it.each(accepted)('accepted and carried to the server unchanged: %s', async (_label, prompt) => {
    const sent = prompt.endsWith(TOKEN) ? prompt : `${prompt}${TOKEN}`;
    expect(GenerationParamsSchema.parse({ prompt: sent }).prompt).toBe(sent);
    const run = await runJob(fc, sim, sent);
    expect(run.rec.error?.kind).toBe('content_policy');
    // The error detail is cut at 2000 characters; shorter prompts come back whole.
    if (sent.length < 1800) {
      const echoed = (JSON.parse(run.rec.error?.detail ?? '[]') as Array<{ input?: string }>)[0]?.input;
      expect(echoed).toBe(sent);
    }
    expect(fc.core.library.get(run.rec.id)?.params.prompt).toBe(sent);
  });
});
