// fal's runner downloads an http(s) image_url when the job starts and fails the job when it cannot or
// when what arrives is not an image; the simulator does the same, so a dead "Use link" fails here as
// it would there (docs/protocol.md, "Image URLs"). Bounded: one timeout for the whole download and a
// byte cap, counted while streaming. data: URIs carry their bytes and are not fetched.
import { sniffImageType } from '../media/sniff';
import { imageDownloadFailed, imageLoadFailed, type FailureAnswer, type PictureUrlField } from './failures';

export interface ImageFetchOptions {
  /** The whole download, connect to last byte (default 10 s). */
  timeoutMs?: number;
  /** Larger bodies are refused without reading on (default 10 MB, the app's own input limit). */
  maxBytes?: number;
}

const DEFAULTS: Required<ImageFetchOptions> = { timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024 };

const PICTURE_URL_FIELDS: readonly PictureUrlField[] = ['image_url', 'first_frame_url', 'last_frame_url'];

/** What fal would answer for the job's picture URLs (one, or first and last frame): the first failure, if any. */
export async function checkPictureUrls(input: Partial<Record<PictureUrlField, string>>, opts: ImageFetchOptions = {}): Promise<FailureAnswer | undefined> {
  for (const field of PICTURE_URL_FIELDS) {
    const url = input[field];
    const refused = url === undefined ? undefined : await checkImageUrlReachable(url, opts, field);
    if (refused) return refused;
  }
  return undefined;
}

/** What fal would answer for this picture URL: undefined when it is usable (or not an http(s) link). */
export async function checkImageUrlReachable(imageUrl: string, opts: ImageFetchOptions = {}, field: PictureUrlField = 'image_url'): Promise<FailureAnswer | undefined> {
  if (!/^https?:\/\//i.test(imageUrl)) return undefined;
  const { timeoutMs, maxBytes } = { ...DEFAULTS, ...opts };
  let bytes: Buffer;
  try {
    bytes = await download(imageUrl, timeoutMs, maxBytes);
  } catch (error) {
    return imageDownloadFailed(imageUrl, error instanceof Error ? error.message : String(error), field);
  }
  return sniffImageType(bytes) === undefined ? imageLoadFailed(imageUrl, field) : undefined;
}

async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Buffer> {
  const signal = AbortSignal.timeout(timeoutMs);
  // No credentials of any kind: fal's runner fetches the link as an anonymous client.
  const res = await fetch(url, { signal, redirect: 'follow', credentials: 'omit' });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`HTTP ${res.status}`);
  }
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw new Error(`larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
