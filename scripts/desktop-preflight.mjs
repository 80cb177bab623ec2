// Builds electron/core/media/preflight.ts into one CommonJS file with the same sharp resolution the
// desktop main bundle uses (scripts/sharp-wasm-plugin.mjs), so the benchmark and the tests measure
// and check the image path the desktop app really runs, under plain Node.
//   node scripts/desktop-preflight.mjs <outfile>
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sharpWasmOnly } from './sharp-wasm-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildDesktopPreflight(outfile) {
  await build({
    // The preflight API plus the sharp it resolved, so a test can see which binding that is.
    stdin: {
      contents: "export * from './electron/core/media/preflight';\nexport { versions as sharpVersions } from 'sharp';\n",
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['@img/sharp-wasm32'],
    plugins: [sharpWasmOnly(root)],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDesktopPreflight(path.resolve(process.argv[2] ?? 'dist/desktop-preflight.cjs'));
