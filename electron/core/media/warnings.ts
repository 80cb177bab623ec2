// Warnings about a picture that will work but may disappoint: fal asks for at least 720p and crops
// anything that is not 16:9 or 9:16. Shown before submit, so the user can fix it before paying.

import { say, type CodedMessage } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';
import { formatBytes } from './input-error';

/**
 * `code` is the kind of warning and `message` its English words (CLI, tests). The same words as a
 * catalog code (`text`) stay off the object's own fields, so the warning's shape is what it was.
 */
export class PreflightWarning {
  readonly code: 'small' | 'downscaled' | 'aspect';
  readonly message: string;
  readonly #text: CodedMessage;

  constructor(code: PreflightWarning['code'], said: Said) {
    this.code = code;
    this.message = said.message;
    this.#text = { code: said.code, ...(said.params === undefined ? {} : { params: said.params }) };
  }

  get text(): CodedMessage {
    return this.#text;
  }
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
  return new PreflightWarning('small', say('app.pictureWarning.small', { width, height, min: MIN_SHORT_EDGE }));
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
  return new PreflightWarning('aspect', say('app.pictureWarning.aspect', { width, height, percent: Math.round(share * 100), target }));
}

type Sized = { width: number; height: number; bytes: number };

/** The payload is smaller than the original (it was downscaled or re-encoded to fit). */
export const downscaledWarning = (from: Sized, to: Sized): PreflightWarning =>
  new PreflightWarning(
    'downscaled',
    say('app.pictureWarning.downscaled', {
      fromWidth: from.width,
      fromHeight: from.height,
      fromSize: formatBytes(from.bytes),
      toWidth: to.width,
      toHeight: to.height,
      toSize: formatBytes(to.bytes),
    }),
  );
