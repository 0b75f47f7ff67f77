// `npm run -s bench:jobs` — the whole-caseload jobs on the large synthetic region: the full
// entitlement recompute (recomputeAllEntitlements, as after a bank holiday change) and one run of
// the reminder scheduler (runSchedulerOnce: entitlements, visit plans and hearings for everyone).
// Uses DATABASE_URL or DATA_DIR as the app does; writes nothing but what those jobs write.
import os from 'node:os'
import { connect } from '../../app/services/db.server'
import { recomputeAllEntitlements } from '../../app/services/entitlements.server'
import { runSchedulerOnce } from '../../app/services/scheduler.server'

async function timed<T>(name: string, run: () => Promise<T>): Promise<{ name: string; ms: number; result: T; loadAverage: number[] }> {
  const started = performance.now()
  const result = await run()
  const ms = Math.round(performance.now() - started)
  const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100)
  console.log(`${name}: ${(ms / 1000).toFixed(1)} s (load ${loadAverage[0]})`)
  return { name, ms, result, loadAverage }
}

async function main() {
  const handle = await connect()
  const victims = await handle.prisma.victim.count()
  console.log(`${handle.kind}: ${victims} victims, ${await handle.prisma.case.count()} cases, ${await handle.prisma.entitlement.count()} entitlements`)
  const recompute = await timed('full entitlement recompute', () => recomputeAllEntitlements())
  // A fresh slot each time (the minute of the clock), so the run is not skipped as done.
  const scheduler = await timed('one scheduler run', () => runSchedulerOnce(new Date()))
  console.log(JSON.stringify({ database: handle.kind, victims, recompute: { ms: recompute.ms, ...recompute.result }, scheduler: { ms: scheduler.ms, queued: scheduler.result.queued, due: scheduler.result.due } }))
  await handle.close()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
