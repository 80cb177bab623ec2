// Issue 12 item 4: a job whose server cannot be reached says so on the card at the first failed try
// ("can't reach <host>"), and once the client's own retries are spent the record itself says the
// follower is still trying — instead of a card that ticks silently for minutes.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/domain';
import { createQueueClient } from '../../../electron/core/api/client';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { LibraryStore } from '../../../electron/core/library/store';
import { FAST_RETRY, urlsFor } from '../api/fake-server';
import { DEFAULT_MODEL } from '../../../shared/models';

let dir: string;
let library: LibraryStore;
let runner: JobRunner | undefined;

/** A loopback port nothing listens on: every connection is refused at once. */
async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-unreachable-'));
  library = await LibraryStore.open(dir);
});
afterEach(async () => {
  await runner?.shutdown();
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a job whose server cannot be reached', () => {
  it('names the host on the card at once, then keeps a line on the record while it keeps trying', async () => {
    const origin = await deadOrigin();
    const host = new URL(origin).host;
    const client = createQueueClient({ provider: 'simulator', baseUrl: origin, getKey: async () => null, retry: FAST_RETRY });
    runner = new JobRunner({
      library,
      clientFor: () => client,
      follow: { useStream: false, queuedPollMs: 1, runningPollMs: 1, maxPollMs: 5, unreachableGiveUpMs: 60_000 },
    });
    const notes: string[] = [];
    runner.events.on('job:progress', (p: JobProgress) => p.retryNote && notes.push(p.retryNote));
    const now = new Date().toISOString();
    const rec = await library.put({
      id: 'job-1',
      state: 'queued',
      params: { model: DEFAULT_MODEL, prompt: 'a fox', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true },
      input: { kind: 'url', url: 'https://example.com/fox.png' },
      provider: 'simulator',
      apiBase: origin,
      requestId: 'req-123',
      urls: urlsFor(origin),
      logs: [],
      favourite: false,
      cancelRequested: false,
      createdAt: now,
      updatedAt: now,
    });
    void runner.run(rec.id);

    await expect.poll(() => notes[0]).toMatch(new RegExp(`^Can’t reach ${host.replace('.', '\\.')} — retrying at .* \\(attempt 2 of ${FAST_RETRY.maxAttempts}\\)$`));
    await expect.poll(() => library.get(rec.id)?.logs.map((l) => l.message).join('\n')).toMatch(new RegExp(`Can’t reach ${host.replace('.', '\\.')} since .* still trying`));
    // One line per spell, not one per round.
    await expect.poll(() => notes.filter((n) => n.includes('still trying')).length).toBeGreaterThan(1);
    expect(library.get(rec.id)?.logs.filter((l) => l.message.includes('still trying'))).toHaveLength(1);
    expect(library.get(rec.id)?.state).toBe('queued');
    expect(notes.every((n) => !/attempt (\d+) of (\d+)/.test(n) || Number(/attempt (\d+)/.exec(n)?.[1]) <= FAST_RETRY.maxAttempts)).toBe(true);
  });
});
