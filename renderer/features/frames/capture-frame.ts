// Grabs the frame a <video> is showing as PNG bytes. Library media is same-origin in the browser
// host (/media/…) and in Electron (app://veo/media/…), so the canvas is never tainted
// and toBlob is allowed; a cross-origin source would make toBlob throw a SecurityError, reported as is.

/** One frame at 24 fps, the rate Veo renders at: what "," and "." step by. */
export const FRAME_SECONDS = 1 / 24;
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
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await once(video, 'loadedmetadata');
  const duration = Number.isFinite(video.duration) ? video.duration : seconds;
  const target = Math.max(0, Math.min(duration, seconds));
  if (Math.abs(video.currentTime - target) < 1e-3 && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return;
  const seeked = once(video, 'seeked');
  video.currentTime = target;
  await seeked;
}

export async function captureFrame(video: HTMLVideoElement): Promise<CapturedFrame> {
  await frameReady(video);
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new Error('The video has no picture to take a frame from.');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw video frames.');
  context.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The frame could not be encoded as PNG.');
  return { name: frameFileName(video.currentTime), base64: await blobToBase64(blob), width, height };
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
    if (left <= 0) throw new Error('The video did not show a frame in time. Play it once, then try again.');
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
      reject(new Error('The video could not be read.'));
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
      reject(new Error('The video could not be read.'));
    };
    target.addEventListener(type, done, { once: true });
    target.addEventListener('error', fail, { once: true });
  });
}
