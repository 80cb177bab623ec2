// `generate --image <path>` speaks the shell's language: the full path it tried and "check the path",
// not the app picker's "pick it again" with the folder dropped.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImage } from '../../../electron/cli/commands/generate';
import { UsageError } from '../../../electron/cli/errors';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-image-arg-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('--image with a path that is not there', () => {
  it('names the full path and says to check it', async () => {
    const missing = join(dir, 'shots', 'nope.jpg');
    const err = await loadImage(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const message = (err as Error).message;
    expect(message).toContain(missing);
    expect(message).toMatch(/check the path/i);
    expect(message).not.toMatch(/pick it again/);
  });

  it('says a folder is a folder, by its full path', async () => {
    const err = await loadImage(dir).catch((e: unknown) => e);
    expect((err as Error).message).toContain(dir);
    expect((err as Error).message).not.toMatch(/\bpick\b/i);
  });
});
