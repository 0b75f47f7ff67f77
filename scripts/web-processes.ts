// How many web server processes `npm start` runs, and which of them runs the background jobs (the
// email worker and the reminder scheduler). One rule, no I/O, so it is tested on its own:
//  - more than one process only in production on PostgreSQL: the embedded database (PGlite) is owned
//    by one process, and the development server is one Vite instance;
//  - then WEB_CONCURRENCY processes, by default one per CPU;
//  - the jobs run in the first web process (and in its replacement if it dies), or in none of them
//    when BACKGROUND_JOBS=off because `npm run worker` runs them.

export interface WebProcessEnv {
  NODE_ENV?: string
  DATABASE_URL?: string
  WEB_CONCURRENCY?: string
  BACKGROUND_JOBS?: string
}

export interface WebProcessPlan {
  /** Web server processes; 1 means this process serves requests itself, without a cluster. */
  processes: number
  /** The web process (numbered from 1) that runs the background jobs; null when none does. */
  jobsIn: number | null
}

export function planWebProcesses(env: WebProcessEnv, cpus: number): WebProcessPlan {
  const requested = env.WEB_CONCURRENCY?.trim()
  if (requested && !/^[1-9]\d*$/.test(requested)) {
    throw new Error(`Invalid configuration (see .env.example):\n  WEB_CONCURRENCY: must be a whole number of processes, 1 or more (got "${requested}")`)
  }
  const shareable = env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL)
  const processes = shareable ? (requested ? Number(requested) : Math.max(1, Math.floor(cpus))) : 1
  return { processes, jobsIn: env.BACKGROUND_JOBS === 'off' ? null : 1 }
}

/** The environment the primary gives web process `slot`: only the jobs' process keeps them on. */
export function webProcessEnv(plan: WebProcessPlan, slot: number): Record<string, string> {
  return { BACKGROUND_JOBS: slot === plan.jobsIn ? 'in-process' : 'off', WAYPOINT_WEB_PROCESS: String(slot) }
}
