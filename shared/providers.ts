// What each provider is, written once: the core (auth header, default origin), the CLI (usage, key
// commands) and the UI (names, blurbs, where to get a key) all read this table. Pure data, no Node.
import type { Provider } from './domain';

/** How the Authorization header carries the key: fal speaks `Key`, the aggregator `Bearer`. */
export type AuthScheme = 'Bearer' | 'Key';

export const BALANCE_KINDS = ['aggregator_billing', 'fal_billing', 'none'] as const;
export type BalanceKind = (typeof BALANCE_KINDS)[number];

export interface ProviderInfo {
  /** The name shown on screen and in CLI messages. */
  label: string;
  /** One line for the provider picker. */
  blurb: string;
  /** Where jobs go unless the user sets an override (the key goes only to this origin or that one). */
  defaultBaseUrl: string;
  authScheme: AuthScheme;
  /** False for the simulator: it accepts any credential, so none is stored or asked for. */
  needsKey: boolean;
  /** Whether a job costs money (isBilledProvider; how much is shared/pricing.ts). */
  cost: 'paid' | 'free';
  /**
   * How the balance behind the key is read without spending: the one-api billing pair on the
   * provider's own origin, fal's platform API, or not at all (electron/core/api/balance.ts).
   */
  balance: BalanceKind;
  /**
   * Runs in this process on loopback: no proxy applies, and its pictures may be plain http on
   * loopback (real providers are only ever asked for https ones).
   */
  local: boolean;
  /** Where a person gets a key (providers that need one). */
  keyHelp?: { text: string; url?: string };
}

export const PROVIDER_INFO = {
  aggregator: {
    label: 'Aggregator',
    blurb: 'The default service (api.chainhub.tech), with its own key.',
    defaultBaseUrl: 'https://api.chainhub.tech',
    authScheme: 'Bearer',
    needsKey: true,
    cost: 'paid',
    balance: 'aggregator_billing',
    local: false,
    keyHelp: { text: 'Sign in to your aggregator dashboard and create an API key there (an sk-… token).', url: 'https://api.chainhub.tech' },
  },
  fal: {
    label: 'fal.ai',
    blurb: 'Straight to fal.ai with a fal key.',
    defaultBaseUrl: 'https://queue.fal.run',
    authScheme: 'Key',
    needsKey: true,
    cost: 'paid',
    balance: 'fal_billing',
    local: false,
    keyHelp: { text: 'Create one in your fal.ai dashboard under Keys.', url: 'https://fal.ai/dashboard/keys' },
  },
  simulator: {
    label: 'Simulator',
    blurb: 'Free and offline. Makes sample clips, for trying things out.',
    // Runs in-process on a random loopback port; the real URL is known only at runtime.
    defaultBaseUrl: 'http://127.0.0.1:0',
    // It mimics the aggregator, so it speaks the aggregator's scheme.
    authScheme: 'Bearer',
    needsKey: false,
    cost: 'free',
    // It answers the aggregator's billing pair too (a play balance), so the chip can be tried.
    balance: 'aggregator_billing',
    local: true,
  },
} as const satisfies Record<Provider, ProviderInfo>;

/** The providers a key is stored for. */
export type KeyedProvider = { [P in Provider]: (typeof PROVIDER_INFO)[P]['needsKey'] extends true ? P : never }[Provider];
export const needsKey = (provider: Provider): provider is KeyedProvider => PROVIDER_INFO[provider].needsKey;

/** How this provider's balance is read (widened, so a switch over it must name every kind). */
export const balanceKindOf = (provider: Provider): BalanceKind => PROVIDER_INFO[provider].balance;

/** The header value for `key` (never logged: callers put it straight into the request). */
export function authorizationValue(provider: Provider, key: string): string {
  return `${PROVIDER_INFO[provider].authScheme} ${key}`;
}
