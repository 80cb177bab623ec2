// app:info, key:*, settings:* and the native video actions through the router.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { PARAMS, REPO, SAMPLE_INPUT, startHarness, type Harness } from './harness';

const KEY = 'sk-live-0123456789-SECRETKEY-wxyz';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('app:info', () => {
  it('describes this face and the real simulator address', async () => {
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const info = await h.call('app:info');
    expect(info).toEqual({
      version: pkg.version,
      face: 'electron',
      platform: process.platform,
      dataDir: h.dataDir,
      mediaBase: '/media',
      provider: 'simulator',
      apiBase: h.core.simulator()?.baseUrl,
      // The harness starts the core with a provider, as `--provider` does: Settings cannot move it.
      providerFixed: true,
      nativeFiles: false,
    });
    expect(info.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });
});

describe('key:*', () => {
  it('stores a key for a provider and only ever answers isSet + last 4', async () => {
    expect(await h.call('key:status', { provider: 'fal' })).toEqual({ isSet: false });
    expect(await h.call('key:set', { provider: 'fal', key: `  ${KEY}  ` })).toEqual({ isSet: true, last4: 'wxyz' });
    expect(await h.call('key:status', { provider: 'fal' })).toEqual({ isSet: true, last4: 'wxyz' });
    expect(await h.call('key:status', { provider: 'aggregator' })).toEqual({ isSet: false });
    expect(await h.core.secrets.get('fal')).toBe(KEY);
    expect(await h.call('key:clear', { provider: 'fal' })).toEqual({ isSet: false });
    expect(h.keychain.size).toBe(0);
  });

  it('the simulator (the current provider here) needs no key', async () => {
    expect(await h.call('key:status', {})).toEqual({ isSet: false });
    expect(await h.call('key:clear', {})).toEqual({ isSet: false });
    const err = await h.fail('key:set', { key: KEY });
    expect(err.kind).toBe('invalid_input');
    expect(h.keychain.size).toBe(0);
  });

  it('rejects a malformed key without quoting it', async () => {
    const bad = 'sk-has spaces-SECRET';
    const err = await h.fail('key:set', { provider: 'aggregator', key: bad });
    expect(err.kind).toBe('invalid_input');
    expect(err.message).not.toContain('SECRET');
    expect(await h.call('key:status', { provider: 'aggregator' })).toEqual({ isSet: false });
  });

  it('the key appears in no reply and no event, even while jobs run', async () => {
    await h.call('key:set', { provider: 'fal', key: KEY });
    const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    const created = await h.call('jobs:create', { params: PARAMS, imageToken: token });
    await h.waitForState(created.id, 'completed');
    await h.call('app:info');
    await h.call('settings:get');
    await h.call('library:list', {});
    const everything = JSON.stringify([h.replies, h.events]);
    expect(everything).toContain('wxyz'); // the last 4 are allowed…
    expect(everything).not.toContain(KEY); // …the key is not
    expect(everything).not.toContain(KEY.slice(0, 12));
  });
});

describe('settings:*', () => {
  it('reads and updates preferences', async () => {
    expect(await h.call('settings:get')).toMatchObject({ concurrency: 2, theme: 'system' });
    expect(await h.call('settings:update', { concurrency: 3 })).toMatchObject({ concurrency: 3 });
    expect(await h.call('settings:get')).toMatchObject({ concurrency: 3 });
    expect((await h.fail('settings:update', { concurrency: 0 })).kind).toBe('invalid_input');
  });

  // zod 4 fills defaults inside .partial(): the patch schema (shared/settings.ts) must not be
  // SettingsSchema.partial(), or saving one field would reset the others.
  it('an update changes only the fields it names', async () => {
    await h.call('settings:update', { concurrency: 4 });
    const after = await h.call('settings:update', { theme: 'dark' });
    expect(after).toMatchObject({ theme: 'dark', concurrency: 4 });
  });
});

describe('video:saveAs / video:showInFolder', () => {
  async function completedJob(): Promise<JobRecord> {
    const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    const created = await h.call('jobs:create', { params: { ...PARAMS, prompt: 'A Fox, in the Snow!' }, imageToken: token });
    return h.waitForState(created.id, 'completed');
  }

  it('without native hooks both say "Available in the desktop app."', async () => {
    const job = await completedJob();
    expect(await h.fail('video:saveAs', { id: job.id })).toEqual({ kind: 'unsupported', message: 'Available in the desktop app.', code: 'app.desktopOnly' });
    expect(await h.fail('video:showInFolder', { id: job.id })).toEqual({ kind: 'unsupported', message: 'Available in the desktop app.', code: 'app.desktopOnly' });
  });

  it('with native hooks they get the absolute video path and a readable name', async () => {
    const saved: Array<[string, string]> = [];
    const shown: string[] = [];
    let answer: string | null = '/home/me/Videos/fox.mp4';
    const native = await startHarness({
      platform: {
        saveVideoAs: async (abs, name) => {
          saved.push([abs, name]);
          return answer;
        },
        showInFolder: (abs) => shown.push(abs),
      },
    });
    try {
      expect((await native.call('app:info')).nativeFiles).toBe(true);
      const { token } = await native.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
      const created = await native.call('jobs:create', { params: { ...PARAMS, prompt: 'A Fox, in the Snow!' }, imageToken: token });
      expect((await native.fail('video:saveAs', { id: created.id })).kind).toBe('failed'); // no video yet
      const job = await native.waitForState(created.id, 'completed');
      const abs = native.core.library.resolve(job.videoPath!);

      expect(await native.call('video:saveAs', { id: job.id })).toEqual({ path: '/home/me/Videos/fox.mp4' });
      expect(saved[0]?.[0]).toBe(abs);
      expect(saved[0]?.[1]).toMatch(/^veo-a-fox-in-the-snow-\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{8}\.mp4$/);
      answer = null;
      expect(await native.call('video:saveAs', { id: job.id })).toBeNull();
      await native.call('video:showInFolder', { id: job.id });
      expect(shown).toEqual([abs]);
      expect((await native.fail('video:showInFolder', { id: 'no-such-job' })).kind).toBe('not_found');
    } finally {
      await native.close();
    }
  });
});

describe('subscribe', () => {
  it('stops forwarding after unsubscribe', async () => {
    const seen: string[] = [];
    const off = h.service.subscribe((channel) => seen.push(channel));
    const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    const created = await h.call('jobs:create', { params: PARAMS, imageToken: token });
    expect(seen).toContain('job:updated');
    expect(seen).toContain('library:changed');
    off();
    const count = seen.length;
    await h.waitForState(created.id, 'completed');
    expect(seen).toHaveLength(count);
  });
});
