// How real Electron and Chromium behave where a lenient fake would be kinder, written once for
// fake-electron.ts (which applies them) and for tests (which build inputs with them):
// - Custom-scheme origins. A response from a custom scheme other than the page's own origin is opaque
//   to canvas unless the scheme is CORS-enabled and the request is CORS (electron#51152): reading
//   pixels from it taints the canvas. `canvasCanRead(pageUrl, mediaUrl)` answers as Chromium would,
//   from the schemes the bundle registered, so a test can check the origin layout the app really uses.
// - What a protocol handler is given. `protocolRequest()` builds the Request exactly as Electron's
//   protocol.handle does (lib/browser/api/protocol.ts): url, headers, method, referrer — no
//   initiator — and an `Origin: null` header dropped. Tests serve through it, never a hand-made Request.
// - Menu items as Electron makes them (lib/browser/api/menu-item.ts:34-63): the role lower-cased, the
//   role's default label and type filled in, a submenu turned into a Menu (read its `.items`).

export interface MenuTemplateItem {
  label?: string;
  role?: string;
  enabled?: boolean;
  accelerator?: string;
  type?: string;
  click?: (...args: unknown[]) => void;
  submenu?: MenuTemplateItem[];
}

/** A built menu item: what `menu.items[i]` holds in Electron. */
export interface FakeMenuItem extends Omit<MenuTemplateItem, 'submenu'> {
  label: string;
  type: string;
  submenu?: { items: FakeMenuItem[] };
}

/** Electron 45's default labels (lib/browser/api/menu-item-roles.ts) for the roles the app uses, off macOS. */
const ROLE_LABELS: Record<string, string> = {
  about: 'About', close: 'Close', copy: 'Copy', cut: 'Cut', delete: 'Delete', forcereload: 'Force Reload',
  front: 'Bring All to Front', help: 'Help', hide: 'Hide Veo Studio', hideothers: 'Hide Others', minimize: 'Minimize',
  paste: 'Paste', pasteandmatchstyle: 'Paste and Match Style', quit: 'Quit', redo: 'Redo', reload: 'Reload',
  resetzoom: 'Actual Size', selectall: 'Select All', services: 'Services', toggledevtools: 'Toggle Developer Tools',
  togglefullscreen: 'Toggle Full Screen', undo: 'Undo', unhide: 'Show All', window: 'Window', zoom: 'Zoom',
  zoomin: 'Zoom In', zoomout: 'Zoom Out', filemenu: 'File', editmenu: 'Edit', viewmenu: 'View', windowmenu: 'Window',
};

export function buildMenuItem(template: MenuTemplateItem): FakeMenuItem {
  const role = template.role?.toLowerCase();
  const submenu = template.submenu ? { items: template.submenu.map(buildMenuItem) } : undefined;
  return {
    ...template,
    ...(role !== undefined ? { role } : {}),
    label: template.label ?? (role ? (ROLE_LABELS[role] ?? '') : ''),
    type: template.type ?? (submenu ? 'submenu' : 'normal'),
    ...(submenu ? { submenu } : {}),
  } as FakeMenuItem;
}

interface RegisteredScheme {
  scheme: string;
  privileges?: { corsEnabled?: boolean };
}

/**
 * Whether a page may read pixels of media it loaded from `mediaUrl` (canvas drawImage + toBlob).
 * Same origin: yes. Another custom-scheme origin: only when that scheme is registered corsEnabled
 * (and the element asks with crossOrigin, which the app would have to set); otherwise the response
 * is opaque and the canvas is tainted, as in Electron 41+ (electron#51152).
 */
export function canvasCanRead(schemes: unknown[], pageUrl: string, mediaUrl: string): boolean {
  const page = new URL(pageUrl);
  const media = new URL(mediaUrl);
  if (page.protocol === media.protocol && page.host === media.host) return true;
  const scheme = media.protocol.replace(/:$/, '');
  const registered = (schemes as RegisteredScheme[]).find((s) => s.scheme === scheme);
  return registered?.privileges?.corsEnabled === true;
}

export interface ProtocolRequestInit {
  method?: string;
  headers?: Record<string, string>;
  referrer?: string;
}

/** The Request Electron 45 hands a `protocol.handle` handler (lib/browser/api/protocol.ts:129-142). */
export function protocolRequest(url: string, init: ProtocolRequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (headers.get('origin') === 'null') headers.delete('origin');
  return new Request(url, { headers, method: init.method ?? 'GET', referrer: init.referrer ?? '' });
}
