import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './test/e2e/chromium';

// Debian's Chromium, never a downloaded browser (the machines have no network).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumFlags },
    viewport: { width: 1280, height: 800 },
  },
});
