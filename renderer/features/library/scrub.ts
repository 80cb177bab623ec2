// Hover scrubbing on a grid tile: where the pointer is across the tile is where in the take it shows.

/** 0 at the tile's left edge, 1 at its right edge, clamped (the pointer can be a pixel outside). */
export function scrubFraction(clientX: number, left: number, width: number): number {
  if (!(width > 0) || !Number.isFinite(clientX)) return 0;
  return Math.min(1, Math.max(0, (clientX - left) / width));
}

/**
 * The time to show for a fraction of the clip. Just short of the end: seeking to the exact duration
 * shows no frame in some decoders.
 */
export function scrubTime(fraction: number, duration: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  return Math.min(Math.max(0, duration - 0.05), Math.max(0, fraction) * duration);
}

/** A pointer merely crossing the grid should not start a download per tile it passes. */
export const SCRUB_HOVER_DELAY_MS = 120;
