import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './testkit/chromium';

/**
 * Port and build folder of the preview server. Defaults serve `dist/` on 4173; several people
 * (or agents) testing at once each set PW_PORT and PW_DIST (built with `vite build --outDir`).
 */
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.PW_DIST;

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output folder when a run starts: parallel runs each keep their own.
  outputDir: process.env.PW_PORT ? `test-results/port-${PORT}` : 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The built app installs a service worker. A controlling worker answers requests that
    // page.route() then never sees (several tests corrupt or patch files that way), and its
    // precaching would download the whole app a second time in every test. Only the offline
    // tests, which are about it, allow it (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    // `npm run preview` by default; with PW_PORT (and PW_DIST) the same server on that port (and folder).
    command:
      PORT === 4173 && !DIST
        ? 'npm run preview'
        : `npx vite preview --port ${PORT} --strictPort${DIST ? ` --outDir ${DIST}` : ''}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
