// `npm run db:backup` — writes one self-describing backup file of the configured database
// (DATABASE_URL → pg_dump; else the embedded database under DATA_DIR → PGlite's dumpDataDir).
// Exit code: 0 written · 1 refused or failed. See docs/backups.md.
import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { configuredTarget, describeManifest, hasFlag, option } from './backup/cli'
import { BackupFileError } from './backup/format'
import { backupPglite } from './backup/pglite'
import { backupPostgres } from './backup/postgres'

const HELP = `Usage: npm run db:backup [-- --out FILE | --dir DIR]

Writes a backup of the database Waypoint is configured for:
  DATABASE_URL set   PostgreSQL, with pg_dump (custom format). Safe while the server runs.
  otherwise          the embedded database under DATA_DIR (./data), with PGlite's own dump.
                     The server must be stopped: the backup refuses while a process has it open.

  --out FILE   where to write (default: DIR/waypoint-<engine>-<UTC time>.wpbackup)
  --dir DIR    folder for the default name (default: ./backups, created owner-only)

The file holds every victim's record: store it encrypted, see docs/backups.md.
`

if (hasFlag('--help') || hasFlag('-h')) {
  console.log(HELP)
  process.exit(0)
}

async function main() {
  const target = configuredTarget()
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const dir = path.resolve(option('--dir') ?? 'backups')
  const out = path.resolve(option('--out') ?? path.join(dir, `waypoint-${target.engine}-${stamp}.wpbackup`))
  if (existsSync(out)) throw new BackupFileError(`${out} already exists: choose another --out (a backup is never overwritten).`)
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 })
  if (!option('--out')) chmodSync(dir, 0o700)
  console.log(`Backing up the ${target.label}…`)
  const log = (line: string) => console.warn(line)
  const { manifest, ms } =
    target.engine === 'postgres' ? await backupPostgres(target.url, out, log) : await backupPglite(target.dataDir, out, log)
  console.log(`\nWritten ${out} in ${(ms / 1000).toFixed(1)}s:\n${describeManifest(manifest)}`)
  console.log('\nKeep the audit head line above outside the backup (a ticket, a signed email): it shows the log was not cut short.')
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupFileError ? error.message : `Backup failed: ${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  },
)
