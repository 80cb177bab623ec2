// Where Veo Studio keeps its data. The default matches Electron's `app.getPath('userData')` for the
// product name "Veo Studio", so the desktop app and the CLI share one library and one settings file.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Veo Studio';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VEO_STUDIO_DATA_DIR) return env.VEO_STUDIO_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export const libraryDir = (dataDir: string): string => join(dataDir, 'library');
export const settingsFile = (dataDir: string): string => join(dataDir, 'settings.json');
