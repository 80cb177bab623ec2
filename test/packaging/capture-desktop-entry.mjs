// Test-only electron-builder afterPack hook (passed with --config.afterPack by the packaging test).
// The `dir` target writes no .desktop file, and the AppImage/deb targets that do need tools that
// are downloaded on first use. So ask electron-builder's own LinuxTargetHelper, the code those
// targets call, for the entry the deb would install, and leave it next to the unpacked app.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export default async function captureDesktopEntry(context) {
  if (context.electronPlatformName !== 'linux') return;
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper');
  const helper = new LinuxTargetHelper(context.packager);
  const packager = context.packager;
  // What the deb target uses: the linux options overlaid with the deb ones.
  const debOptions = { ...packager.platformSpecificBuildOptions, ...(packager.config.deb ?? {}) };
  const entry = await helper.computeDesktopEntry(debOptions);
  await writeFile(path.join(context.outDir, 'desktop-entry.txt'), entry);
}
