// File ▸ Open Image…: the native chooser, opened here in main. It used to be a command to the page,
// which then clicked a hidden <input type=file>; that failed twice over: from Library or Settings
// the Create view was not mounted to receive it, and a menu click is no user gesture inside the
// page, so Chromium refused the chooser. dialog.showOpenDialog needs neither (Electron docs,
// dialog.md: attached to `window` it is a sheet on macOS). The chosen path then takes exactly the
// road "Open with" takes (DesktopShell.openImage → app:openImage → the Create drop zone).
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { dialog } from 'electron';
import { OPENABLE_EXTENSIONS } from './open-files';

export const OPEN_IMAGE_DIALOG: OpenDialogOptions = {
  title: 'Open Image',
  buttonLabel: 'Open',
  filters: [{ name: 'Images (PNG, JPEG, WebP)', extensions: OPENABLE_EXTENSIONS.map((ext) => ext.slice(1)) }],
  properties: ['openFile'],
};

/** Asks for one picture; hands its path on, or does nothing when the user cancels. */
export async function chooseImage(parent: BrowserWindow | undefined, open: (path: string) => void): Promise<void> {
  const choice = parent ? await dialog.showOpenDialog(parent, OPEN_IMAGE_DIALOG) : await dialog.showOpenDialog(OPEN_IMAGE_DIALOG);
  const path = choice.canceled ? undefined : choice.filePaths[0];
  if (path) open(path);
}
