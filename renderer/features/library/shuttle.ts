// Drives a <video> from J/K/L. Forward is the element's own playback at 1×/2×/4×. Chromium has no
// reverse playback (a negative playbackRate is refused), so backwards is a seek per animation frame,
// skipped while the previous seek is still decoding so seeks never pile up.
import { nextShuttle, PAUSED, type Shuttle, type ShuttleKey } from './player-controls';

export class ShuttleControl {
  private state: Shuttle = PAUSED;
  private reverseFrame: number | undefined;
  private lastTick = 0;

  constructor(private readonly video: HTMLVideoElement) {
    // Native controls or Space take over: J's reverse stops, the speed goes back to normal.
    video.addEventListener('play', this.onPlay);
    video.addEventListener('pause', this.onPause);
  }

  press(key: ShuttleKey): Shuttle {
    this.apply(nextShuttle(this.state, key));
    return this.state;
  }

  dispose(): void {
    this.stopReverse();
    this.video.removeEventListener('play', this.onPlay);
    this.video.removeEventListener('pause', this.onPause);
  }

  private apply(next: Shuttle): void {
    this.stopReverse();
    this.state = next;
    const { video } = this;
    if (next.direction === 1) {
      video.playbackRate = next.rate;
      void video.play().catch(() => undefined);
      return;
    }
    video.pause();
    video.playbackRate = 1;
    if (next.direction === -1) {
      this.lastTick = performance.now();
      this.reverseFrame = requestAnimationFrame(this.tick);
    }
  }

  private readonly tick = (now: number): void => {
    const { video } = this;
    const elapsed = Math.max(0, now - this.lastTick) / 1000;
    this.lastTick = now;
    if (!video.seeking) {
      let next = video.currentTime - elapsed * this.state.rate;
      if (next <= 0) {
        if (!video.loop || !Number.isFinite(video.duration)) {
          video.currentTime = 0;
          this.reverseFrame = undefined;
          this.state = PAUSED;
          return;
        }
        next += video.duration;
      }
      video.currentTime = next;
    }
    this.reverseFrame = requestAnimationFrame(this.tick);
  };

  private readonly onPlay = (): void => {
    if (this.state.direction === -1) {
      this.stopReverse();
      this.state = { direction: 1, rate: 1 };
    } else if (this.state.direction === 0) {
      this.state = { direction: 1, rate: this.video.playbackRate };
    }
  };

  /** Paused by anything (Space, the controls, the end of the clip): the next L starts at 1× again. */
  private readonly onPause = (): void => {
    if (this.state.direction === 1) this.state = PAUSED;
  };

  private stopReverse(): void {
    if (this.reverseFrame !== undefined) cancelAnimationFrame(this.reverseFrame);
    this.reverseFrame = undefined;
  }
}
