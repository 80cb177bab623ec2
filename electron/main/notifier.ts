// "Your video is ready" / "generation failed" notifications, posted by main (the page has no
// notification permission). Only when the user is looking elsewhere and has not turned them off;
// clicking one brings the window back and opens the job.
import { Notification } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { describeFinishedJob, type FinishedJob } from './job-activity';

export interface NotifierOptions {
  enabled: () => boolean;
  /** True when the app window has focus: the job card already tells the user. */
  windowFocused: () => boolean;
  /** Show (re-creating if needed) and focus the window, then open the job. */
  openJob: (id: string) => void;
  /** The shell's language now: a notification speaks the language chosen when it is posted. */
  locale: () => Locale;
}

export class JobNotifier {
  // Live notifications must stay referenced, or they are garbage-collected with their click handler.
  private readonly live = new Set<Notification>();

  constructor(private readonly opts: NotifierOptions) {}

  finished(job: FinishedJob): void {
    if (!this.opts.enabled() || this.opts.windowFocused() || !Notification.isSupported()) return;
    const text = describeFinishedJob(job, this.opts.locale());
    const notification = new Notification({ title: text.title, body: text.body });
    const release = (): void => {
      this.live.delete(notification);
    };
    notification.on('click', () => {
      release();
      this.opts.openJob(job.record.id);
    });
    notification.on('close', release);
    notification.on('failed', release);
    this.live.add(notification);
    notification.show();
  }

  closeAll(): void {
    for (const n of this.live) n.close();
    this.live.clear();
  }
}
