import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createStores } from '../../renderer/stores';
import { createFakeApi, fail, ok } from './fake-api';

const SECRET = 'fal-sk-live-0123456789abcdefWXYZ';

function setup(initial: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const keys: Record<string, { isSet: boolean; last4?: string }> = {};
  const fake = createFakeApi({
    'app:info': () =>
      ok({ version: '0', face: 'host', platform: 'linux', dataDir: '/d', mediaBase: '/media', provider: settings.provider, apiBase: 'x', nativeFiles: false }),
    'settings:get': () => ok(settings),
    'settings:update': (patch) => ok((settings = { ...settings, ...patch } as Settings)),
    'key:status': ({ provider }) => ok(keys[provider!] ?? { isSet: false }),
    'key:set': ({ provider, key }) => ok((keys[provider!] = { isSet: true, last4: key.slice(-4) })),
    'key:clear': ({ provider }) => ok((keys[provider!] = { isSet: false })),
    'key:check': () => ok({ verdict: 'works' as const, origin: 'https://queue.fal.run', message: 'The key works.' }),
  });
  const stores = createStores(fake.api);
  return { fake, stores, settings: stores.settings };
}

describe('settings store', () => {
  it('hands the key to the keychain and keeps only its status', async () => {
    const { fake, settings } = setup({ provider: 'fal' });
    await settings.getState().load();
    expect(await settings.getState().saveKey('fal', `  ${SECRET}\n`)).toBe(true);

    expect(fake.callsTo('key:set')).toEqual([{ provider: 'fal', key: SECRET }]);
    expect(settings.getState().keys.fal).toEqual({ isSet: true, last4: 'WXYZ' });
    // Nothing the store holds, however deep, contains the key.
    expect(JSON.stringify(settings.getState())).not.toContain(SECRET);
  });

  it('removes the key and shows it as not set', async () => {
    const { settings } = setup({ provider: 'aggregator' });
    await settings.getState().saveKey('aggregator', SECRET);
    expect(await settings.getState().removeKey('aggregator')).toBe(true);
    expect(settings.getState().keys.aggregator).toEqual({ isSet: false });
  });

  it('removing the current provider’s key hides its balance at once (red-team M3c)', async () => {
    const { fake, stores, settings } = setup({ provider: 'aggregator' });
    fake.handle('account:balance', () => ok({ provider: 'aggregator', balanceUsd: 38, source: 'aggregator_billing', checkedAt: '2026-01-01T00:00:00Z' }));
    await stores.app.getState().loadInfo();
    await stores.balance.getState().refresh();
    expect(stores.balance.getState().info?.balanceUsd).toBe(38);
    await settings.getState().removeKey('aggregator');
    expect(stores.balance.getState().info).toBeUndefined();
  });

  it('does not call the keychain for a blank key', async () => {
    const { fake, settings } = setup();
    expect(await settings.getState().saveKey('fal', '   ')).toBe(false);
    expect(fake.callsTo('key:set')).toEqual([]);
  });

  it('reports a keychain failure in words', async () => {
    const { fake, stores, settings } = setup();
    fake.handle('key:set', () => fail('failed', 'The system keychain is locked.'));
    expect(await settings.getState().saveKey('fal', SECRET)).toBe(false);
    expect(stores.toasts.getState().toasts.at(-1)).toMatchObject({ title: 'Could not save the key', message: 'The system keychain is locked.' });
    expect(JSON.stringify(stores.toasts.getState())).not.toContain(SECRET);
  });

  it('switching provider re-reads app:info and that provider’s key status', async () => {
    const { fake, stores, settings } = setup({ provider: 'aggregator' });
    await stores.app.getState().loadInfo();
    await settings.getState().load();
    expect(await settings.getState().update({ provider: 'simulator' })).toBe(true);
    expect(stores.app.getState().info?.provider).toBe('simulator');
    expect(fake.callsTo('app:info')).toHaveLength(2);
    expect(settings.getState().settings?.provider).toBe('simulator');
  });

  it('keeps the previous settings when an update is refused', async () => {
    const { fake, stores, settings } = setup({ concurrency: 2 });
    await settings.getState().load();
    fake.handle('settings:update', () => fail('invalid_input', 'Concurrency must be between 1 and 8.'));
    expect(await settings.getState().update({ concurrency: 9 })).toBe(false);
    expect(settings.getState().settings?.concurrency).toBe(2);
    expect(stores.toasts.getState().toasts.at(-1)?.message).toBe('Concurrency must be between 1 and 8.');
  });
});

describe('settings store: keychain trouble', () => {
  it('treats an unreadable key status as missing and keeps the reason to show', async () => {
    const { fake, settings } = setup({ provider: 'aggregator' });
    fake.handle('key:status', () => fail('failed', 'No keyring service is running.'));
    await settings.getState().load();
    expect(settings.getState().keys.aggregator).toEqual({ isSet: false });
    expect(settings.getState().keyErrors.aggregator).toBe('No keyring service is running.');

    fake.handle('key:status', () => ok({ isSet: true, last4: 'abcd' }));
    await settings.getState().refreshKey('aggregator');
    expect(settings.getState().keyErrors.aggregator).toBeUndefined();
  });

  it('checks the key with the provider before saving: rejected → not saved, unchecked → saved anyway', async () => {
    const { fake, settings } = setup({ provider: 'aggregator' });
    fake.handle('key:check', () => ok({ verdict: 'rejected' as const, origin: 'https://api.chainhub.tech', httpStatus: 401, message: 'rejected this key (HTTP 401).' }));
    expect(await settings.getState().saveKey('aggregator', SECRET)).toBe(false);
    expect(fake.callsTo('key:set')).toEqual([]);
    expect(settings.getState().keyChecks.aggregator?.verdict).toBe('rejected');
    // "Save anyway" skips the check.
    expect(await settings.getState().saveKey('aggregator', SECRET, { force: true })).toBe(true);
    expect(fake.callsTo('key:set')).toHaveLength(1);
    fake.handle('key:check', () => ok({ verdict: 'unchecked' as const, origin: 'https://api.chainhub.tech', message: "Couldn't check the key (offline)." }));
    expect(await settings.getState().saveKey('aggregator', SECRET)).toBe(true);
    expect(fake.callsTo('key:set')).toHaveLength(2);
    expect(settings.getState().keyChecks.aggregator?.verdict).toBe('unchecked');
    expect(JSON.stringify(settings.getState())).not.toContain(SECRET);
  });
});
