// Grabs the frame a <video> is showing: as PNG bytes ("continue from frame") or as a small JPEG (a
// poster). Library media is same-origin in the browser host (/media/…) and in Electron
// (app://veo/media/…), so the canvas is never tainted and toBlob is allowed; a cross-origin source
// would make toBlob throw a SecurityError, reported as is.
import type { Locale } from '../../../shared/i18n/locales';
import { formatMessage, renderMessage, type MessageId, type MessageParams } from '../../../shared/i18n/messages';

/**
 * Why a frame could not be taken, as a coded message: `message` is the English sentence (logs, a
 * caller that knows no catalog), the code is what the page shows in its language (renderMessage).
 */
export class FrameError extends Error {
  constructor(
    readonly code: MessageId,
    readonly params?: MessageParams,
  ) {
    super(formatMessage('en', code, params));
    this.name = 'FrameError';
  }
}

/** What to tell the user about a failed capture: ours in `locale`; the browser's own (a SecurityError…) as it came. */
export function whyNoFrame(locale: Locale, err: unknown): string {
  if (err instanceof FrameError) return renderMessage(locale, err);
  return err instanceof Error ? err.message : String(err);
}

/** The rate Veo renders at (the simulator's clip too). */
export const FRAMES_PER_SECOND = 24;
/** One frame: what "," and "." step by. */
export const FRAME_SECONDS = 1 / FRAMES_PER_SECOND;
/** "Use last frame": seeking to the exact duration shows nothing in some decoders, so stay just short. */
export const LAST_FRAME_OFFSET = 0.05;

export interface CapturedFrame {
  name: string;
  base64: string;
  width: number;
  height: number;
}

/** `frame-1.250.png` for t = 1.25 s: the file name tells which moment it came from. */
export function frameFileName(seconds: number): string {
  return `frame-${Math.max(0, seconds).toFixed(3)}.png`;
}

export function lastFrameTime(duration: number): number {
  return Number.isFinite(duration) && duration > 0 ? Math.max(0, duration - LAST_FRAME_OFFSET) : 0;
}

/** Moves the playhead and resolves once the new frame is decoded (or at once if already there). */
export async function seekTo(video: HTMLVideoElement, seconds: number): Promise<void> {
  await metadataReady(video);
  const duration = Number.isFinite(video.duration) ? video.duration : seconds;
  const target = Math.max(0, Math.min(duration, seconds));
  if (Math.abs(video.currentTime - target) < 1e-3 && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return;
  const seeked = once(video, 'seeked');
  video.currentTime = target;
  await seeked;
}

/** Resolves once the video's duration and size are known. */
export async function metadataReady(video: HTMLVideoElement): Promise<void> {
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await once(video, 'loadedmetadata');
}

export async function captureFrame(video: HTMLVideoElement): Promise<CapturedFrame> {
  const canvas = await drawFrame(video);
  return { name: frameFileName(video.currentTime), base64: await canvasToBase64(canvas, 'image/png'), width: canvas.width, height: canvas.height };
}

/** The frame at the playhead as a JPEG no longer than `longEdge` on its long side (a poster). */
export async function captureJpeg(video: HTMLVideoElement, longEdge: number, quality: number): Promise<CapturedFrame> {
  const canvas = await drawFrame(video, longEdge);
  const base64 = await canvasToBase64(canvas, 'image/jpeg', quality);
  return { name: frameFileName(video.currentTime), base64, width: canvas.width, height: canvas.height };
}

/** Draws the decoded frame at the playhead, scaled down (never up) to fit `longEdge` when given. */
async function drawFrame(video: HTMLVideoElement, longEdge = Number.POSITIVE_INFINITY): Promise<HTMLCanvasElement> {
  await frameReady(video);
  const { videoWidth, videoHeight } = video;
  if (!videoWidth || !videoHeight) throw new FrameError('frames.capture.noPicture');
  const scale = Math.min(1, longEdge / Math.max(videoWidth, videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(videoWidth * scale));
  canvas.height = Math.max(1, Math.round(videoHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new FrameError('frames.capture.cannotDraw');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

async function canvasToBase64(canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<string> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  if (!blob) throw new FrameError('frames.capture.cannotEncode', { format: type === 'image/png' ? 'PNG' : 'JPEG' });
  return blobToBase64(blob);
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // In slices: String.fromCharCode(...bytes) overflows the argument limit for a full-HD PNG.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Waits until the frame at the playhead is decoded. `loadeddata` fires once per load, so after a
 * seek (readyState drops while seeking) we wait for whichever progress event comes next instead.
 */
async function frameReady(video: HTMLVideoElement, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (video.seeking || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    const left = deadline - Date.now();
    if (left <= 0) throw new FrameError('frames.capture.timedOut');
    // A bounded wait, so a decoder that never reports back cannot leave the buttons disabled forever.
    await Promise.race([onceAny(video, ['seeked', 'loadeddata', 'canplay', 'timeupdate']), new Promise((r) => setTimeout(r, Math.min(left, 500)))]);
  }
}

function onceAny(target: EventTarget, types: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      for (const type of types) target.removeEventListener(type, done);
      target.removeEventListener('error', fail);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = () => {
      cleanup();
      reject(new FrameError('frames.capture.unreadable'));
    };
    for (const type of types) target.addEventListener(type, done);
    target.addEventListener('error', fail);
  });
}

function once(target: EventTarget, type: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      target.removeEventListener('error', fail);
      resolve();
    };
    const fail = () => {
      target.removeEventListener(type, done);
      reject(new FrameError('frames.capture.unreadable'));
    };
    target.addEventListener(type, done, { once: true });
    target.addEventListener('error', fail, { once: true });
  });
}
