// Backup and restore of the embedded PGlite database (DATA_DIR/pglite) with PGlite's own
// dumpDataDir / loadDataDir: a tar.gz of the data directory, restored by the same PGlite version.
//
// Two processes writing one folder corrupt it: both directions hold the folder's lock (taken where
// the app opens the database, app/services/db.server.ts) and refuse while another process has it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { DatabaseInUseError, holdEmbeddedDatabase, openPglite } from '../../app/services/db.server'
import { BackupFileError, readBackupHeader, verifyPayload, writeBackupFile, type Manifest } from './format'
import { appVersion, chainStatus, checkMigrationLevel, compareInventory, describeChain, takeInventory, type Inventory } from './inventory'

export function pgliteVersion(): string {
  const pkg = path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
}

/** A refusal because another process has the folder, told as the commands tell their refusals. */
async function refusingInUse<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw error instanceof DatabaseInUseError ? new BackupFileError(error.message) : error
  })
}

async function open(dir: string, loadDataDir?: Blob) {
  const handle = await refusingInUse(openPglite(dir, { loadDataDir }))
  return { pglite: handle.pglite!, handle }
}

async function inventoryOf(pglite: PGlite): Promise<Inventory> {
  return pglite.transaction((tx) => takeInventory(async (sql) => (await tx.query(sql)).rows as never))
}

export interface BackupResult {
  manifest: Manifest
  ms: number
}

export async function backupPglite(dataDir: string, out: string, log: (line: string) => void = () => {}): Promise<BackupResult> {
  const started = Date.now()
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupFileError(`${dataDir} is not an embedded Waypoint database (no PG_VERSION in it).`)
  const { pglite, handle } = await open(dataDir)
  const tmp = `${out}.payload`
  try {
    const inventory = await inventoryOf(pglite)
    const chain = await chainStatus(handle.prisma)
    if (chain !== 'intact') log(`WARNING: the audit chain is ${describeChain(chain)}. Backing up anyway: it is evidence.`)
    const [{ server_version }] = (await pglite.query<{ server_version: string }>('SHOW server_version')).rows as [{ server_version: string }]
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
    const manifest = await writeBackupFile(
      out,
      {
        createdAt: new Date().toISOString(),
        engine: 'pglite',
        engineVersion: server_version,
        tool: `@electric-sql/pglite ${pgliteVersion()}`,
        app: { version: appVersion(), migration: inventory.migration, migrations: inventory.migrations },
        tables: inventory.tables,
        audit: { ...inventory.audit, chain },
      },
      tmp,
      'pglite-datadir-tar-gzip',
    )
    return { manifest, ms: Date.now() - started }
  } finally {
    rmSync(tmp, { force: true })
    await handle.close()
  }
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0

export interface RestoreResult {
  manifest: Manifest
  ms: number
  /** Where the previous contents of the target went (kept, not deleted), when --force replaced them. */
  previous?: string
}

/**
 * Restores into a fresh folder beside the target, verifies it there, and only then swaps it in:
 * a refused or failed restore leaves the target exactly as it was.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const started = Date.now()
  const backup = readBackupHeader(file)
  const { manifest } = backup
  if (manifest.engine !== 'pglite') {
    throw new BackupFileError(`${file} is a ${manifest.engine} backup; the target is the embedded database (DATA_DIR). Restore it with DATABASE_URL set.`)
  }
  const level = checkMigrationLevel(manifest)
  if (level) throw new BackupFileError(`Refused: ${level}`)
  const tool = `@electric-sql/pglite ${pgliteVersion()}`
  if (manifest.tool.split(' ')[1]?.split('.').slice(0, 2).join('.') !== pgliteVersion().split('.').slice(0, 2).join('.')) {
    throw new BackupFileError(`Refused: the backup was written by ${manifest.tool}; this is ${tool}. A data directory is only readable by the PGlite version line that wrote it.`)
  }
  await verifyPayload(backup)
  const target = path.resolve(dataDir)
  // Held from the check to the swap: no server may open the target meanwhile.
  const release = await refusingInUse(holdEmbeddedDatabase(target))
  try {
    return await restoreInto(target, file, backup, options, started)
  } finally {
    await release()
  }
}

async function restoreInto(
  target: string,
  file: string,
  backup: ReturnType<typeof readBackupHeader>,
  options: { force?: boolean },
  started: number,
): Promise<RestoreResult> {
  const { manifest } = backup
  if (!isEmptyDir(target) && !options.force) {
    throw new BackupFileError(`Refused: ${target} already holds a database. Pass --force to replace it (its current contents are moved aside, not deleted).`)
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  const staging = `${target}.restoring-${stamp}`
  mkdirSync(path.dirname(target), { recursive: true })
  rmSync(staging, { recursive: true, force: true })
  const payload = readFileSync(file).subarray(backup.payloadStart)
  let problems: string[]
  try {
    const { pglite, handle } = await open(staging, new Blob([payload]))
    try {
      problems = compareInventory(manifest, await inventoryOf(pglite), await chainStatus(handle.prisma))
    } finally {
      await handle.close()
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  if (problems.length > 0) {
    rmSync(staging, { recursive: true, force: true })
    throw new BackupFileError(`Refused: the restored copy does not match the backup's manifest; ${target} was not changed.\n  ${problems.join('\n  ')}`)
  }
  let previous: string | undefined
  if (!isEmptyDir(target)) {
    previous = `${target}.before-restore-${stamp}`
    renameSync(target, previous)
  } else {
    rmSync(target, { recursive: true, force: true })
  }
  renameSync(staging, target)
  return { manifest, ms: Date.now() - started, previous }
}
