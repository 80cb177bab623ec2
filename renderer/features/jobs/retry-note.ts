// "Rate limited — retrying at 20:32:44 (attempt 2 of 5)" in the page's language: the core sends the
// note as data (retryNoteText) next to its English words (retryNote, for the CLI and older cores).
import type { JobProgress } from '../../../shared/domain';
import type { Locale } from '../../../shared/i18n/locales';
import { renderMessage } from '../../../shared/i18n/messages';

export function retryNoteWords(progress: Pick<JobProgress, 'retryNote' | 'retryNoteText'> | undefined, locale: Locale): string | undefined {
  if (!progress?.retryNote) return undefined;
  return progress.retryNoteText ? renderMessage(locale, { ...progress.retryNoteText, message: progress.retryNote }) : progress.retryNote;
}
