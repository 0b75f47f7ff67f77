// `npm run worker` — the email worker and reminder scheduler as their own process, for deployments
// on PostgreSQL that set BACKGROUND_JOBS=off on the web servers (see .env.example); then none of the
// web processes `npm start` runs has them. On the embedded database the web server runs them
// itself: PGlite is owned by one process.
import { startBackgroundJobs, stopBackgroundJobs } from '../app/services/background-jobs.server'
import { connect } from '../app/services/db.server'
import { getEnv } from '../app/services/env.server'
import { logger } from '../app/services/logger.server'

if (!getEnv().DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the web server runs the worker itself.')
  process.exit(2)
}
await connect()
startBackgroundJobs()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    logger.info({ signal }, 'worker stopping')
    void stopBackgroundJobs()
      .then(async () => (await connect()).close())
      .then(() => process.exit(0))
  })
}
// Keep the process alive: the job timers are unref'd so that the web server can exit.
setInterval(() => {}, 1 << 30)
