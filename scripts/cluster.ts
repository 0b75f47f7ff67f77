// The primary of a multi-process web server (scripts/web-processes.ts decides when there is one). It
// serves nothing itself: Node's cluster module hands incoming connections to the web processes in
// turn. The first process starts alone, so migrations run once before the others start; a process
// that dies after it was serving is replaced (the replacement of the first takes over the jobs); one
// that dies while starting stops the whole server, as a single process would stop on bad
// configuration. SIGTERM/SIGINT stops every process, each finishing its requests in flight.
import cluster, { type Worker } from 'node:cluster'
import { randomBytes } from 'node:crypto'
import pino from 'pino'
import { webProcessEnv, type WebProcessPlan } from './web-processes'

const RESTART_DELAY_MS = 1_000
// Each web process gives up on its own stop after 10 s (scripts/server.ts); this is the backstop.
const STOP_TIMEOUT_MS = 15_000

export function superviseWebProcesses(plan: WebProcessPlan): Promise<never> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'waypoint', role: 'primary' } })
  const slots = new Map<Worker, { slot: number; serving: boolean }>()
  let stopping = false
  let failed = false

  const stop = (why: 'signal' | 'failure') => {
    if (stopping) return
    stopping = true
    failed ||= why === 'failure'
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill('SIGKILL')
      process.exit(1)
    }, STOP_TIMEOUT_MS).unref()
    for (const worker of slots.keys()) worker.process.kill('SIGTERM')
    if (slots.size === 0) process.exit(failed ? 1 : 0)
  }

  const start = (slot: number) =>
    new Promise<void>((serving) => {
      const worker = cluster.fork(webProcessEnv(plan, slot))
      slots.set(worker, { slot, serving: false })
      worker.once('listening', () => {
        slots.set(worker, { slot, serving: true })
        serving()
      })
    })

  cluster.on('exit', (worker, code, signal) => {
    const state = slots.get(worker)
    slots.delete(worker)
    if (!state) return
    failed ||= stopping ? code !== 0 : !state.serving
    if (stopping) {
      if (slots.size === 0) process.exit(failed ? 1 : 0)
      return
    }
    if (!state.serving) {
      log.fatal({ process: state.slot, pid: worker.process.pid, code, signal }, 'a web process stopped while starting; stopping the server')
      stop('failure')
      return
    }
    log.error({ process: state.slot, pid: worker.process.pid, code, signal, jobs: state.slot === plan.jobsIn }, 'a web process died; starting another')
    setTimeout(() => !stopping && void start(state.slot), RESTART_DELAY_MS)
  })

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop('signal'))

  // Without SESSION_SECRET (the demo) each process would sign cookies with a random secret of its
  // own, and a session begun on one would be refused by the others: they share one made here.
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
  log.info({ processes: plan.processes, jobsIn: plan.jobsIn }, 'starting web processes')
  void start(1).then(() => {
    for (let slot = 2; slot <= plan.processes && !stopping; slot++) void start(slot)
  })
  // The cluster keeps this process alive; it ends only through process.exit above.
  return new Promise<never>(() => {})
}
