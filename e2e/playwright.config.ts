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
  webServer: {
    command: 'npx vite preview --port 4178 --strictPort',
    cwd: '..',
    url: 'http://localhost:4178',
    reuseExistingServer: !process.env.CI,
  },
});
