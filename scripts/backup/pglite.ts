// Backup and restore of the embedded PGlite database (DATA_DIR/pglite) with PGlite's own
// dumpDataDir / loadDataDir: a tar.gz of the data directory, restored by the same PGlite version.
//
// PGlite takes no lock on its folder and two processes writing it corrupt it, so both directions
// refuse while any process holds a file in it open (found through /proc on Linux; elsewhere a
// postmaster.pid left in the folder is taken to mean a server may have it open).
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fromPglite } from '../../app/services/db.server'
import { BackupFileError, readBackupHeader, verifyPayload, writeBackupFile, type Manifest } from './format'
import { appVersion, chainStatus, checkMigrationLevel, compareInventory, describeChain, takeInventory, type Inventory } from './inventory'

const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0']

export function pgliteVersion(): string {
  const pkg = path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
}

/** Processes (this one included) holding a file under `dir` open, with their command lines. */
export function processesUsing(dir: string): { pid: number; command: string }[] | 'unknown' {
  if (!existsSync('/proc/self/fd')) return 'unknown'
  const root = path.resolve(dir) + path.sep
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue // gone, or not ours to see
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(root)
      } catch {
        return false
      }
    })
    if (!holds) continue
    let command = '?'
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    } catch {
      // it exited meanwhile
    }
    found.push({ pid, command })
  }
  return found
}

/** Throws a clear refusal when `dir` may be open in a running Waypoint server (or any process). */
export function refuseIfInUse(dir: string) {
  const users = processesUsing(dir)
  if (users === 'unknown') {
    if (existsSync(path.join(dir, 'postmaster.pid'))) {
      throw new BackupFileError(
        `${dir} has a postmaster.pid: a Waypoint server may have it open. Stop the server first (two processes on one embedded database corrupt it). ` +
          'If no server is running (it crashed), start and stop it once to close the database cleanly.',
      )
    }
    return
  }
  if (users.length > 0) {
    const list = users.map((u) => `  pid ${u.pid}${u.pid === process.pid ? ' (this process)' : ''}: ${u.command.slice(0, 120)}`).join('\n')
    throw new BackupFileError(
      `The embedded database ${dir} is open in a running process — stop the Waypoint server first (two processes on one embedded database corrupt it):\n${list}`,
    )
  }
}

async function open(dir: string, loadDataDir?: Blob) {
  const pglite = await PGlite.create(dir, { startParams: START_PARAMS, ...(loadDataDir ? { loadDataDir } : {}) })
  return { pglite, handle: fromPglite(pglite) }
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
  refuseIfInUse(dataDir)
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
  if (!isEmptyDir(target)) {
    refuseIfInUse(target)
    if (!options.force) {
      throw new BackupFileError(`Refused: ${target} already holds a database. Pass --force to replace it (its current contents are moved aside, not deleted).`)
    }
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
