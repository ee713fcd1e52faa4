// The browser app: sources in web/, static files (demo references, icons) in public/, built
// into dist-app/. The wasm module is imported from build-wasm/ (scripts/build-wasm.sh).
// vite-plugin-pwa builds the service worker (web/src/sw/sw.ts) with the precache list and the web
// manifest: the app installs and works offline after one visit.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { securityHeaders } from './web/security-headers.ts';

export default defineConfig({
  root: 'web',
  publicDir: fileURLToPath(new URL('public', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('dist-app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false, // web/src/app/updates.ts registers it and offers new versions
      manifest: {
        name: 'readforge: sequencing reads from a reference',
        short_name: 'readforge',
        description:
          'Simulates sequencing reads (FASTQ) from a reference genome, in the page: the data never leaves the machine.',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          {
            src: '/icons/icon-192.png',
            sizes: '192x192',
            type: 'image/png',
            purpose: 'any maskable',
          },
          {
            src: '/icons/icon-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'any maskable',
          },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The shell, the module and Workers, the mitochondrial reference and the shipped
        // profile; E. coli (5 MB) is cached at first use instead (web/src/sw/sw.ts).
        globPatterns: [
          '**/*.{html,js,css,wasm,svg,png,webmanifest}',
          'refs/MT-human.fa*',
          'profiles/*',
        ],
        maximumFileSizeToCacheInBytes: 8 << 20,
      },
    }),
  ],
  // /api goes to the edge API (workerd; scripts/build-edge.mjs), so "Run on the server" is
  // same-origin.
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': process.env.READFORGE_EDGE ?? 'http://127.0.0.1:8787' },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: securityHeaders(),
    proxy: { '/api': process.env.READFORGE_EDGE ?? 'http://127.0.0.1:8787' },
  },
});
