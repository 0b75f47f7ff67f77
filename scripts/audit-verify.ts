// `npm run audit:verify` — checks the audit log's hash chain from the first event to the last and
// prints a readable report. Exit code: 0 the chain is intact, 1 it is broken, 2 it could not be
// checked (for example the database could not be opened).
//
// Which database: DATABASE_URL when set (PostgreSQL; safe while the server runs), otherwise the
// embedded PGlite database under DATA_DIR (default ./data), which only one process may have open:
// while the server has it, this refuses (exit 2). (The same check runs inside the app, safely, from
// the administrator's Audit log page: "Verify the audit chain".)
import { verifyAuditChain } from '../app/services/audit.server'
import { connect } from '../app/services/db.server'

const HELP = `Usage: npm run audit:verify [-- --help]

Checks that no audit event has been changed, removed or reordered: each event carries the hash of
the one before it, and every hash is recomputed from the event's contents.

  Database   DATABASE_URL if set (PostgreSQL), else the embedded database under DATA_DIR (./data).
  Embedded   Stop the Waypoint server first: only one process may have the embedded database
             open, and this refuses while another has it. (While the server runs, use the
             admin page Audit log → "Verify the audit chain".)

Exit code   0 intact · 1 broken · 2 could not check.
`

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(HELP)
  process.exit(0)
}

const REASONS = {
  hash_mismatch: 'its contents no longer match its hash: it was changed after it was written',
  prev_hash_mismatch: 'it does not follow on from the event before it: an earlier event was changed, removed or reordered',
} as const

async function main(): Promise<number> {
  const handle = await connect()
  try {
    const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite database (DATA_DIR)'
    console.log(`Verifying the audit chain in the ${where}…`)
    const started = Date.now()
    const report = await verifyAuditChain()
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const prisma = handle.prisma
    if (report.ok) {
      const [first, last] = await Promise.all([
        prisma.auditEvent.findFirst({ orderBy: { seq: 'asc' }, select: { seq: true, at: true } }),
        prisma.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, at: true, hash: true } }),
      ])
      console.log(`\nINTACT: all ${report.checked} events checked in ${seconds}s.`)
      if (first && last) {
        console.log(`  First event  #${first.seq}  ${first.at.toISOString()}`)
        console.log(`  Last event   #${last.seq}  ${last.at.toISOString()}`)
        // Events removed from the very end leave an intact (shorter) chain: keep this line somewhere
        // outside the database (a ticket, a signed email) and compare it next time.
        console.log(`  Last hash    ${last.hash}`)
      }
      return 0
    }
    const row = await prisma.auditEvent.findUnique({ where: { seq: BigInt(report.brokenAtSeq) } })
    console.error(`\nBROKEN at event #${report.brokenAtSeq}: ${REASONS[report.reason]}.`)
    console.error(`  ${report.checked} events before it are intact (checked in ${seconds}s).`)
    if (row) {
      console.error(`  When         ${row.at.toISOString()}`)
      console.error(`  Action       ${row.action}`)
      console.error(`  Who          ${row.actorEmail ?? '(not signed in)'}`)
      console.error(`  Record       ${row.entityType ?? '–'} ${row.entityId ?? ''}`.trimEnd())
      console.error(`  Stored hash  ${row.hash}`)
    }
    console.error('\nTell your information security lead. Do not change the database: it is the evidence.')
    return 1
  } finally {
    await handle.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Could not check the audit chain: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
