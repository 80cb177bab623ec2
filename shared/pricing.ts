// What a job costs. fal's list price for veo3 (protocol.md): $0.20/s without audio, $0.40/s with
// audio. The aggregator's own price is unknown, so it is charged at fal's list price until it
// publishes one; the simulator is free (its "would cost" figure is the list price, for comparison).
import type { Duration, GenerationParams, Provider } from './domain';

export interface PriceTable {
  perSecondSilent: number;
  perSecondWithAudio: number;
}

export const FAL_LIST_PRICE: PriceTable = { perSecondSilent: 0.2, perSecondWithAudio: 0.4 };

/** Every provider, so adding one is a compile error until its price is decided. */
const PROVIDER_PRICES: Record<Provider, { billed: boolean; prices: PriceTable }> = {
  aggregator: { billed: true, prices: FAL_LIST_PRICE },
  fal: { billed: true, prices: FAL_LIST_PRICE },
  simulator: { billed: false, prices: FAL_LIST_PRICE },
};

/** False for the simulator: its jobs are never charged, never counted as spend, never confirmed. */
export function isBilledProvider(provider: Provider): boolean {
  return PROVIDER_PRICES[provider].billed;
}

/** The table a provider charges from today (for the simulator: what the real service would charge). */
export function priceTableFor(provider: Provider): PriceTable {
  return PROVIDER_PRICES[provider].prices;
}

export function durationSeconds(d: Duration): number {
  return Number.parseInt(d, 10);
}

export function estimateCostUsd(
  params: Pick<GenerationParams, 'duration' | 'generateAudio'>,
  prices: PriceTable = FAL_LIST_PRICE,
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

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** "$3.20", or for a free provider "free — would cost $3.20". */
export function formatPrice(usd: number, provider: Provider): string {
  return isBilledProvider(provider) ? formatUsd(usd) : `free — would cost ${formatUsd(usd)}`;
}
