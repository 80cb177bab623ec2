// Where `require('electron')` would point, found without requiring it: the electron package's
// index.js starts a download when its binary is missing, and this must never download anything.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The Electron executable in <root>/node_modules/electron, or undefined when none is installed. */
export function electronBinary(root) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : path.join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}
