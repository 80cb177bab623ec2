// The one error image preflight throws. Every message says what is wrong and what to do next, because
// it is shown to the user as is (Create screen, CLI), and as data (`said`) so the app can say it
// in the user's language.
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';

export type InputImageErrorCode =
  | 'empty'
  | 'unsupported_type'
  | 'corrupt'
  | 'too_large'
  | 'too_many_pixels'
  | 'not_found'
  | 'bad_url';

export class InputImageError extends Error {
  readonly code: InputImageErrorCode;
  /** The message as a catalog code and params; absent for the few still written as plain English. */
  readonly said?: Said;

  constructor(code: InputImageErrorCode, words: string | Said, options?: { cause?: unknown }) {
    super(typeof words === 'string' ? words : words.message, options);
    this.name = 'InputImageError';
    this.code = code;
    if (typeof words !== 'string') this.said = words;
  }
}

export const isInputImageError = (e: unknown): e is InputImageError => e instanceof InputImageError;

export const USE_SUPPORTED = 'Use a PNG, JPEG or WebP.';

export const CORRUPT_MESSAGE = (): Said => say('app.image.corrupt');

/** "“beach.png”" when the caller knows a name, else "This file"; names are quoted, never trusted. */
export const subject = (name?: string): string => (name ? `“${name}”` : 'This file');

/** The params of `subject`, for catalog messages: `{named, select, yes {“{name}”} other {This file}}`. */
export const subjectParams = (name?: string): { named: 'yes' | 'no'; name: string } => ({ named: name ? 'yes' : 'no', name: name ?? '' });

export { formatBytes } from '../../../shared/format-bytes';

export function formatMegapixels(pixels: number): string {
  return `${(pixels / 1e6).toFixed(pixels < 10e6 ? 1 : 0)} MP`;
}
