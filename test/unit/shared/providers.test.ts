// The provider table is the one source: the core's header and default origin come from it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, PROVIDERS } from '../../../shared/domain';
import { authorizationValue, needsKey, PROVIDER_INFO, type ProviderInfo } from '../../../shared/providers';
import { resolveAuthorization } from '../../../electron/core/api/providers';

describe('provider table', () => {
  it.each(PROVIDERS.map((p) => [p]))('%s: header, default origin and key rule come from the table', async (provider) => {
    const info: ProviderInfo = PROVIDER_INFO[provider];
    expect(authorizationValue(provider, 'k-123')).toBe(`${info.authScheme} k-123`);
    expect(DEFAULT_BASE_URL[provider]).toBe(info.defaultBaseUrl);
    const noKey = resolveAuthorization(provider, async () => null);
    if (needsKey(provider)) {
      await expect(noKey).rejects.toThrow(new RegExp(`No API key is set for ${info.label}`));
      expect(info.keyHelp?.text).toBeTruthy();
    } else {
      await expect(noKey).resolves.toMatch(new RegExp(`^${info.authScheme} `));
    }
  });

  it('only free providers go without a key', () => {
    for (const p of PROVIDERS) if (!needsKey(p)) expect(PROVIDER_INFO[p].cost).toBe('free');
  });
});
