// The browser app: sources in web/, static files (demo references) in public/, built into
// dist-app/. The wasm module is imported from build-wasm/ (scripts/build-wasm.sh).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  build: { outDir: '../dist-app', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
  preview: { port: 4173, strictPort: true },
});
