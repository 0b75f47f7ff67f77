// `npm run audit:verify`: checks the audit log's hash chain and exits 0 when intact, 1 when broken.
// Uses DATABASE_URL, or the embedded database under DATA_DIR — stop the server first in that case:
// PGlite cannot be opened by two processes at once (see docs/decisions/0002-database.md).
import { connect } from '../app/services/db.server'
import { verifyAuditChain } from '../app/services/audit.server'

if (process.argv.includes('--help')) {
  console.log('Usage: npm run audit:verify   (with the server stopped when using the embedded database)')
  process.exit(0)
}

const handle = await connect()
const report = await verifyAuditChain()
const head = await handle.prisma.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } })
if (report.ok) {
  console.log(`Audit chain intact: ${report.checked} rows checked.`)
  // Record this outside the database now and then: it also reveals rows removed from the end.
  if (head) console.log(`Latest row ${head.seq} has hash ${head.hash}`)
} else {
  console.error(
    `Audit chain BROKEN at row ${report.brokenAtSeq} (${report.reason}); ${report.checked} rows before it are intact.`,
  )
}
await handle.close()
process.exit(report.ok ? 0 : 1)
