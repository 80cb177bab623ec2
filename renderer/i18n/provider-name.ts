// A provider's name on screen, per language ("Aggregator" is a word; "fal.ai" stays as it is). A
// provider added to shared/providers.ts without a name here is a compile error.
import type { Provider } from '../../shared/domain';
import type { MessageId } from '../../shared/i18n/messages';

export const PROVIDER_NAME: Readonly<Record<Provider, MessageId>> = {
  aggregator: 'common.provider.aggregator',
  fal: 'common.provider.fal',
  simulator: 'common.provider.simulator',
};
