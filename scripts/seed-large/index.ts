// `npm run seed:large -- --victims 10000` — a synthetic region for performance work on
// PostgreSQL (DATABASE_URL) or the embedded PGlite database (DATA_DIR), as the app opens them.
// Refuses a database that already has organisations. See docs/performance.md.
import cliProgress from 'cli-progress'
import { DEMO_PASSWORD } from '../../app/domain/access/demo-accounts'
import { connect } from '../../app/services/db.server'
import { getEnv } from '../../app/services/env.server'
import { expectedRows, seedLarge } from './generate'

const USAGE = 'Usage: npm run seed:large -- --victims <n> [--seed <n>]'

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2)
  const i = args.indexOf(`--${name}`)
  if (i === -1) return fallback
  const value = Number(args[i + 1])
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number of at least 1\n${USAGE}`)
    process.exit(2)
  }
  return value
}

async function main() {
  if (process.argv.includes('--help')) return console.log(USAGE)
  const victims = option('victims', 10_000)
  const seed = option('seed', 8)
  const env = getEnv()
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.DATA_DIR}/pglite`
  const handle = await connect()
  try {
    const organisations = await handle.prisma.organisation.count()
    if (organisations > 0) {
      console.error(`Database (${where}) already has ${organisations} organisations: seed:large needs an empty database.`)
      process.exitCode = 1
      return
    }
    const bar = new cliProgress.SingleBar(
      { format: 'seed:large [{bar}] {percentage}% | {value}/{total} rows | {step} | {duration}s', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic,
    )
    const total = expectedRows(victims)
    bar.start(total, 0, { step: 'preparing' })
    let done = 0
    const started = performance.now()
    const s = await seedLarge(handle.prisma, {
      victims,
      seed,
      onProgress: (step, rows) => {
        done += rows
        // The total is an estimate: grow it rather than stop at 100 % with work left.
        if (done > total) bar.setTotal(done)
        bar.update(done, { step })
      },
    })
    bar.update(done, { step: 'done' })
    bar.setTotal(done)
    bar.stop()
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      [
        `Seeded a synthetic region into ${where} in ${seconds} s:`,
        `  ${s.organisations} organisations, ${s.users} users, ${s.victims} victims, ${s.cases} cases, ${s.allocations} allocations,`,
        `  ${s.offences} offences, ${s.suspects} suspects, ${s.events} journal events, ${s.contacts} contacts, ${s.visits} visits,`,
        `  ${s.referrals} referrals, ${s.entitlements} entitlements, ${s.reviews} case reviews.`,
        '  Sign in as (password as the demo, ' + DEMO_PASSWORD + '):',
        ...s.accounts.map((a) => `    ${a.email.padEnd(32)} ${a.role} — ${a.note}`),
      ].join('\n'),
    )
  } finally {
    await handle.close()
  }
}

// Exit explicitly: PGlite's statistics timer would otherwise hold the CLI open.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
