// Who may talk to the browser host. It listens on loopback only, but any local program or web page
// can reach loopback, so every request that reaches the core must prove it came from the page we
// opened. Never by cookie: cookies are not separated by port, so every other server on 127.0.0.1
// the browser visits would receive it (and a page there could plant look-alikes that lock the user
// out). The token lives in the page's memory; the page presents it on the WebSocket handshake and
// signs media URLs with a key derived from it. On top: the exact Host we bound to (blocks DNS
// rebinding), our own Origin on the socket (blocks other local pages), and media fetched only by
// our own page (Sec-Fetch-Site).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { checkMediaUrl, mediaKeyFromToken, type MediaUrlCheck } from '../../shared/media-url';
import { tokenFromProtocols } from '../../shared/wire-protocol';

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

export class HostAccess {
  private readonly tokenDigest: Buffer;
  private readonly mediaKey: string;

  constructor(
    readonly token: string,
    /** `http://127.0.0.1:<port>` */
    readonly origin: string,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenDigest = digest(token);
    this.mediaKey = mediaKeyFromToken(token);
  }

  /** Constant-time: comparing fixed-size digests leaks neither content nor length. */
  isToken(candidate: string | null | undefined): boolean {
    if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1000) return false;
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  /** The token offered in Sec-WebSocket-Protocol (see shared/wire-protocol.ts). */
  hasSocketToken(req: IncomingMessage): boolean {
    const header = req.headers['sec-websocket-protocol'];
    if (typeof header !== 'string' || header.length > 2000) return false;
    return this.isToken(tokenFromProtocols(header.split(',').map((p) => p.trim())));
  }

  /** `encodedPath` as requested, after `/media/`. */
  checkMedia(encodedPath: string, query: URLSearchParams): MediaUrlCheck {
    return checkMediaUrl(this.mediaKey, encodedPath, query, this.now());
  }

  /** The Host header must name the address we bound to, not some name that resolves to it. */
  isOwnHost(req: IncomingMessage): boolean {
    return req.headers.host === new URL(this.origin).host;
  }

  isOwnOrigin(req: IncomingMessage): boolean {
    return req.headers.origin === this.origin;
  }

  /**
   * Browsers say who started a request. Another port of 127.0.0.1 is "same-site", not
   * "same-origin": a media URL that leaked out of the page still cannot be embedded there.
   * Absent (not a browser) or "none" (typed into the address bar) is left to the signature.
   */
  isOwnPageOrTyped(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
