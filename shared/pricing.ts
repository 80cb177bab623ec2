// fal's list price for veo3 (protocol.md): $0.20/s without audio, $0.40/s with audio.
// The aggregator's own price is unknown, so the rates are parameters with fal's values as defaults.
import type { Duration, GenerationParams } from './domain';

export interface PriceTable {
  perSecondSilent: number;
  perSecondWithAudio: number;
}

export const FAL_LIST_PRICE: PriceTable = { perSecondSilent: 0.2, perSecondWithAudio: 0.4 };

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

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
