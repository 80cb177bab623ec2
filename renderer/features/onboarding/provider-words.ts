// The catalog ids for a provider's blurb and key help (its name: renderer/i18n/provider-name.ts) (the words of shared/providers.ts, which
// stays English for the CLI). Onboarding and Settings both name providers through these.
import type { Provider } from '../../../shared/domain';
import type { MessageId } from '../../../shared/i18n/messages';

export const PROVIDER_WORDS: Readonly<Record<Provider, { blurb: MessageId; keyHelp?: MessageId }>> = {
  aggregator: {
    blurb: 'onboarding.provider.aggregator.blurb',
    keyHelp: 'onboarding.provider.aggregator.keyHelp',
  },
  fal: { blurb: 'onboarding.provider.fal.blurb', keyHelp: 'onboarding.provider.fal.keyHelp' },
  simulator: { blurb: 'onboarding.provider.simulator.blurb' },
};
