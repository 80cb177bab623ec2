// Turns a provider's stored key into its Authorization header (the scheme per provider lives in
// shared/providers.ts). The key is read lazily per request; nothing here keeps or prints it.
import type { Provider } from '../../../shared/domain';
import { authorizationValue, PROVIDER_INFO } from '../../../shared/providers';
import { ApiError } from './errors';
import { say } from '../../../shared/i18n/messages';

export { authorizationValue };

/** Providers that need no key (needsKey false) accept any credential; this stands in for one. */
export const KEYLESS_PLACEHOLDER_KEY = 'simulator';

/**
 * Reads the key and returns the Authorization header value for this provider. A missing key is a
 * user-fixable problem, so it becomes an `auth` ApiError that says where to set one.
 */
export async function resolveAuthorization(provider: Provider, getKey: () => Promise<string | null>): Promise<string> {
  const raw = await getKey();
  const key = raw?.trim() ?? '';
  if (key !== '') return authorizationValue(provider, key);
  const info = PROVIDER_INFO[provider];
  if (!info.needsKey) return authorizationValue(provider, KEYLESS_PLACEHOLDER_KEY);
  throw new ApiError({
    kind: 'auth',
    ...say('api.key.missing', { provider: info.label }),
  });
}
