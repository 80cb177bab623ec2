// Red-team F6: a host started with an API base override let the page switch provider
// (settings:update {"provider":"aggregator"}), and the next job sent that provider's key to the
// overridden base. The page may not change the provider while the terminal pinned a base.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { MemoryKeychain } from '../../../electron/core/secrets/memory-keychain';
import { useHarnesses } from './harness';

const start = useHarnesses();

describe('the provider on a host started with --api-base', () => {
  it('cannot be changed from the page; re-sending it unchanged and other settings still save', async () => {
    const h = await start({ core: { provider: 'simulator', apiBase: 'http://127.0.0.1:8787' }, service: { face: 'host', apiBaseFromLaunch: true } });
    const stored = h.core.settings().provider;
    const other = stored === 'aggregator' ? 'fal' : 'aggregator';
    const refusal = await h.fail('settings:update', { provider: other });
    expect(refusal.kind).toBe('unsupported');
    expect(refusal.message).toMatch(/--provider/);
    expect(h.core.settings().provider).toBe(stored);
    expect(await h.call('settings:update', { provider: stored, concurrency: 3 })).toMatchObject({ concurrency: 3 });
  });

  it('can be changed from the page of a host without an API base override', async () => {
    const h = await start({ service: { face: 'host' } });
    expect(await h.call('settings:update', { provider: 'fal' })).toMatchObject({ provider: 'fal' });
  });

  it('the core itself refuses an API base that names no provider', async () => {
    await expect(createCore({ dataDir: join(tmpdir(), 'veo-never-created'), apiBase: 'http://127.0.0.1:8787', keychain: new MemoryKeychain() })).rejects.toThrow(/provider/);
  });
});
