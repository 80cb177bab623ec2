// Entry point of the Electron main process (bundled to dist/main/main.cjs). Everything that must
// happen before `ready` happens here, in this order; the rest lives in lifecycle.ts.
import path from 'node:path';
import { app } from 'electron';
import { startVeoStudio } from './lifecycle';
import { registerPrivilegedSchemes } from './protocols';

export const APP_USER_MODEL_ID = 'tech.veostudio.app';

// Stack traces point at electron/main/*.ts rather than the bundle.
process.setSourceMapsEnabled(true);

// The same override the CLI honours, so both faces (and tests) can share a throw-away data folder.
// Set before the single-instance lock, which is scoped to the userData folder.
const dataDirOverride = process.env.VEO_STUDIO_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

registerPrivilegedSchemes();
app.setAppUserModelId(APP_USER_MODEL_ID);

if (app.requestSingleInstanceLock()) {
  startVeoStudio();
} else {
  // Another Veo Studio owns this data folder; it gets a 'second-instance' event and shows itself.
  app.quit();
}
