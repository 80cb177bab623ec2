// The player's keyboard vocabulary, as pure rules: J/K/L shuttle (reverse / pause / forward, a
// second press of J or L doubles the speed), and frame-accurate stepping with "," and ".".
import { FRAMES_PER_SECOND } from '../frames/capture-frame';

/**
 * A step lands just after the frame's start: exactly on it, float error can put the decoder on the
 * frame before. A tenth of a millisecond is far below one frame (41.7 ms) and rounds away in "0.083".
 */
const LAND_AFTER_FRAME_START = 0.0001;
export const MAX_SHUTTLE_RATE = 4;

export type ShuttleKey = 'j' | 'k' | 'l';
/** direction -1 plays backwards, 0 is paused, 1 plays forwards; rate is 1, 2 or 4. */
export interface Shuttle {
  direction: -1 | 0 | 1;
  rate: number;
}
export const PAUSED: Shuttle = { direction: 0, rate: 1 };

export function nextShuttle(current: Shuttle, key: ShuttleKey): Shuttle {
  if (key === 'k') return PAUSED;
  const direction = key === 'j' ? -1 : 1;
  if (current.direction !== direction) return { direction, rate: 1 };
  return { direction, rate: Math.min(MAX_SHUTTLE_RATE, current.rate * 2) };
}

/** The frame shown at `seconds` (frame n covers [n/fps, (n+1)/fps)). */
export function frameIndexAt(seconds: number, fps = FRAMES_PER_SECOND): number {
  return Math.max(0, Math.floor(seconds * fps + 1e-6));
}

/** Where one frame back (-1) or forward (+1) is, kept inside the clip. */
export function frameStepTarget(currentTime: number, duration: number, step: -1 | 1, fps = FRAMES_PER_SECOND): number {
  const lastFrame = Number.isFinite(duration) && duration > 0 ? Math.max(0, Math.ceil(duration * fps) - 1) : Number.POSITIVE_INFINITY;
  const frame = Math.min(lastFrame, Math.max(0, frameIndexAt(currentTime, fps) + step));
  return frame / fps + LAND_AFTER_FRAME_START;
}

/** The player key this keydown means, or undefined (typing, shortcuts with modifiers and others are not ours). */
export type PlayerKey = ShuttleKey | 'frame-back' | 'frame-forward' | 'theatre';
export function playerKeyOf(e: Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'altKey'>): PlayerKey | undefined {
  if (e.metaKey || e.ctrlKey || e.altKey) return undefined;
  switch (e.key) {
    case 'j':
    case 'J':
      return 'j';
    case 'k':
    case 'K':
      return 'k';
    case 'l':
    case 'L':
      return 'l';
    case ',':
      return 'frame-back';
    case '.':
      return 'frame-forward';
    case 't':
    case 'T':
      return 'theatre';
    default:
      return undefined;
  }
}
