// Playwright: end-to-end tests against the production build (node build/server.js) on a fresh
// embedded database in demo mode, with emails captured by a mock Resend API. `npm run test:e2e`
// builds first. One worker: the server holds one PGlite database and tests share its demo data.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const root = import.meta.dirname
const PORT = Number(process.env.E2E_PORT ?? 3100)
const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 3999)
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(root, 'tests/.tmp/e2e-data')
const baseURL = `http://127.0.0.1:${PORT}`

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
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Generous limits: on a contended 2-core CI machine (measured 29 Nov 2026: the whole suite ran 2.8x
  // slower than the day before) pages that take 1 s locally took long enough to hit 30 s / 5 s limits.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    {
      name: 'mock-resend',
      command: 'node --import tsx tests/mocks/resend-server.ts',
      url: `http://127.0.0.1:${MAIL_PORT}/__health`,
      env: { MOCK_RESEND_PORT: String(MAIL_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'waypoint',
      // A fresh embedded database every run: migrated and seeded with the demo data on start.
      command: `rm -rf '${DATA_DIR}' && exec node build/server.js`,
      url: `${baseURL}/healthz`,
      env: {
        NODE_ENV: 'production',
        PORT: String(PORT),
        DEMO_MODE: 'true',
        DATA_DIR,
        APP_URL: baseURL,
        RESEND_API_KEY: 're_test',
        RESEND_BASE_URL: `http://127.0.0.1:${MAIL_PORT}`,
        // Per-account lockout is what the tests exercise; a per-IP limit would lock out the suite.
        LOGIN_MAX_FAILURES_PER_IP: '1000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
