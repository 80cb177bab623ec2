// What a job costs. Each model's list price is in its registry entry (shared/models.ts; sources in
// protocol.md), per second, with or without audio, per resolution where it differs. The aggregator's
// own price is unknown, so it is charged at fal's list price until it publishes one; the simulator is
// free (its "would cost" figure is the list price, for comparison). Every price anywhere (the spend
// guard, the Create screen, the CLI, sidecars) comes from estimateBatchUsd / chargedUsd with the
// job's provider and model: there is no provider-less or model-less price.
import type { Duration, GenerationParams, Provider } from './domain';
import { MODELS, type ModelSpec, type Rate, type Resolution } from './models';
import { PROVIDER_INFO } from './providers';

/** What the settings that decide a price are. */
export type PricedParams = Pick<GenerationParams, 'model' | 'duration' | 'resolution' | 'generateAudio'>;

/** How a provider prices a model: its rate per resolution. */
export type PriceTable = (model: ModelSpec) => Partial<Record<Resolution, Rate>>;

export const FAL_LIST_PRICE: PriceTable = (model) => model.prices;

/**
 * Every provider, so adding one is a compile error until its price is decided. Whether it charges
 * at all is PROVIDER_INFO's `cost`; this is only how much.
 */
const PROVIDER_PRICES: Record<Provider, PriceTable> = {
  aggregator: FAL_LIST_PRICE,
  fal: FAL_LIST_PRICE,
  simulator: FAL_LIST_PRICE,
};

/** False for the simulator: its jobs are never charged, never counted as spend, never confirmed. */
export function isBilledProvider(provider: Provider): boolean {
  return PROVIDER_INFO[provider].cost === 'paid';
}

/** The table a provider charges from today (for the simulator: what the real service would charge). */
export function priceTableFor(provider: Provider): PriceTable {
  return PROVIDER_PRICES[provider];
}

export function durationSeconds(d: Duration): number {
  return Number.parseInt(d, 10);
}

/**
 * The rate for these settings. A resolution the model has no price for (a record from elsewhere)
 * is priced at the model's dearest rate: an estimate may be high, never low.
 */
export function rateOf(params: Omit<PricedParams, 'duration' | 'generateAudio'>, prices: PriceTable): Rate {
  const table = prices(MODELS[params.model]);
  const exact = table[params.resolution];
  if (exact) return exact;
  const rates = Object.values(table);
  return { silent: Math.max(...rates.map((r) => r.silent)), withAudio: Math.max(...rates.map((r) => r.withAudio)) };
}

export function estimateCostUsd(params: PricedParams, prices: PriceTable): number {
  const rate = rateOf(params, prices);
  const perSecond = params.generateAudio ? rate.withAudio : rate.silent;
  // Round to cents so 8 × 0.4 prints 3.20, not 3.2000000000000006.
  return Math.round(durationSeconds(params.duration) * perSecond * 100) / 100;
}

/** `jobs` jobs with these settings at this provider's price, in whole cents. */
export function estimateBatchUsd(params: PricedParams, provider: Provider, jobs = 1): number {
  return Math.round(estimateCostUsd(params, priceTableFor(provider)) * Math.max(1, jobs) * 100) / 100;
}

/** What `jobs` such jobs are charged: 0 at a free provider. */
export function chargedUsd(params: PricedParams, provider: Provider, jobs = 1): number {
  return isBilledProvider(provider) ? estimateBatchUsd(params, provider, jobs) : 0;
}

/** "$0.40/s with audio" / "$0.20/s silent" for this model and resolution at this provider's price. */
export function formatRate(params: Omit<PricedParams, 'duration'>, provider: Provider): string {
  const rate = rateOf(params, priceTableFor(provider));
  return params.generateAudio ? `${formatUsd(rate.withAudio)}/s with audio` : `${formatUsd(rate.silent)}/s silent`;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** "$3.20", or for a free provider "free — would cost $3.20". */
export function formatPrice(usd: number, provider: Provider): string {
  return isBilledProvider(provider) ? formatUsd(usd) : `free — would cost ${formatUsd(usd)}`;
}
