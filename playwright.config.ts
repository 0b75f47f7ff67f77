// Playwright: end-to-end tests against the production build (node build/server.js) on a fresh
// embedded database in demo mode, with emails captured by a mock Resend API. `npm run test:e2e`
// builds first. Each worker starts its own server and mock API (tests/e2e/fixtures.ts), so spec
// files run in parallel, E2E_WORKERS at a time (default 2); the tests of one file run in order.
import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Debian's chromium where it exists (this offline machine and CI); Playwright's own elsewhere.
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      // Without the background-networking flags Chromium floods the closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }
  : {}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Generous limits: on a contended 2-core CI machine (measured 29 Nov 2026: the whole suite ran 2.8x
  // slower than the day before) pages that take 1 s locally took long enough to hit 30 s / 5 s limits.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
})
