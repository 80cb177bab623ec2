// The money vocabulary the faces share: what the core's spend guard answers above the user's limit,
// what a spending request carries back, and what the spend ledger reports.
import { z } from 'zod';
import { PROVIDERS, type Provider } from './domain';

/** What was charged on this machine (rule: electron/core/library/ledger.ts). Billed providers only. */
export interface LedgerInfo {
  /** Newest first; dates are local to the machine running the core. */
  days: Array<{ date: string; usd: number; jobs: number }>;
  months: Array<{ month: string; usd: number; jobs: number }>;
  totalUsd: number;
  /** The total split by provider (billed providers that charged something). */
  byProvider: Array<{ provider: Provider; usd: number; jobs: number }>;
  /** Simulator jobs: free; what they would have cost at list price. */
  free: { jobs: number; wouldCostUsd: number };
}

/** One job's cost for the Library detail, from the ledger (never recomputed from today's prices). */
export interface JobCost {
  /**
   * charged: a billed provider accepted it · free: the simulator · not_charged: the provider does
   * not bill how it failed · not_sent: it never reached a server · imported: paid for elsewhere.
   */
  status: 'charged' | 'free' | 'not_charged' | 'not_sent' | 'imported';
  /** What was charged; for free / not_charged / not_sent / imported, what it would cost at list price. */
  usd: number;
  /** When the charge was recorded. */
  at?: string;
}

/** The core's answer when a spend is above the user's "confirm above $X" limit. */
export const SpendQuoteSchema = z.object({
  usd: z.number(),
  limit: z.number(),
  jobs: z.number().int(),
  provider: z.enum(PROVIDERS),
});
export type SpendQuote = z.infer<typeof SpendQuoteSchema>;

/** Sent with every request that spends: the spend guard prices the press and checks the limit. */
export const SPEND_CONFIRMATION = {
  /** The total the user confirmed in the spend dialog; required when the estimate is above the limit. */
  confirmedUsd: z.number().min(0).max(1_000_000).optional(),
};
