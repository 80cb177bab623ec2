// The provider's own words about a failure (a content-policy reason, a quota notice), shown as they
// came — they are the provider's, not ours, so they are marked as such and never translated.
import { useT } from '../../i18n/useT';

export function ProviderWords({ words }: { words: string }) {
  const t = useT();
  return <p className="job-error-message job-error-provider">{t('jobs.card.providerSaid', { words })}</p>;
}
