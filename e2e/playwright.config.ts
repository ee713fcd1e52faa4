// Playwright drives Debian's Chromium (Playwright cannot download browsers here) against the
// production build served by `vite preview`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  outputDir: '../test-output/playwright',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:4178',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-precise-memory-info',
      ],
    },
  },
  webServer: [
    {
      command: 'npx vite preview --port 4178 --strictPort',
      cwd: '..',
      url: 'http://localhost:4178',
      reuseExistingServer: !process.env.CI,
      env: {
        READFORGE_EDGE: 'http://127.0.0.1:8796',
        // The local S3 buckets: s3rver's, and the private one remote.spec.ts starts on 4571.
        READFORGE_CONNECT_ORIGINS: 'http://127.0.0.1:4569 http://127.0.0.1:4571',
      },
    },
    {
      // The edge API on workerd, reading the local S3 bucket below.
      command:
        'rm -rf build-edge-e2e/state && ' + // shared runs start from none
        'node scripts/build-edge.mjs --out build-edge-e2e --port 8796 --test-port 8791 --s3 http://127.0.0.1:4569 && ' +
        'npx workerd serve --experimental build-edge-e2e/config.capnp',
      cwd: '..',
      url: 'http://127.0.0.1:8796/api/health',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The local S3 bucket with the demo references (the last object it uploads is the probe).
      command: 'node scripts/local-s3.mjs 4569',
      cwd: '..',
      url: 'http://127.0.0.1:4569/readforge-demo/ecoli-536.fa.gz.gzi',
      reuseExistingServer: !process.env.CI,
      // Stopped, not killed: it removes its bucket's folder.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
    },
  ],
});
