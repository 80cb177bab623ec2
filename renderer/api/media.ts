// Library media (thumbnails, videos) lives under `app:info.mediaBase` on the page's own origin;
// records hold paths relative to the library folder. shared/media-url.ts builds the URL for both
// faces; in the browser host it is signed with this page's key, as the host requires.
import { mediaUrl as buildMediaUrl } from '../../shared/media-url';
import { hostMediaKey } from './host-session';

/**
 * `version` (an imported job's importedAt) makes a new URL for files that may have changed under
 * the same path: the browser reuses an image it already holds for a URL without asking again. The
 * host and the app:// handler ignore it (the signature covers the path and expiry only).
 */
export function mediaUrl(mediaBase: string | undefined, relativePath: string | undefined, version?: string): string | undefined {
  const key = hostMediaKey();
  const url = buildMediaUrl(mediaBase, relativePath, key ? { key, nowMs: Date.now() } : undefined);
  if (!url || !version) return url;
  return `${url}${url.includes('?') ? '&' : '?'}v=${encodeURIComponent(version)}`;
}
