// The security decisions of the shell, as pure functions over plain values: what may navigate,
// what may open, who may talk IPC, which permissions a page gets. guards.ts wires them to Electron;
// keeping them here (types only from 'electron') lets unit tests run them under plain Node.
import { originOf } from './app-origin';

/** True when `url` is on one of the trusted origins (the app's own). */
export function isTrustedUrl(url: string | null | undefined, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** `will-navigate` / `will-frame-navigate` / `will-redirect`: only moves within the app itself. */
export function allowNavigation(url: string, origins: readonly string[]): boolean {
  return isTrustedUrl(url, origins);
}

export interface WindowOpenDecision {
  /** Always 'deny': the app never opens a second Electron window from web content. */
  action: 'deny';
  /** Set when the link may be handed to the user's browser (https only). */
  openExternally?: string;
}

/**
 * `setWindowOpenHandler`: never a new Electron window. Plain https links (no embedded credentials)
 * go to the default browser; http, file, javascript, data, custom schemes… are dropped.
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny' };
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return { action: 'deny' };
  return { action: 'deny', openExternally: parsed.href };
}

/** What the IPC layer knows about the frame a message came from. */
export interface SenderFacts {
  /** URL of the sending frame (null when the frame is gone). */
  frameUrl: string | null | undefined;
  /** The top-level frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** Its webContents belongs to a window this process created. */
  fromOurWindow: boolean;
}

/** Only the main frame of one of our windows, showing our own page, may use the API. */
export function isTrustedSender(sender: SenderFacts, origins: readonly string[]): boolean {
  return sender.fromOurWindow && sender.isMainFrame && isTrustedUrl(sender.frameUrl, origins);
}

/**
 * Permissions a page may get. Copying text (the "copy details" button) and fullscreen video are
 * the only ones the UI needs; camera, microphone, geolocation, notifications (main posts those),
 * USB, HID… are all refused.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function allowPermission(permission: string, requestingUrl: string | null | undefined, origins: readonly string[]): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, origins);
}

