// Library media (thumbnails, videos) lives under `app:info.mediaBase` on the page's own origin;
// records hold paths relative to the library folder. shared/media-url.ts builds the URL for both
// faces; in the browser host it is signed with this page's key, as the host requires.
import { mediaUrl as buildMediaUrl } from '../../shared/media-url';
import { hostMediaKey } from './host-session';

/** `version`: see shared/media-url.ts (an imported job's files may have changed under the same paths). */
export function mediaUrl(mediaBase: string | undefined, relativePath: string | undefined, version?: string): string | undefined {
  const key = hostMediaKey();
  return buildMediaUrl(mediaBase, relativePath, key ? { key, nowMs: Date.now() } : undefined, version);
}
