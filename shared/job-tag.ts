// The short line that tells jobs of one shot apart — which model made it and which take it is
// ("Veo 3 Fast · Take 2/4") — on Jobs cards, Library cards and Compare's labels. Takes of one shot
// share their prompt and settings, so without it four takes look like one job four times.
import type { Locale } from './i18n/locales';
import { formatMessage } from './i18n/messages';
import { modelById } from './models';

interface Tagged {
  params: { model?: string };
  shotId?: string;
  take?: number;
}

/** How many takes the shot has that we know of: the highest take number among `records` of that shot. */
export function shotSizeOf(records: Iterable<Tagged>, shotId: string | undefined): number | undefined {
  if (shotId === undefined) return undefined;
  let size = 0;
  for (const r of records) if (r.shotId === shotId && r.take !== undefined) size = Math.max(size, r.take);
  return size === 0 ? undefined : size;
}

/** "Take 2/4", or "Take 2" when the shot's size is unknown; nothing for a shot of one take. */
export function takeLabel(take: number | undefined, shotSize: number | undefined, locale: Locale = 'en'): string | undefined {
  if (take === undefined) return undefined;
  const size = Math.max(take, shotSize ?? 0);
  if (size <= 1) return undefined;
  return shotSize === undefined ? formatMessage(locale, 'jobs.tag.take', { take }) : formatMessage(locale, 'jobs.tag.takeOf', { take, size });
}

/** The model's name and the take, joined: "Veo 3 Fast · Take 2/4". */
export function jobTag(record: Tagged, shotSize?: number, locale: Locale = 'en'): string {
  const model = record.params.model === undefined ? undefined : modelById(record.params.model)?.label;
  return [model, takeLabel(record.take, shotSize, locale)].filter((s) => s !== undefined).join(' · ');
}
