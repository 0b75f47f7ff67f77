// `npm run db:restore -- FILE` — restores a backup written by `npm run db:backup` into the
// configured database, then checks every table's row count and checksum, the migration level and
// the audit chain against the file's manifest. Exit code: 0 restored and verified · 1 refused or
// failed. See docs/backups.md.
import { configuredTarget, describeManifest, hasFlag } from './backup/cli'
import { BackupFileError, readBackupHeader, verifyPayload } from './backup/format'
import { restorePglite } from './backup/pglite'
import { restorePostgres } from './backup/postgres'

const HELP = `Usage: npm run db:restore -- FILE [--force] [--check]

Restores FILE into the database Waypoint is configured for (DATABASE_URL, else DATA_DIR), then
verifies it: every table's rows and checksum, the migration level and the audit chain.

  --check   only check FILE (header, size, SHA-256) and print what it holds; change nothing
  --force   replace a database that is not empty (PGlite: the old folder is moved aside, kept;
            PostgreSQL: the public schema is dropped in the restore's own transaction)

Refused: a file that is truncated, corrupted or changed; a backup of the other engine; a backup
from a newer Waypoint; a target in use (a running server); a non-empty target without --force.
`

if (hasFlag('--help') || hasFlag('-h')) {
  console.log(HELP)
  process.exit(0)
}

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('-'))
  if (!file) throw new BackupFileError(`Which backup file?\n\n${HELP}`)
  if (hasFlag('--check')) {
    const backup = readBackupHeader(file)
    await verifyPayload(backup)
    console.log(`${file} is complete and unchanged:\n${describeManifest(backup.manifest)}`)
    return
  }
  const target = configuredTarget()
  const force = hasFlag('--force')
  console.log(`Restoring ${file} into the ${target.label}…`)
  const result = target.engine === 'postgres' ? await restorePostgres(file, target.url, { force }) : await restorePglite(file, target.dataDir, { force })
  const tables = Object.keys(result.manifest.tables).length
  console.log(`\nRestored and verified in ${(result.ms / 1000).toFixed(1)}s: ${tables} tables match the manifest, the audit chain verifies.`)
  console.log(describeManifest(result.manifest))
  if (result.previous) console.log(`\nThe previous database was moved to ${result.previous}. Delete it securely once you no longer need it.`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupFileError ? error.message : `Restore failed: ${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  },
)
