// key:check, account:balance and the proxy setting through the real router, as a renderer calls them.
import { describe, expect, it } from 'vitest';
import { useHarnesses } from './harness';

const start = useHarnesses();

describe('account channels', () => {
  it('account:balance reports the in-process simulator’s account; key:check refuses the simulator', async () => {
    const h = await start();
    expect(await h.call('account:balance')).toMatchObject({ provider: 'simulator', balanceUsd: 100, source: 'aggregator_billing' });
    expect(await h.fail('key:check', { key: 'sk-anything-1234' })).toMatchObject({ kind: 'invalid_input' });
  });

  it('key:check never sends a malformed key anywhere', async () => {
    const h = await start();
    const before = h.core.simulator()?.requests.length ?? 0;
    expect(await h.fail('key:check', { provider: 'aggregator', key: 'has spaces inside' })).toMatchObject({ kind: 'invalid_input' });
    expect(h.core.simulator()?.requests.length ?? 0).toBe(before);
  });

  it('the desktop face saves the proxy setting (null = automatic); the browser host refuses to change it', async () => {
    const h = await start();
    expect((await h.call('settings:update', { proxy: 'http://proxy.corp:3128' })).proxy).toBe('http://proxy.corp:3128');
    expect((await h.call('settings:update', { proxy: null })).proxy).toBeUndefined();
    await h.close();
    const host = await start({ service: { face: 'host' } });
    expect(await host.fail('settings:update', { proxy: 'http://attacker.example:8080' })).toMatchObject({ kind: 'unsupported' });
    expect(host.core.settings().proxy).toBeUndefined();
  });
});
