// Builds the renderer (React) into dist/renderer. Relative asset URLs (`base: './'`) let the same
// build load from Electron's file-backed app origin and from the browser host's HTTP server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Chromium supports modulepreload natively; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
