// What a job costs. fal's list price for veo3 (protocol.md): $0.20/s without audio, $0.40/s with
// audio. The aggregator's own price is unknown, so it is charged at fal's list price until it
// publishes one; the simulator is free (its "would cost" figure is the list price, for comparison).
// Every price anywhere (the spend guard, the Create screen, the CLI, sidecars) comes from
// estimateBatchUsd / chargedUsd with the job's provider: there is no provider-less price.
import type { Duration, GenerationParams, Provider } from './domain';
import { PROVIDER_INFO } from './providers';

export interface PriceTable {
  perSecondSilent: number;
  perSecondWithAudio: number;
}

export const FAL_LIST_PRICE: PriceTable = { perSecondSilent: 0.2, perSecondWithAudio: 0.4 };

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

export function estimateCostUsd(
  params: Pick<GenerationParams, 'duration' | 'generateAudio'>,
  prices: PriceTable,
): number {
  const rate = params.generateAudio ? prices.perSecondWithAudio : prices.perSecondSilent;
  // Round to cents so 8 × 0.4 prints 3.20, not 3.2000000000000006.
  return Math.round(durationSeconds(params.duration) * rate * 100) / 100;
}

/** `jobs` jobs with these settings at this provider's price, in whole cents. */
export function estimateBatchUsd(
  params: Pick<GenerationParams, 'duration' | 'generateAudio'>,
  provider: Provider,
  jobs = 1,
): number {
  return Math.round(estimateCostUsd(params, priceTableFor(provider)) * Math.max(1, jobs) * 100) / 100;
}

/** What `jobs` such jobs are charged: 0 at a free provider. */
export function chargedUsd(params: Pick<GenerationParams, 'duration' | 'generateAudio'>, provider: Provider, jobs = 1): number {
  return isBilledProvider(provider) ? estimateBatchUsd(params, provider, jobs) : 0;
}

/** "$0.40/s with audio" / "$0.20/s silent" at this provider's price. */
export function formatRate(generateAudio: boolean, provider: Provider): string {
  const prices = priceTableFor(provider);
  return generateAudio ? `${formatUsd(prices.perSecondWithAudio)}/s with audio` : `${formatUsd(prices.perSecondSilent)}/s silent`;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** "$3.20", or for a free provider "free — would cost $3.20". */
export function formatPrice(usd: number, provider: Provider): string {
  return isBilledProvider(provider) ? formatUsd(usd) : `free — would cost ${formatUsd(usd)}`;
}
