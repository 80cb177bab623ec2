// The CLI spends through the core's spend guard like the app: above the user's "confirm above $X"
// limit, `generate` sends nothing and says how to confirm (exit 2); with --confirm-spend it goes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO, runCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
const env = { VEO_STUDIO_KEYCHAIN_SERVICE: `Veo Studio CLI spend ${randomBytes(4).toString('hex')}` };

let sim: Simulator;
let dataDir: string;
const paid = () => ['--data-dir', dataDir, '--provider', 'aggregator', '--api-base', sim.baseUrl];

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-spend-'));
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ confirmAboveUsd: 1 }));
  expect((await runCli([...paid(), 'key', 'set'], { input: 'sk-cli-spend-0123456789', env })).code).toBe(0);
});
afterAll(async () => {
  await runCli([...paid(), 'key', 'clear'], { env });
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('generate above the limit', () => {
  it('sends nothing without --confirm-spend, and goes with it', async () => {
    const args = [...paid(), 'generate', '--image', IMAGE, '--prompt', 'A fox in snow', '--json'];
    const refused = await runCli(args, { env });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/above your limit of \$1\.00\. Nothing was sent\. Run again with --confirm-spend 3\.20/);
    expect(sim.submitCount()).toBe(0);

    const tooLittle = await runCli([...args, '--confirm-spend', '2'], { env });
    expect(tooLittle.code).toBe(2);
    expect(sim.submitCount()).toBe(0);

    const confirmed = await runCli([...args, '--confirm-spend', '3.20'], { env });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(sim.submitCount()).toBe(1);
  });
});
