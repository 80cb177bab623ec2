import type { Catalog } from '../catalog-types';

// The desktop shell (electron/main): native menus, dialogs and notifications.
export const desktop = {
  // menu.ts: top-level menus
  'desktop.menu.file': 'File',
  'desktop.menu.edit': 'Edit',
  'desktop.menu.view': 'View',
  'desktop.menu.window': 'Window',
  'desktop.menu.help': 'Help',
  // menu.ts: our own items
  'desktop.menu.settingsEllipsis': 'Settings…',
  'desktop.menu.openImage': 'Open Image…',
  'desktop.menu.generate': 'Generate',
  'desktop.menu.openDataFolder': 'Open Data Folder',
  'desktop.menu.undoDelete': 'Undo Delete',
  'desktop.menu.findInLibrary': 'Find in Library',
  'desktop.menu.create': 'Create',
  'desktop.menu.library': 'Library',
  'desktop.menu.settings': 'Settings',
  'desktop.menu.jobsPanel': 'Jobs Panel',
  'desktop.menu.aboutModel': 'About the Veo 3 Model',
  // menu.ts / context-menu.ts: role items (Electron's own labels are English only)
  'desktop.role.about': 'About {appName}',
  'desktop.role.services': 'Services',
  'desktop.role.hide': 'Hide {appName}',
  'desktop.role.hideOthers': 'Hide Others',
  'desktop.role.unhide': 'Show All',
  'desktop.role.quit': 'Quit',
  'desktop.role.quitApp': 'Quit {appName}',
  'desktop.role.undo': 'Undo',
  'desktop.role.redo': 'Redo',
  'desktop.role.cut': 'Cut',
  'desktop.role.copy': 'Copy',
  'desktop.role.paste': 'Paste',
  'desktop.role.pasteAndMatchStyle': 'Paste and Match Style',
  'desktop.role.delete': 'Delete',
  'desktop.role.selectAll': 'Select All',
  'desktop.role.reload': 'Reload',
  'desktop.role.forceReload': 'Force Reload',
  'desktop.role.toggleDevTools': 'Toggle Developer Tools',
  'desktop.role.resetZoom': 'Actual Size',
  'desktop.role.zoomIn': 'Zoom In',
  'desktop.role.zoomOut': 'Zoom Out',
  'desktop.role.toggleFullScreen': 'Toggle Full Screen',
  'desktop.role.minimize': 'Minimize',
  'desktop.role.zoom': 'Zoom',
  'desktop.role.close': 'Close',
  'desktop.role.front': 'Bring All to Front',
  // context-menu.ts
  'desktop.context.noGuesses': 'No Guesses Found',
  'desktop.context.addToDictionary': 'Add to Dictionary',
  'desktop.context.copyImage': 'Copy Image',
  // job-activity.ts: notifications
  'desktop.notify.ready': 'Your video is ready',
  'desktop.notify.failed': 'Video generation failed',
  'desktop.notify.failedReason': 'The job failed.',
  // page-recovery.ts
  'desktop.recovery.title': 'Veo Studio’s window keeps failing to load',
  'desktop.recovery.detail':
    '{problem, select, crashed {The window’s page stopped ({reason}, exit code {exitCode})} other {The window’s page could not load ({reason} for {url})}}, {times} times in a row. Your library and running jobs are safe: they live outside the window. Try Reload; if it fails again, quit and start Veo Studio again (a very large picture dropped in may be the cause — try a smaller one).',
  'desktop.recovery.reload': 'Reload',
  'desktop.recovery.quit': 'Quit Veo Studio',
  // lifecycle.ts
  'desktop.startup.failed': 'Veo Studio could not start',
  // open-image-dialog.ts
  'desktop.dialog.openImage': 'Open Image',
  'desktop.dialog.open': 'Open',
  'desktop.dialog.imagesFilter': 'Images (PNG, JPEG, WebP)',
  // native-platform.ts
  'desktop.dialog.saveVideoAs': 'Save video as',
  'desktop.dialog.mp4Filter': 'MP4 video',
  'desktop.dialog.exportTitle': 'Export library to folder',
  'desktop.dialog.exportButton': 'Export here',
  'desktop.dialog.importTitle': 'Import library from folder',
  'desktop.dialog.importButton': 'Import',
  'desktop.saveAs.failed':
    'Could not save the video to {path} ({why, select, permission {permission denied} diskFull {the disk is full} unknown {copy failed} other {{errno}}}).',
} as const satisfies Catalog<'desktop'>;
