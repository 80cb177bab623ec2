// The catalog ids for a provider's name, blurb and key help (the words of shared/providers.ts, which
// stays English for the CLI). Onboarding and Settings both name providers through these.
import type { Provider } from '../../../shared/domain';
import type { MessageId } from '../../../shared/i18n/messages';

export const PROVIDER_WORDS: Readonly<Record<Provider, { label: MessageId; blurb: MessageId; keyHelp?: MessageId }>> = {
  aggregator: {
    label: 'onboarding.provider.aggregator.label',
    blurb: 'onboarding.provider.aggregator.blurb',
    keyHelp: 'onboarding.provider.aggregator.keyHelp',
  },
  fal: { label: 'onboarding.provider.fal.label', blurb: 'onboarding.provider.fal.blurb', keyHelp: 'onboarding.provider.fal.keyHelp' },
  simulator: { label: 'onboarding.provider.simulator.label', blurb: 'onboarding.provider.simulator.blurb' },
};
