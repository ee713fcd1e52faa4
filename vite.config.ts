// The browser app: sources in web/, static files (demo references) in public/, built into
// dist-app/. The wasm module is imported from build-wasm/ (scripts/build-wasm.sh).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  build: { outDir: '../dist-app', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  // /api goes to the edge API (workerd; scripts/build-edge.mjs), so "Run on the server" is
  // same-origin.
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': process.env.READFORGE_EDGE ?? 'http://127.0.0.1:8787' },
  },
  preview: {
    port: 4173,
    strictPort: true,
    proxy: { '/api': process.env.READFORGE_EDGE ?? 'http://127.0.0.1:8787' },
  },
});
