// The numbers an input picture is prepared to, written once for the two places that prepare one:
// the page (Chromium, renderer/features/create/image-prepare.ts) and the core under plain Node
// (sharp, electron/core/media/encode.ts), and for the core's checks of what the page sends.

/** Largest payload sent as image_url, before base64 (fal states 8 MB for the Veo models). */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
/** Long edge the payload is downscaled to; 1920 is all a 1080p video needs. */
export const TARGET_LONG_EDGE = 1920;
/** The library / preview thumbnail: a JPEG at most this long on its long side. */
export const THUMBNAIL_LONG_EDGE = 320;
export const THUMBNAIL_QUALITY = 80;
/** Tried in order until the payload fits; 90 keeps re-encoding loss invisible for a first frame. */
export const PAYLOAD_QUALITIES = [90, 82, 74, 66, 58, 50] as const;
/** When even the lowest quality is too big, shrink by this much and try again, down to MIN_LONG_EDGE. */
export const SHRINK_STEP = 0.75;
export const MIN_LONG_EDGE = 480;
/** Transparent pixels become white: JPEG has no alpha and a white page is what editors show. */
export const FLATTEN_BACKGROUND = '#ffffff';
