// Who may talk to the browser host. It listens on loopback only, but any local program or web page
// can reach loopback, so every request must prove it came from the page we opened: the per-run token
// (in the printed URL once, then in an HttpOnly SameSite=Strict cookie), the exact Host we bound to
// (blocks DNS rebinding) and, for the WebSocket, our own Origin (blocks other local pages).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HOST_COOKIE } from '../../shared/wire-protocol';

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

export class HostAccess {
  private readonly tokenDigest: Buffer;

  constructor(
    readonly token: string,
    /** `http://127.0.0.1:<port>` */
    readonly origin: string,
  ) {
    this.tokenDigest = digest(token);
  }

  get cookieHeader(): string {
    return `${HOST_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Constant-time: comparing fixed-size digests leaks neither content nor length. */
  isToken(candidate: string | null | undefined): boolean {
    if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1000) return false;
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  hasCookie(req: IncomingMessage): boolean {
    return this.isToken(readCookie(req.headers.cookie, HOST_COOKIE));
  }

  /** The Host header must name the address we bound to, not some name that resolves to it. */
  isOwnHost(req: IncomingMessage): boolean {
    return req.headers.host === new URL(this.origin).host;
  }

  isOwnOrigin(req: IncomingMessage): boolean {
    return req.headers.origin === this.origin;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
