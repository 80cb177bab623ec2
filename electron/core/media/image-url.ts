// Checks a picture link the user pasted instead of a file. The server fetches it, and the link is kept
// in the job history, so it must be public https and must not carry credentials. Messages never
// repeat the link itself: it may contain a token the user did not mean to show.
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';
import { InputImageError } from './input-error';

export interface ImageUrlOptions {
  /** Allow plain http to loopback hosts (the simulator serves test pictures there). */
  allowInsecureLocal?: boolean;
}

const MAX_URL_LENGTH = 4096;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const badUrl = (said: Said): InputImageError => new InputImageError('bad_url', said);

export function checkImageUrl(url: string, opts: ImageUrlOptions = {}): { url: string } {
  const text = url.trim();
  if (!text) throw badUrl(say('app.url.empty'));
  if (text.length > MAX_URL_LENGTH) throw badUrl(say('app.url.tooLong', { max: MAX_URL_LENGTH }));
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw badUrl(say('app.url.notAnAddress'));
  }
  const scheme = parsed.protocol;
  if (scheme === 'data:') {
    throw badUrl(say('app.url.dataLink'));
  }
  const insecureLocal = scheme === 'http:' && opts.allowInsecureLocal === true && LOOPBACK_HOSTS.has(parsed.hostname);
  if (scheme === 'http:' && !insecureLocal) {
    throw badUrl(say('app.url.httpsOnly'));
  }
  if (scheme !== 'https:' && !insecureLocal) {
    throw badUrl(say('app.url.scheme', { scheme }));
  }
  if (!parsed.hostname) throw badUrl(say('app.url.noHost'));
  if (parsed.username || parsed.password) {
    throw badUrl(say('app.url.credentials'));
  }
  return { url: parsed.href };
}
