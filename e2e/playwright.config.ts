import { defineConfig } from '@playwright/test';
import { e2eChromium } from './browser';

// CHROMIUM_PATH, else Playwright's own Chromium, else a system one on PATH; else stop with how to get one.
const browser = e2eChromium();
if (!browser.ok) {
  console.error(browser.message);
  process.exit(1);
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  use: {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'off',
    launchOptions: {
      executablePath: browser.executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
