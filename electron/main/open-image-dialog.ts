// File ▸ Open Image…: the native chooser, opened here in main. It used to be a command to the page,
// which then clicked a hidden <input type=file>; that failed twice over: from Library or Settings
// the Create view was not mounted to receive it, and a menu click is no user gesture inside the
// page, so Chromium refused the chooser. dialog.showOpenDialog needs neither (Electron docs,
// dialog.md: attached to `window` it is a sheet on macOS). The chosen path then takes exactly the
// road "Open with" takes (DesktopShell.openImage → app:openImage → the Create drop zone).
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { dialog } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage } from '../../shared/i18n/messages';
import { OPENABLE_EXTENSIONS } from './open-files';

/** The chooser's options in `locale` (the OS draws the dialog, but its title and filter names are ours). */
export function openImageDialog(locale: Locale): OpenDialogOptions {
  return {
    title: formatMessage(locale, 'desktop.dialog.openImage'),
    buttonLabel: formatMessage(locale, 'desktop.dialog.open'),
    filters: [{ name: formatMessage(locale, 'desktop.dialog.imagesFilter'), extensions: OPENABLE_EXTENSIONS.map((ext) => ext.slice(1)) }],
    properties: ['openFile'],
  };
}

/** Asks for one picture; hands its path on, or does nothing when the user cancels. */
export async function chooseImage(parent: BrowserWindow | undefined, locale: Locale, open: (path: string) => void): Promise<void> {
  const options = openImageDialog(locale);
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const path = choice.canceled ? undefined : choice.filePaths[0];
  if (path) open(path);
}
