// Makes the poster of every finished video the window sees, once: when a job's video lands on disk
// (the Jobs panel hears it), or when an older job without one (made before posters, imported, or
// whose first try failed in an earlier session) comes into view. One poster at a time, newest wish
// first, and a bounded list of wishes, so scrolling 10,000 jobs never queues 10,000 decodes. No DOM
// here: drawing and saving are handed in, so the rules are testable.
import type { IpcResult } from '../../../shared/contract';
import type { JobRecord } from '../../../shared/domain';
import { hasVideo, needsPoster, type JobMediaFields } from './job-media';

export interface DrawnPoster {
  seconds: number;
  base64: string;
}

export interface PosterMakerDeps {
  /** Draws the poster of the video at this library-relative path. */
  draw(videoPath: string): Promise<DrawnPoster>;
  save(id: string, poster: DrawnPoster): Promise<IpcResult<JobRecord>>;
  onSaved(record: JobRecord): void;
  /**
   * Resolves when the page can spare the time for the next poster. Loading a video costs the main
   * thread a few milliseconds even when it fails, so posters wait for idle moments, not a scroll.
   */
  pace?: () => Promise<void>;
  /** A video that never answers must not stop every later poster. */
  timeoutMs?: number;
  /** Wishes kept; older ones are dropped (they come back if their card is seen again). */
  maxWaiting?: number;
}

export class PosterMaker {
  /** Newest last: taken from the end, so what was just scrolled to comes first. */
  private waiting: Array<{ id: string; videoPath: string }> = [];
  /** Made or tried this session: a video that cannot be drawn is not tried again and again. */
  private readonly tried = new Set<string>();
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: PosterMakerDeps) {}

  /** `again`: the job has a poster, but its file would not load (deleted, damaged): make a new one. */
  want(job: JobMediaFields, again = false): void {
    if (this.stopped || !(again ? hasVideo(job) : needsPoster(job))) return;
    if (this.tried.has(job.id) || this.waiting.some((w) => w.id === job.id)) return;
    this.waiting.push({ id: job.id, videoPath: job.videoPath! });
    const max = this.deps.maxWaiting ?? 100;
    if (this.waiting.length > max) this.waiting.splice(0, this.waiting.length - max);
    this.kick();
  }

  /** Resolves when nothing is waiting (tests; a window closing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.waiting = [];
  }

  /** One worker at a time; a wish that arrives as it finishes starts the next. */
  private kick(): void {
    if (this.running || this.stopped || this.waiting.length === 0) return;
    this.running = this.work().finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  private async work(): Promise<void> {
    for (;;) {
      await this.deps.pace?.();
      const next = this.waiting.pop();
      if (!next || this.stopped) return;
      this.tried.add(next.id);
      try {
        const poster = await withTimeout(this.deps.draw(next.videoPath), this.deps.timeoutMs ?? 20_000);
        const saved = await this.deps.save(next.id, poster);
        if (saved.ok && !this.stopped) this.deps.onSaved(saved.value);
      } catch {
        // The card keeps its input picture; the next session tries again.
      }
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The video did not show a frame in time.')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A card whose poster file would not load says so here (it shows the input picture meanwhile); the
 * window's poster maker (usePosterMaker) makes the poster again, once a session.
 */
export const missingPosters = new EventTarget();
export const MISSING_POSTER_EVENT = 'missing';

export function reportMissingPoster(job: JobMediaFields): void {
  missingPosters.dispatchEvent(new CustomEvent<JobMediaFields>(MISSING_POSTER_EVENT, { detail: job }));
}
