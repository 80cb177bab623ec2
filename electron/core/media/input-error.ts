// The one error image preflight throws. Every message says what is wrong and what to do next, because
// it is shown to the user as is (Create screen, CLI).

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

  constructor(code: InputImageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputImageError';
    this.code = code;
  }
}

export const isInputImageError = (e: unknown): e is InputImageError => e instanceof InputImageError;

export const USE_SUPPORTED = 'Use a PNG, JPEG or WebP.';

export const CORRUPT_MESSAGE = 'The image could not be read (it may be truncated). Re-export it and try again.';

/** "“beach.png”" when the caller knows a name, else "This file"; names are quoted, never trusted. */
export const subject = (name?: string): string => (name ? `“${name}”` : 'This file');

export { formatBytes } from '../../../shared/format-bytes';

export function formatMegapixels(pixels: number): string {
  return `${(pixels / 1e6).toFixed(pixels < 10e6 ? 1 : 0)} MP`;
}
