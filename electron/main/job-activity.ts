// What the shell shows about running jobs outside the page: the taskbar/dock progress, the dock
// badge, and whether a job just finished (for a notification). Pure bookkeeping over job events,
// seeded from the library so jobs resumed at start-up count too.
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage, renderMessage } from '../../shared/i18n/messages';
import { isFinalState, type JobProgress, type JobRecord, type JobState } from '../../shared/domain';

/** Electron's setProgressBar values: -1 removes the bar, >1 shows it indeterminate. */
export const PROGRESS_NONE = -1;
export const PROGRESS_INDETERMINATE = 2;

export interface ActivitySummary {
  activeCount: number;
  /** -1 (idle), 2 (indeterminate), or 0..1: the average of the downloads with a known size. */
  progress: number;
}

export type FinishedJob = { kind: 'completed' | 'failed'; record: JobRecord };

export class JobActivity {
  private readonly states = new Map<string, JobState>();
  private readonly downloads = new Map<string, number>();

  constructor(existing: readonly JobRecord[] = []) {
    for (const rec of existing) this.states.set(rec.id, rec.state);
  }

  /**
   * Records a job update. Returns the finished job when this update moved it from an active state
   * to completed or failed (not cancelled: the user did that themselves) — once per job.
   */
  update(rec: JobRecord): FinishedJob | undefined {
    const previous = this.states.get(rec.id);
    this.states.set(rec.id, rec.state);
    if (rec.state !== 'downloading') this.downloads.delete(rec.id);
    const wasActive = previous !== undefined && !isFinalState(previous);
    if (!wasActive) return undefined;
    if (rec.state === 'completed' || rec.state === 'failed') return { kind: rec.state, record: rec };
    return undefined;
  }

  progress(p: JobProgress): void {
    const current = this.states.get(p.id);
    if (current !== undefined && isFinalState(current)) return; // a late progress tick after the end
    this.states.set(p.id, p.state);
    const total = p.download?.totalBytes;
    if (p.state === 'downloading' && p.download && total && total > 0) {
      this.downloads.set(p.id, Math.min(1, Math.max(0, p.download.receivedBytes / total)));
    } else {
      this.downloads.delete(p.id);
    }
  }

  forget(id: string): void {
    this.states.delete(id);
    this.downloads.delete(id);
  }

  summary(): ActivitySummary {
    let activeCount = 0;
    for (const state of this.states.values()) if (!isFinalState(state)) activeCount += 1;
    if (activeCount === 0) return { activeCount, progress: PROGRESS_NONE };
    const fractions = [...this.downloads.values()];
    if (fractions.length === 0) return { activeCount, progress: PROGRESS_INDETERMINATE };
    return { activeCount, progress: fractions.reduce((a, b) => a + b, 0) / fractions.length };
  }
}

export interface NoticeText {
  title: string;
  body: string;
}

const EXCERPT = 90;

/**
 * The words of a "job finished" notification in `locale`: the prompt (user data, as typed) for
 * context, the reason on failure — its code in `locale` when the core gave one, else its words.
 */
export function describeFinishedJob(finished: FinishedJob, locale: Locale): NoticeText {
  const prompt = excerpt(finished.record.params.prompt);
  if (finished.kind === 'completed') return { title: formatMessage(locale, 'desktop.notify.ready'), body: prompt };
  const error = finished.record.error;
  const reason = error ? renderMessage(locale, error) : formatMessage(locale, 'desktop.notify.failedReason');
  return { title: formatMessage(locale, 'desktop.notify.failed'), body: `${excerpt(reason)}\n${prompt}` };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}
