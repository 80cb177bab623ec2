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
  return shotId === undefined ? undefined : shotSizesOf(records).get(shotId);
}

/** Every shot's size among `records` at once (shot id → highest take), for many cards to look up. */
export function shotSizesOf(records: Iterable<Tagged>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of records) if (r.shotId !== undefined && r.take !== undefined) sizes.set(r.shotId, Math.max(sizes.get(r.shotId) ?? 0, r.take));
  return sizes;
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
