// Warnings about a picture that will work but may disappoint: fal asks for at least 720p and crops
// anything that is not 16:9 or 9:16. Shown before submit, so the user can fix it before paying.

import { formatBytes } from './input-error';

export interface PreflightWarning {
  code: 'small' | 'downscaled' | 'aspect';
  message: string;
}

/** fal's stated minimum: 720 px on the short side. */
export const MIN_SHORT_EDGE = 720;
/** Crop beyond this share of the picture is worth a warning (16:10 → 10 %, warned; 1.85:1 → 4 %, not). */
export const ASPECT_CROP_TOLERANCE = 0.08;

const TARGETS = [
  { label: '16:9', ratio: 16 / 9 },
  { label: '9:16', ratio: 9 / 16 },
] as const;

export function smallWarning(width: number, height: number): PreflightWarning | undefined {
  if (Math.min(width, height) >= MIN_SHORT_EDGE) return undefined;
  return {
    code: 'small',
    message:
      `The picture is ${width}×${height}; fal asks for at least ${MIN_SHORT_EDGE} pixels on the short side (720p). ` +
      'The video may look soft, or the server may refuse it. Use a larger picture if you have one.',
  };
}

/** Share of the picture lost when it is cropped to the nearer of 16:9 and 9:16. */
export function cropShare(width: number, height: number): { share: number; target: string } {
  const ratio = width / height;
  let best = { share: 1, target: '16:9' };
  for (const t of TARGETS) {
    const share = 1 - Math.min(ratio, t.ratio) / Math.max(ratio, t.ratio);
    if (share < best.share) best = { share, target: t.label };
  }
  return best;
}

export function aspectWarning(width: number, height: number): PreflightWarning | undefined {
  const { share, target } = cropShare(width, height);
  if (share <= ASPECT_CROP_TOLERANCE) return undefined;
  return {
    code: 'aspect',
    message:
      `The picture is ${width}×${height}, not 16:9 or 9:16: about ${Math.round(share * 100)} % of it will be cropped ` +
      `to make a ${target} video. Crop it yourself first to choose what stays.`,
  };
}

type Sized = { width: number; height: number; bytes: number };

/** The payload is smaller than the original (it was downscaled or re-encoded to fit). */
export const downscaledWarning = (from: Sized, to: Sized): PreflightWarning => ({
  code: 'downscaled',
  message:
    `The picture (${from.width}×${from.height}, ${formatBytes(from.bytes)}) will be sent as a ${to.width}×${to.height} ` +
    `JPEG (${formatBytes(to.bytes)}) to fit the upload limits. The original stays in your library.`,
});
