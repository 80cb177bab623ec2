// `generate --model`: the job is posted to that endpoint, and --json reports the model and that
// model's price; an unknown model or an option the model refuses exits 2 before anything is sent.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../shared/models';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO, runCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
const env = { VEO_STUDIO_KEYCHAIN_SERVICE: `Veo Studio CLI models ${randomBytes(4).toString('hex')}` };

let sim: Simulator;
let dataDir: string;
const paid = () => ['--data-dir', dataDir, '--provider', 'aggregator', '--api-base', sim.baseUrl];

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-models-'));
  expect((await runCli([...paid(), 'key', 'set', '--no-check'], { input: 'sk-cli-models-0123456789', env })).code).toBe(0);
});
afterAll(async () => {
  await runCli([...paid(), 'key', 'clear'], { env });
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('generate --model', () => {
  it('posts to that endpoint and reports the model and its price', async () => {
    const run = await runCli([...paid(), 'generate', '--model', 'fal-ai/veo3/fast/image-to-video', '--image', IMAGE, '--prompt', 'A fox in snow', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { model: string; estimatedCostUsd: number; status: string };
    expect(job).toMatchObject({ model: 'fal-ai/veo3/fast/image-to-video', status: 'completed', estimatedCostUsd: 1.2 });
    expect(sim.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/fal-ai/veo3/fast/image-to-video']);
  });

  it('exits 2 on an unknown model or a refused option, listing what is accepted, with nothing sent', async () => {
    const before = sim.submitCount();
    const unknown = await runCli([...paid(), 'generate', '--model', 'fal-ai/veo4/image-to-video', '--image', IMAGE, '--prompt', 'x'], { env });
    expect(unknown.code).toBe(2);
    for (const id of MODEL_IDS) expect(unknown.stderr).toContain(id);
    const seeded = await runCli([...paid(), 'generate', '--model', 'fal-ai/veo3/fast/image-to-video', '--seed', '4', '--image', IMAGE, '--prompt', 'x'], { env });
    expect(seeded.code).toBe(2);
    expect(seeded.stderr).toMatch(/--seed: Veo 3 Fast takes no seed \(Veo 3\.1, Veo 3\.1 Fast, Veo 3\.1 First–Last Frame do\)/);
    const fourK = await runCli([...paid(), 'generate', '--resolution', '4k', '--image', IMAGE, '--prompt', 'x'], { env });
    expect(fourK.code).toBe(2);
    expect(fourK.stderr).toMatch(/--resolution: Veo 3 does not offer resolution 4k; it accepts 720p, 1080p/);
    expect(sim.submitCount()).toBe(before);
  });

  it('--last-frame: sends both pictures to the first–last-frame model, and exits 2 where it is missing or not taken', async () => {
    const flf = 'fal-ai/veo3.1/first-last-frame-to-video';
    const before = sim.submitCount();
    const missing = await runCli([...paid(), 'generate', '--model', flf, '--image', IMAGE, '--prompt', 'x'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--last-frame: .*needs a last frame/);
    const stray = await runCli([...paid(), 'generate', '--image', IMAGE, '--last-frame', IMAGE, '--prompt', 'x'], { env });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--last-frame: Veo 3 takes one picture, not a last frame/);
    expect(sim.submitCount()).toBe(before);

    const run = await runCli([...paid(), 'generate', '--model', flf, '--image', IMAGE, '--last-frame', IMAGE, '--prompt', 'Dawn to dusk', '--no-audio', '--duration', '4s', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { model: string; estimatedCostUsd: number; status: string };
    expect(job).toMatchObject({ model: flf, status: 'completed', estimatedCostUsd: 0.8 });
    expect(sim.requests.filter((r) => r.method === 'POST').at(-1)?.path).toBe(`/${flf}`);
    const sent = sim.jobs().at(-1);
    expect(Object.keys(sent?.pictures ?? {}).sort()).toEqual(['first_frame_url', 'last_frame_url']);
  });

  it('models --json lists the registry with prices', async () => {
    const run = await runCli(['--data-dir', dataDir, 'models', '--json']);
    expect(run.code).toBe(0);
    const models = JSON.parse(run.stdout) as { id: string; default: boolean; pricePerSecondUsd: Record<string, { withAudio: number }> }[];
    expect(models.map((m) => m.id)).toEqual([...MODEL_IDS]);
    expect(models.find((m) => m.default)?.id).toBe('fal-ai/veo3/image-to-video');
    expect(models[2]?.pricePerSecondUsd['4k']?.withAudio).toBe(0.6);
  });
});
