import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (`npx playwright install` is not used).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    // A screenshot and a trace of every test cost about a third of the suite's time on a 2-core
    // machine (149 s → 107 s for four specs): a screenshot on failure only, and a trace when
    // asked for (PW_TRACE=1 npx playwright test …) to look into a failure.
    screenshot: 'only-on-failure',
    trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off',
    viewport: { width: 1400, height: 860 },
    locale: 'vi-VN',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
