// Draws a job's poster from its video file: a <video> that is never attached to the page loads the
// clip from the library (same origin, so the canvas stays readable), seeks, and hands the frame to
// captureJpeg. One element per poster, released at once: a grid never holds a decoder per tile.
import { defaultPosterTime, POSTER_LONG_EDGE, POSTER_QUALITY } from '../../../shared/poster';
import { captureJpeg, metadataReady, seekTo } from './capture-frame';

export interface PosterFrame {
  seconds: number;
  base64: string;
}

/** The frame at `seconds` (default: shared/poster.ts's choice for the clip's length) as a poster JPEG. */
export async function posterFromVideoUrl(url: string, seconds?: number): Promise<PosterFrame> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = url;
  try {
    await metadataReady(video);
    await seekTo(video, seconds ?? defaultPosterTime(video.duration));
    return await posterFromVideo(video);
  } finally {
    // Frees the decoder and the connection now, not whenever the element is collected.
    video.removeAttribute('src');
    video.load();
  }
}

/** The frame a (playing or paused) player shows now, as a poster JPEG: "Use this frame as poster". */
export async function posterFromVideo(video: HTMLVideoElement): Promise<PosterFrame> {
  const frame = await captureJpeg(video, POSTER_LONG_EDGE, POSTER_QUALITY);
  return { seconds: video.currentTime, base64: frame.base64 };
}
