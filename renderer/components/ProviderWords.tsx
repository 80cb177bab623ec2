// The provider's own words about a failure (a content-policy reason, a quota notice), shown as they
// came — they are the provider's, not ours, so they are marked as such and never translated.
import { Say } from '../i18n/useT';

export function ProviderWords({ words }: { words: string }) {
  return (
    <p className="job-error-message job-error-provider">
      <Say id="jobs.card.providerSaid" values={{ words: <span data-provider-words="">{words}</span> }} />
    </p>
  );
}
