// What the provider says about the account behind a key: its balance, and whether the key works.
// Shared by every face (the renderer's chip, the CLI's `balance` and `key set`); no Node, no DOM.
import { z } from 'zod';
import { PROVIDERS, type Provider } from './domain';
import type { MessageId, MessageParams } from './i18n/messages';
import { PROVIDER_INFO, type BalanceKind, type ProviderInfo } from './providers';

/**
 * Where a key is kept: the OS keychain, or (desktop, when no keychain answers) a file encrypted with
 * Electron's safeStorage, whose key `holder` is the OS store safeStorage uses (e.g. gnome_libsecret).
 */
export const KEY_STORES = ['keychain', 'encryptedFile'] as const;
export const KeyStoreSchema = z.object({ kind: z.enum(KEY_STORES), holder: z.string().max(100).optional() });
export type KeyStore = z.infer<typeof KeyStoreSchema>;

export const KeyStatusSchema = z.object({
  isSet: z.boolean(),
  last4: z.string().optional(),
  /** Which store holds the key, when more than one can: as data, worded by each face in its language. */
  store: KeyStoreSchema.optional(),
});
export type KeyStatusInfo = z.infer<typeof KeyStatusSchema>;

export interface BalanceInfo {
  provider: Provider;
  /** Dollars left, or null when the provider does not say (no billing endpoint, not allowed, offline). */
  balanceUsd: number | null;
  /** Where the number came from; `none` with `balanceUsd: null`. */
  source: BalanceKind;
  /** Why there is no number, in an English sentence (never shown as an error: the chip just hides; the CLI prints it). */
  reason?: string;
  /** `reason` as a catalog code: renderMessage(locale, { code: reasonCode, params: reasonParams, message: reason }). */
  reasonCode?: MessageId;
  reasonParams?: MessageParams;
  /** The account has no limit (one-api reports 100 000 000 for an unlimited key). */
  unlimited?: boolean;
  /** ISO time of the answer. */
  checkedAt: string;
}

export const KEY_VERDICTS = ['works', 'rejected', 'unchecked'] as const;
export type KeyVerdict = (typeof KEY_VERDICTS)[number];

export interface KeyCheckResult {
  /** works = the provider accepted it; rejected = HTTP 401; unchecked = offline or the provider failed. */
  verdict: KeyVerdict;
  /** One sentence for the user in English (the CLI's), with the provider's own words when it gave any. */
  message: string;
  /** The sentence as a catalog code (shared/i18n/en/api.ts), for the app to say in its language. */
  code?: MessageId;
  params?: MessageParams;
  /** The provider's own words, apart from the coded sentence, to show as the provider's. */
  providerWords?: string;
  /** The address the key was (or would have been) sent to: the API origin. */
  origin: string;
  httpStatus?: number;
}

/** Where a user gets a key for each provider (onboarding and Settings link here); from the provider table. */
export const KEY_SIGNUP_URL = Object.fromEntries(
  PROVIDERS.map((p) => [p, (PROVIDER_INFO[p] as ProviderInfo).keyHelp?.url]),
) as Record<Provider, string | undefined>;
