// `balance [--json]` and the key check behind `key set`. Like the key commands these need only the
// settings and the keychain (not the library), so they work while the app is open. Requests honour
// the same proxy choice as the core (settings.proxy, then HTTPS_PROXY/HTTP_PROXY/NO_PROXY).
import type { BalanceInfo, KeyCheckResult } from '../../../shared/account';
import { DEFAULT_BASE_URL, type Provider } from '../../../shared/domain';
import { formatUsd } from '../../../shared/pricing';
import { needsKey } from '../../../shared/providers';
import type { Settings } from '../../../shared/settings';
import { fetchBalance } from '../../core/api/balance';
import { checkKey } from '../../core/api/key-check';
import { createProxyResolver } from '../../core/api/proxy-config';
import { createProxyFetch } from '../../core/api/proxy-tunnel';
import type { SecretStore } from '../../core/secrets/secret-store';
import { EXIT } from '../errors';
import type { CliIo } from '../io';

export interface AccountContext {
  provider: Provider;
  settings: Settings;
  /** --api-base, when given. */
  apiBase?: string;
  secrets: SecretStore;
  /** Tests replace the network. */
  fetch?: typeof fetch;
}

/** The base URL this provider's key is used with: --api-base, then settings, then the default. */
export function baseUrlOf(ctx: AccountContext): string | undefined {
  const base = ctx.apiBase ?? ctx.settings.apiBase[ctx.provider];
  if (ctx.provider === 'simulator' && base === undefined) return undefined; // the in-process one lives only during a run
  return base ?? DEFAULT_BASE_URL[ctx.provider];
}

function networkOf(ctx: AccountContext): typeof fetch {
  if (ctx.fetch) return ctx.fetch;
  const resolver = createProxyResolver({ setting: () => ctx.settings.proxy, env: process.env });
  return createProxyFetch(resolver, (input, init) => globalThis.fetch(input, init));
}

export async function runBalance(ctx: AccountContext, json: boolean, io: CliIo): Promise<number> {
  const baseUrl = baseUrlOf(ctx);
  const info: BalanceInfo =
    baseUrl === undefined
      ? { provider: ctx.provider, balanceUsd: null, source: 'none', reason: 'The built-in simulator starts afresh in every run; point --api-base at "npm run sim".', checkedAt: new Date().toISOString() }
      : await fetchBalance({ provider: ctx.provider, baseUrl, getKey: () => (needsKey(ctx.provider) ? ctx.secrets.get(ctx.provider) : Promise.resolve(null)), fetch: networkOf(ctx) });
  if (json) {
    io.out(JSON.stringify({ ...info, apiBase: baseUrl ?? null }));
    return EXIT.ok;
  }
  // An overdrawn account has $0 left (as the app's chip says), never a negative amount.
  const overdrawn = info.balanceUsd !== null && info.balanceUsd < 0 ? ` — overdrawn by ${formatUsd(-info.balanceUsd)}` : '';
  if (info.balanceUsd !== null) io.out(`${ctx.provider}: ${formatUsd(Math.max(0, info.balanceUsd))} left${overdrawn} (${baseUrl})`);
  else if (info.unlimited) io.out(`${ctx.provider}: no spending limit on this key (${baseUrl})`);
  else io.out(`${ctx.provider}: ${info.reason ?? 'the provider does not report a balance.'}`);
  return EXIT.ok;
}

/** Checks a key before `key set` saves it; the caller decides what a verdict means for saving. */
export function checkKeyFor(ctx: AccountContext, key: string): Promise<KeyCheckResult> {
  const baseUrl = baseUrlOf(ctx) ?? DEFAULT_BASE_URL[ctx.provider];
  return checkKey({ provider: ctx.provider, baseUrl, key, fetch: networkOf(ctx) });
}
