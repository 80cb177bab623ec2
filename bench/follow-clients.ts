// The two clients of the "following a job" benchmark, each driving the same batch to a video on
// disk: our job runner (createCore with the shipped follow/retry policies), and fal's official
// client (fal.subscribe with its defaults) plus a plain streaming download.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createFalClient, type FalClient } from '@fal-ai/client';
import { createCore } from '../electron/core';
import { MemoryKeychain } from '../electron/core/secrets/secret-store';

export const ENDPOINT = 'fal-ai/veo3/image-to-video';
/** Both clients send the same public https image, so neither pays for a data URI the other skips. */
export const IMAGE_URL = 'https://storage.googleapis.com/falserverless/example_inputs/veo3-i2v-input.png';
const KEY = 'bench-key-not-secret-0000';

export interface PlannedJob {
  /** The simulator (in a child process) this job goes to. */
  baseUrl: string;
  prompt: string;
}

export interface FollowedJob {
  requestId: string;
  /** Epoch ms (sub-ms precision) when the video file was complete on disk. */
  doneAt: number;
}

/** Comparable with the simulator child's timestamps: same clock, finer than Date.now(). */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/**
 * Our runner, every job in flight at once (as fal.subscribe does), default policies. The key goes
 * only to the one API origin a core is configured for, so each simulator gets its own core — as
 * three users on three providers would — and all of them run together.
 */
export async function followWithRunner(batch: readonly PlannedJob[], dataDir: string): Promise<FollowedJob[]> {
  const bases = [...new Set(batch.map((job) => job.baseUrl))];
  const groups = await Promise.all(
    bases.map((base, i) => followOnOneBase(batch.filter((job) => job.baseUrl === base), join(dataDir, `core-${i}`))),
  );
  return groups.flat();
}

async function followOnOneBase(batch: readonly PlannedJob[], dataDir: string): Promise<FollowedJob[]> {
  const first = batch[0];
  if (!first) return [];
  const core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: first.baseUrl,
    keychain: new MemoryKeychain(),
    concurrency: batch.length,
  });
  const doneAt = new Map<string, number>();
  // 'job:updated' with state completed is emitted after the record saying so is fsynced, which is
  // after the video was fsynced and renamed into place: the moment the video is safely on disk.
  const off = core.runner.events.on('job:updated', (rec) => {
    if (rec.state === 'completed' && !doneAt.has(rec.id)) doneAt.set(rec.id, preciseNow());
  });
  try {
    await core.secrets.set('aggregator', KEY);
    const created = await Promise.all(
      batch.map((job) =>
        core.runner.create({
          params: { prompt: job.prompt, aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true },
          image: { url: IMAGE_URL },
          provider: 'aggregator',
          apiBase: job.baseUrl,
        }),
      ),
    );
    const finals = await Promise.all(created.map((rec) => core.runner.wait(rec.id)));
    return finals.map((rec) => {
      const at = doneAt.get(rec.id);
      if (rec.state !== 'completed' || at === undefined || !rec.requestId) {
        throw new Error(`our runner ended job ${rec.id} ${rec.state}: ${rec.error?.message ?? 'no completion event'}`);
      }
      return { requestId: rec.requestId, doneAt: at };
    });
  } finally {
    off();
    await core.close();
  }
}

/** protocol.md's recipe: keep fal's path, re-base it onto the simulator, send our Bearer key. */
function falClientFor(baseUrl: string): FalClient {
  return createFalClient({
    credentials: 'unused',
    requestMiddleware: async (request) => {
      const original = new URL(request.url);
      return {
        ...request,
        url: new URL(`${original.pathname}${original.search}`, baseUrl).toString(),
        headers: { ...request.headers, Authorization: `Bearer ${KEY}` },
      };
    },
  });
}

/** fal.subscribe with its defaults (500 ms polling), then the video streamed to disk. */
export async function followWithFalJs(batch: readonly PlannedJob[], downloadDir: string): Promise<FollowedJob[]> {
  await mkdir(downloadDir, { recursive: true });
  const clients = new Map<string, FalClient>();
  const clientFor = (baseUrl: string): FalClient => {
    let client = clients.get(baseUrl);
    if (!client) clients.set(baseUrl, (client = falClientFor(baseUrl)));
    return client;
  };
  return Promise.all(
    batch.map(async (job, i) => {
      const result = await clientFor(job.baseUrl).subscribe(ENDPOINT, {
        input: { prompt: job.prompt, image_url: IMAGE_URL, aspect_ratio: '16:9', duration: '8s', resolution: '720p', generate_audio: true },
        logs: true,
      });
      const response = await fetch(result.data.video.url);
      if (!response.ok || !response.body) throw new Error(`fal-js video download answered HTTP ${response.status}`);
      const file = createWriteStream(join(downloadDir, `video-${i}.mp4`));
      await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), file);
      if (!file.closed) await once(file, 'close');
      return { requestId: result.requestId, doneAt: preciseNow() };
    }),
  );
}
