// esbuild plugin for the Electron main bundle: sharp with its WebAssembly build only.
//
// Why: Electron's Linux binary links the system GLib while sharp's native libvips carries its own;
// decoding in any Electron process can then die with SIGSEGV, which no JavaScript can catch (sharp
// warns "SharpElectronLinux"; electron#46323, sharp#4351/#4522/#4525). sharp's loader tries the
// native bindings first and @img/sharp-wasm32 last (node_modules/sharp/dist/sharp.cjs), so a
// desktop build that merely ships the wasm package would still load libvips whenever the native one
// is installed (always, in a developer's `npm start`). This plugin bundles sharp's JavaScript into
// main.cjs and turns every native binding it could require into a module that throws, so the
// loader falls through to @img/sharp-wasm32, which stays external (its pthread workers are files
// and must sit in app.asar.unpacked). The CLI and the browser host run under plain Node, where
// native sharp is safe, and are not built with this plugin.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The only sharp binding the desktop app may load. */
export const SHARP_WASM_PACKAGE = '@img/sharp-wasm32';
/** Every other @img/sharp-* package (the wasm one is resolved first; esbuild's filters are Go regexps, no look-ahead). */
const NATIVE_BINDING = /^@img\/sharp-/;
/** require(`…${platform}…`) in sharp's loader: a locally compiled binding (esbuild would glob it). */
const COMPUTED_REQUIRE = /require\(`[^`]*`\)/g;

export function sharpWasmOnly(root) {
  const requireFromRoot = createRequire(`${root}/package.json`);
  return {
    name: 'sharp-wasm-only',
    setup(build) {
      build.onResolve({ filter: /^sharp$/ }, () => ({ path: requireFromRoot.resolve('sharp') }));
      build.onResolve({ filter: /^@img\/sharp-wasm32(\/|$)/ }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: NATIVE_BINDING }, (args) => ({ path: args.path, namespace: 'native-sharp-refused' }));
      build.onLoad({ filter: /[\\/]sharp[\\/]dist[\\/][a-z]+\.cjs$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(COMPUTED_REQUIRE, (call) => refuse(call.slice('require('.length, -1))),
        loader: 'js',
        resolveDir: args.path.replace(/[\\/][^\\/]+$/, ''),
      }));
      build.onLoad({ filter: /.*/, namespace: 'native-sharp-refused' }, (args) => ({
        contents: `${refuse(args.path)};`,
        loader: 'js',
      }));
    },
  };
}

function refuse(what) {
  const message = `${what}: native libvips is not loaded in Electron (GLib clash); using ${SHARP_WASM_PACKAGE}`;
  return `(() => { throw new Error(${JSON.stringify(message)}); })()`;
}
