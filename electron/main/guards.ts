// Applies the decisions of security.ts to every webContents and to the session: blocked navigation,
// no new windows (https links go to the browser), no <webview>, next to no permissions.
import { app, shell, type Session, type WebContents } from 'electron';
import { allowNavigation, allowPermission, decideWindowOpen } from './security';

/** Guards every webContents this app ever creates, including ones we did not ask for. */
export function installWebContentsGuards(origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins));
}

export function guardWebContents(contents: WebContents, origins: readonly string[]): void {
  const blockUnlessTrusted = (event: { preventDefault(): void }, url: string): void => {
    if (!allowNavigation(url, origins)) {
      event.preventDefault();
      console.warn(`[veo] blocked navigation to ${describeUrl(url)}`);
    }
  };
  contents.on('will-navigate', (event) => blockUnlessTrusted(event, event.url));
  contents.on('will-frame-navigate', (event) => blockUnlessTrusted(event, event.url));
  contents.on('will-redirect', (event) => blockUnlessTrusted(event, event.url));

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission prompts never reach the user: the handler answers for them. */
export function installPermissionGuards(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin, origins));
}

/** Logs a blocked URL without its query string (which could carry tokens). */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
