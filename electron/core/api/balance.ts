// The balance behind a key, asked without spending anything. Aggregators of the one-api / new-api
// lineage answer the OpenAI-compatible billing pair (docs/protocol.md, "The aggregator's own answers"):
//   GET /v1/dashboard/billing/subscription → { hard_limit_usd }   (top-ups: remaining + used)
//   GET /v1/dashboard/billing/usage        → { total_usage }      (used, in CENTS)
// balance = hard_limit_usd − total_usage / 100. fal direct has its platform API
//   GET https://api.fal.ai/v1/account/billing?expand=credits → { credits: { current_balance, currency } }
// which only admin keys may read. Anything else (404, 401, 200 with {"error":…}, another shape,
// offline) is "the provider does not say": balanceUsd null, never an error.
import { z } from 'zod';
import type { BalanceInfo } from '../../../shared/account';
import { assertNever } from '../../../shared/assert-never';
import { DEFAULT_BASE_URL, type Provider } from '../../../shared/domain';
import { balanceKindOf, PROVIDER_INFO } from '../../../shared/providers';
import { parseApiBase } from './rebase';
import { readBodyText, send, type TransportConfig } from './transport';
import { parseJson } from './wire';
import { say } from '../../../shared/i18n/messages';

export interface BalanceRequest {
  provider: Provider;
  /** The effective base URL (the in-process simulator already resolved to its port). */
  baseUrl: string;
  /** Where the key may go (the core's rule, read per request); default: the base URL's origin. */
  keyOrigins?: () => readonly string[];
  getKey: () => Promise<string | null>;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** one-api reports this (or more) for a key with unlimited quota (controller/billing.go). */
const UNLIMITED_USD = 100_000_000;
/** fal's platform API: a different origin from the queue, used only while fal's base is its default. */
export const FAL_BILLING_URL = 'https://api.fal.ai/v1/account/billing?expand=credits';

const SubscriptionSchema = z.object({ hard_limit_usd: z.number().finite() });
const UsageSchema = z.object({ total_usage: z.number().finite().nonnegative() });
const FalBillingSchema = z.object({ credits: z.object({ current_balance: z.number().finite(), currency: z.string() }) });

export async function fetchBalance(req: BalanceRequest): Promise<BalanceInfo> {
  const none = (why: Why): BalanceInfo => ({ provider: req.provider, balanceUsd: null, source: 'none', ...reasonOf(why), checkedAt: new Date().toISOString() });
  try {
    const kind = balanceKindOf(req.provider);
    switch (kind) {
      case 'fal_billing':
        return await falBalance(req, none);
      case 'aggregator_billing':
        return await aggregatorBalance(req, none);
      case 'none':
        return none(say('api.balance.notReported', { provider: PROVIDER_INFO[req.provider].label }));
      default:
        return assertNever(kind, 'balance kind');
    }
  } catch (err) {
    // Offline, refused, timed out, a redirect, a missing key: the chip hides; nothing to report.
    // What failed stays in the English (the CLI's); the code says it plainly.
    return none({ ...say('api.balance.unreadable'), message: `The balance could not be read (${err instanceof Error ? err.message.slice(0, 200) : 'network error'}).` });
  }
}

async function aggregatorBalance(req: BalanceRequest, none: (why: Why) => BalanceInfo): Promise<BalanceInfo> {
  const origin = parseApiBase(req.baseUrl).origin;
  const [sub, usage] = await Promise.all([
    getJson(req, origin, `${origin}/v1/dashboard/billing/subscription`, req.keyOrigins),
    getJson(req, origin, `${origin}/v1/dashboard/billing/usage`, req.keyOrigins),
  ]);
  const s = SubscriptionSchema.safeParse(sub.json);
  if (!sub.ok || !s.success) return none(say('api.balance.noSubscription', { status: sub.status }));
  if (s.data.hard_limit_usd >= UNLIMITED_USD) {
    return { provider: req.provider, balanceUsd: null, source: 'aggregator_billing', unlimited: true, ...reasonOf(say('api.balance.unlimited')), checkedAt: new Date().toISOString() };
  }
  const u = UsageSchema.safeParse(usage.json);
  if (!usage.ok || !u.success) return none(say('api.balance.noUsage', { status: usage.status }));
  const balanceUsd = Math.round((s.data.hard_limit_usd - u.data.total_usage / 100) * 100) / 100;
  if (!plausibleUsd(balanceUsd)) return none(say('api.balance.notDollars', { amount: String(balanceUsd).slice(0, 30) }));
  return { provider: req.provider, balanceUsd, source: 'aggregator_billing', checkedAt: new Date().toISOString() };
}

async function falBalance(req: BalanceRequest, none: (why: Why) => BalanceInfo): Promise<BalanceInfo> {
  // The key may go only where the user pointed fal (or fal's default). api.fal.ai is fal's own
  // platform host — the one exception to "the key goes only to the API origin", deliberately
  // narrow: only while fal's base URL is its default, never after an override, only this GET.
  if (parseApiBase(req.baseUrl).origin !== parseApiBase(DEFAULT_BASE_URL.fal).origin) {
    return none(say('api.balance.falDefaultOnly'));
  }
  const billingOrigin = new URL(FAL_BILLING_URL).origin;
  const answer = await getJson(req, billingOrigin, FAL_BILLING_URL, () => [billingOrigin]);
  const parsed = FalBillingSchema.safeParse(answer.json);
  if (!answer.ok || !parsed.success) return none(say('api.balance.falNotShared', { status: answer.status }));
  if (parsed.data.credits.currency.toUpperCase() !== 'USD') return none(say('api.balance.falCurrency', { currency: parsed.data.credits.currency.slice(0, 10) }));
  const usd = parsed.data.credits.current_balance;
  if (!plausibleUsd(usd)) return none(say('api.balance.falNotDollars', { amount: String(usd).slice(0, 30) }));
  return { provider: 'fal', balanceUsd: usd, source: 'fal_billing', checkedAt: new Date().toISOString() };
}

type Why = ReturnType<typeof say>;
const reasonOf = (why: Why): Pick<BalanceInfo, 'reason' | 'reasonCode' | 'reasonParams'> => ({
  reason: why.message,
  reasonCode: why.code,
  ...(why.params === undefined ? {} : { reasonParams: why.params }),
});

/** Beyond this an amount is not a person's dollars (quota units, garbage); an overdraft stays as it is. */
const MAX_PLAUSIBLE_USD = 1_000_000;
const plausibleUsd = (usd: number): boolean => Number.isFinite(usd) && Math.abs(usd) <= MAX_PLAUSIBLE_USD;

async function getJson(req: BalanceRequest, origin: string, url: string, keyOrigins?: () => readonly string[]): Promise<{ ok: boolean; status: number; json: unknown }> {
  const cfg: TransportConfig = {
    provider: req.provider,
    base: { origin, prefix: '' },
    keyOrigins: keyOrigins ?? (() => [origin]),
    getKey: req.getKey,
    fetch: req.fetch,
    requestTimeoutMs: req.timeoutMs ?? 10_000,
  };
  const ex = await send(cfg, { method: 'GET', url });
  const text = await readBodyText(ex, 64 * 1024);
  return { ok: ex.response.ok, status: ex.response.status, json: parseJson(text) };
}
