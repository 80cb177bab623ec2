// The provider table is the one source: the core's header and default origin come from it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, PROVIDERS } from '../../../shared/domain';
import { authorizationValue, needsKey, PROVIDER_INFO, type ProviderInfo } from '../../../shared/providers';
import { resolveAuthorization } from '../../../electron/core/api/providers';
import { FAL_BILLING_URL, fetchBalance } from '../../../electron/core/api/balance';
import { isBilledProvider } from '../../../shared/pricing';

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

  it('only free providers go without a key; "free" is the table\'s cost, the one the spend guard reads', () => {
    for (const p of PROVIDERS) {
      if (!needsKey(p)) expect(PROVIDER_INFO[p].cost).toBe('free');
      expect(isBilledProvider(p)).toBe(PROVIDER_INFO[p].cost === 'paid');
    }
  });

  it.each(PROVIDERS.map((p) => [p]))('%s: the balance is asked only where the row\'s balance kind says', async (provider) => {
    const asked: string[] = [];
    const f: typeof fetch = async (input) => {
      asked.push(String(input));
      return new Response('{}', { status: 404 });
    };
    const base = PROVIDER_INFO[provider].local ? 'http://127.0.0.1:9' : PROVIDER_INFO[provider].defaultBaseUrl;
    await fetchBalance({ provider, baseUrl: base, getKey: async () => 'k-123', fetch: f });
    const expected = {
      aggregator_billing: [`${new URL(base).origin}/v1/dashboard/billing/subscription`, `${new URL(base).origin}/v1/dashboard/billing/usage`],
      fal_billing: [FAL_BILLING_URL],
      none: [],
    }[PROVIDER_INFO[provider].balance];
    expect(asked.sort()).toEqual([...expected].sort());
  });
});
