// Checks a picture link the user pasted instead of a file. The server fetches it, and the link is kept
// in the job history, so it must be public https and must not carry credentials. Messages never
// repeat the link itself: it may contain a token the user did not mean to show.
import { InputImageError } from './input-error';

export interface ImageUrlOptions {
  /** Allow plain http to loopback hosts (the simulator serves test pictures there). */
  allowInsecureLocal?: boolean;
}

const MAX_URL_LENGTH = 4096;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const PASTE_HINT = 'Paste a public https:// link to a PNG, JPEG or WebP image, or drop the file itself.';

const badUrl = (message: string): InputImageError => new InputImageError('bad_url', message);

export function checkImageUrl(url: string, opts: ImageUrlOptions = {}): { url: string } {
  const text = url.trim();
  if (!text) throw badUrl(`The link is empty. ${PASTE_HINT}`);
  if (text.length > MAX_URL_LENGTH) throw badUrl(`The link is too long (over ${MAX_URL_LENGTH} characters). ${PASTE_HINT}`);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw badUrl(`That is not a web address. ${PASTE_HINT}`);
  }
  const scheme = parsed.protocol;
  if (scheme === 'data:') {
    throw badUrl('Data links are not accepted here. Drop the image file instead: it will be checked and resized first.');
  }
  const insecureLocal = scheme === 'http:' && opts.allowInsecureLocal === true && LOOPBACK_HOSTS.has(parsed.hostname);
  if (scheme === 'http:' && !insecureLocal) {
    throw badUrl('Only https:// links are accepted: change http:// to https://, or drop the file itself.');
  }
  if (scheme !== 'https:' && !insecureLocal) {
    throw badUrl(`Links starting with “${scheme}” cannot be used. ${PASTE_HINT}`);
  }
  if (!parsed.hostname) throw badUrl(`The link has no host name. ${PASTE_HINT}`);
  if (parsed.username || parsed.password) {
    throw badUrl(
      'The link contains a user name or password. Remove them: the link is sent to the server and kept in the job history.',
    );
  }
  return { url: parsed.href };
}
