// Mirrors job activity on the taskbar / dock: a progress bar while jobs run (the average download,
// or indeterminate while they wait on the server) and, on macOS, a badge with the active count.
import { app, type BrowserWindow } from 'electron';
import type { ActivitySummary } from './job-activity';

export class TaskbarProgress {
  private lastProgress: number | undefined;
  private lastBadge: number | undefined;

  constructor(private readonly window: () => BrowserWindow | undefined) {}

  show(summary: ActivitySummary): void {
    // Rounded so a stream of download ticks does not call into the OS hundreds of times a second.
    const progress = summary.progress > 1 || summary.progress < 0 ? summary.progress : Math.round(summary.progress * 100) / 100;
    const win = this.window();
    if (win && progress !== this.lastProgress) {
      win.setProgressBar(progress);
      this.lastProgress = progress;
    }
    if (process.platform === 'darwin' && summary.activeCount !== this.lastBadge) {
      app.dock?.setBadge(summary.activeCount > 0 ? String(summary.activeCount) : '');
      this.lastBadge = summary.activeCount;
    }
  }

  /** A re-created window starts without a bar: forget what the old one showed. */
  reset(): void {
    this.lastProgress = undefined;
  }
}
