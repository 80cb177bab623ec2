// How each provider wants to be authenticated (protocol.md, "Providers"). The key is read lazily per
// request and turned straight into a header value; nothing here keeps or prints it.
import { DEFAULT_BASE_URL, type Provider } from '../../../shared/domain';
import { ApiError } from './errors';

/** The simulator accepts any credential; this stands in when no key is stored. */
export const SIMULATOR_PLACEHOLDER_KEY = 'simulator';

export function defaultBaseUrl(provider: Provider): string {
  return DEFAULT_BASE_URL[provider];
}

/** fal direct speaks `Key`, the aggregator (and therefore the simulator, which mimics it) `Bearer`. */
export function authorizationValue(provider: Provider, key: string): string {
  return provider === 'fal' ? `Key ${key}` : `Bearer ${key}`;
}

/**
 * Reads the key and returns the Authorization header value for this provider. A missing key is a
 * user-fixable problem, so it becomes an `auth` ApiError that says where to set one.
 */
export async function resolveAuthorization(provider: Provider, getKey: () => Promise<string | null>): Promise<string> {
  const raw = await getKey();
  const key = raw?.trim() ?? '';
  if (key !== '') return authorizationValue(provider, key);
  if (provider === 'simulator') return authorizationValue(provider, SIMULATOR_PLACEHOLDER_KEY);
  const who = provider === 'fal' ? 'fal' : 'the API provider';
  throw new ApiError({
    kind: 'auth',
    message: `No API key is set for ${who}. Add one in Settings (from a terminal: \`npm run cli -- key set\`).`,
  });
}
