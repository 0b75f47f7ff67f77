// Each Playwright worker runs its own Waypoint: the production build on a fresh embedded database
// seeded with the demo data, and its own mock Resend API. Workers then share nothing, so spec files
// run in parallel (E2E_WORKERS, default 2) without one file's changes reaching another's pages or
// mailbox. Specs import `test` from here; `baseURL` and the mailbox follow the worker's servers.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { test as base } from '@playwright/test'
import { setMailUrl } from './utils'
import { SERVER_NODE_FLAGS } from '../../scripts/node-flags.mjs'

export { expect } from '@playwright/test'
export type { Browser, BrowserContext, Page } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '../..')
const APP_PORT = Number(process.env.E2E_PORT ?? 3100)
const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 3999)
const DATA_DIR = process.env.E2E_DATA_DIR ?? path.join(root, 'tests/.tmp/e2e-data')
const START_TIMEOUT_MS = 180_000

interface Servers {
  baseURL: string
  mailURL: string
}

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`))
  return child
}

/** The demo seed is its own step (prisma/seed.ts), run before the server opens the database. */
async function seedDemoData(env: Record<string, string>): Promise<void> {
  const seed = start('seed', ['--import', 'tsx', 'prisma/seed.ts'], env)
  const code = await new Promise<number | null>((resolve) => seed.once('exit', resolve))
  if (code !== 0) throw new Error(`seeding the demo data failed (exit ${code})`)
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`)
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${START_TIMEOUT_MS / 1000} s`)
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const forced = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(forced)
}

export const test = base.extend<object, { servers: Servers }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument
    async ({}, use, workerInfo) => {
      const slot = workerInfo.parallelIndex
      const appPort = APP_PORT + slot
      const mailPort = MAIL_PORT + slot
      const baseURL = `http://127.0.0.1:${appPort}`
      const mailURL = `http://127.0.0.1:${mailPort}`
      const dataDir = `${DATA_DIR}-${slot}`
      for (const url of [baseURL, mailURL]) {
        if (await fetch(url).then(() => true, () => false)) throw new Error(`${url} is already in use: stop what runs there or set E2E_PORT / E2E_MAIL_PORT`)
      }
      rmSync(dataDir, { recursive: true, force: true })
      const appEnv = {
        NODE_ENV: 'production',
        PORT: String(appPort),
        DEMO_MODE: 'true',
        DATA_DIR: dataDir,
        APP_URL: baseURL,
        RESEND_API_KEY: 're_test',
        RESEND_BASE_URL: mailURL,
        // Per-account lockout is what the tests exercise; a per-IP limit would lock out the suite.
        LOGIN_MAX_FAILURES_PER_IP: '1000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      }
      await seedDemoData(appEnv)
      const mail = start(`mock-resend ${slot}`, ['--import', 'tsx', 'tests/mocks/resend-server.ts'], { MOCK_RESEND_PORT: String(mailPort) })
      const app = start(`waypoint ${slot}`, [...SERVER_NODE_FLAGS, 'build/server.js'], appEnv)
      try {
        await waitUntilUp(`${mailURL}/__health`, mail)
        await waitUntilUp(`${baseURL}/healthz`, app)
        setMailUrl(mailURL)
        await use({ baseURL, mailURL })
      } finally {
        await Promise.all([stop(app), stop(mail)])
      }
    },
    { scope: 'worker', auto: true, timeout: START_TIMEOUT_MS + 20_000 },
  ],
  baseURL: async ({ servers }, use) => use(servers.baseURL),
})
