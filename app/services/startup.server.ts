// Runs once when the server starts: validate configuration, open and migrate the database. Demo
// data is not the server's job: `npm run seed` (prisma/seed.ts) writes it as its own step, which
// `npm run demo` runs first. Called from scripts/server.ts through the app bundle.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, MORE_DEMO_ACCOUNTS } from '~/domain/access/demo-accounts'
import { connect } from './db.server'
import { startBackgroundJobs, stopBackgroundJobs } from './background-jobs.server'
import { emailDeliveriesSettled } from './email.server'
import { getEnv } from './env.server'
import { refreshTimeDependentStages } from './journal.server'
import { logger } from './logger.server'

export async function startup(): Promise<{ banner: string }> {
  const env = getEnv()
  const { prisma, kind } = await connect()
  logger.info({ database: kind }, 'database ready')
  const empty = env.DEMO_MODE && (await prisma.organisation.count()) === 0
  startStageRefresh()
  if (env.BACKGROUND_JOBS === 'in-process') startBackgroundJobs()
  if (!env.DEMO_MODE) return { banner: '' }
  const banner = [
    empty ? 'No demo data yet: stop the server and run `npm run seed` (npm run demo does this for you).' : 'Demo data present.',
    'Demo sign-ins (all share one password):',
    `  ${DEMO_ACCOUNTS.map((a) => a.email).join(' · ')}`,
    `  also ${MORE_DEMO_ACCOUNTS.map((a) => a.email).join(' · ')}`,
    `  Demo password: ${DEMO_PASSWORD}`,
  ].join('\n')
  return { banner }
}

const STAGE_REFRESH_MS = 60 * 60 * 1000
let stageRefresh: NodeJS.Timeout | undefined
let stageRefreshRun: Promise<unknown> = Promise.resolve()

/** Stored case stages that move with time alone are brought up to date now and every hour. */
function startStageRefresh() {
  const run = () =>
    (stageRefreshRun = refreshTimeDependentStages()
      .then((moved) => moved > 0 && logger.info({ moved }, 'case stages moved on with time'))
      .catch((error: unknown) => logger.error({ err: error }, 'refreshing case stages failed')))
  void run()
  stageRefresh = setInterval(run, STAGE_REFRESH_MS)
  stageRefresh.unref()
}

/**
 * Runs once when the server is asked to stop: finish email work queued after responses (a reset
 * link's token and outbox row are written a moment after the answer) and the job in progress, then close the database so
 * PGlite flushes to disk.
 */
export async function shutdown(): Promise<void> {
  clearInterval(stageRefresh)
  // A refresh still reading (seconds on a region's caseload) would otherwise fail on the closed pool.
  await stageRefreshRun
  await emailDeliveriesSettled()
  await stopBackgroundJobs()
  const handle = await connect()
  await handle.close()
}
