// A cancel that reached the server after the video was made (cancel_race): the job is done, not
// cancelled, and on a paid provider it was charged — the card says so instead of just "completed".
import type { JobRecord } from '../../../shared/domain';
import type { Locale } from '../../../shared/i18n/locales';
import { formatMessage } from '../../../shared/i18n/messages';
import { isBilledProvider } from '../../../shared/pricing';

export function lateCancelNote(record: Pick<JobRecord, 'cancelRequested' | 'state' | 'provider'>, locale: Locale = 'en'): string | undefined {
  if (!record.cancelRequested || record.state !== 'completed') return undefined;
  return formatMessage(locale, isBilledProvider(record.provider) ? 'jobs.card.lateCancelCharged' : 'jobs.card.lateCancel');
}
