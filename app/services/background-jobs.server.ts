// The background jobs: the email worker (sends the outbox) and the reminder scheduler. Started in the
// web server when BACKGROUND_JOBS=in-process (the default, and the only choice on the embedded
// database; with several web processes only the first runs them, scripts/web-processes.ts), or on
// their own by `npm run worker` (scripts/worker.ts). Several instances at once are safe: outbox
// rows are claimed, reminders carry unique dedupe keys, scheduled runs are leased.
import { startEmailWorker } from './email-worker.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'
import { startScheduler } from './scheduler.server'

type Stop = () => Promise<void>
let stops: Stop[] = []

export function startBackgroundJobs(): void {
  const env = getEnv()
  stops.push(startEmailWorker(env.EMAIL_WORKER_INTERVAL_SECONDS * 1000))
  // Reminders and digests: first run a few seconds after start, then every interval (it wakes the worker).
  stops.push(startScheduler(env.SCHEDULER_INTERVAL_MINUTES * 60_000))
  logger.info({ emailEverySeconds: env.EMAIL_WORKER_INTERVAL_SECONDS, schedulerEveryMinutes: env.SCHEDULER_INTERVAL_MINUTES }, 'background jobs started')
}

/** Stops the timers and waits for runs in progress (shutdown, tests). */
export async function stopBackgroundJobs(): Promise<void> {
  const running = stops
  stops = []
  await Promise.all(running.map((stop) => stop()))
}
