// Prices in the current language: the numbers come from shared/pricing (the spend guard's own), the
// words and the currency format from the catalog (ICU ::currency/USD through Intl).
import type { Provider } from '../../../shared/domain';
import { isBilledProvider, priceTableFor, rateOf, type PricedParams } from '../../../shared/pricing';
import type { Translate } from '../../i18n/useT';

/** "$0.40/s with audio" / "$0.20/s silent" for this model and resolution at this provider's price. */
export function rateWords(t: Translate, params: Omit<PricedParams, 'duration'>, provider: Provider): string {
  const rate = rateOf(params, priceTableFor(provider));
  return t('create.cost.rate', { audio: params.generateAudio ? 'yes' : 'no', usd: params.generateAudio ? rate.withAudio : rate.silent });
}

/** "$3.20", or for a free provider "free — would cost $3.20". */
export function priceWords(t: Translate, usd: number, provider: Provider): string {
  return isBilledProvider(provider) ? t('common.usd', { amount: usd }) : t('create.cost.freePrice', { usd });
}
