// The one Prisma client of this process. DATABASE_URL set → PostgreSQL through @prisma/adapter-pg;
// unset → embedded PGlite persisted under DATA_DIR/pglite. PGlite takes no lock on its directory
// and two processes writing one corrupt it, so every process that opens it (server, seed, migrate,
// backup, restore, audit:verify, bench, seed:large, worker) takes an exclusive lock beside it here,
// and within a process one instance per directory is opened and shared.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import lockfile from 'proper-lockfile'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'
import { logger } from './logger.server'
import { applyMigrations, type SqlRunner } from './migrate.server'
import { withStatementCounts } from './query-count.server'

export type Db = PrismaClient

interface Handle {
  prisma: PrismaClient
  runner: SqlRunner
  close: () => Promise<void>
  kind: 'pglite' | 'postgres'
  /** The embedded database itself (PGlite only), for its dump and restore. */
  pglite?: PGlite
}

/** Another process has the embedded database open. */
export class DatabaseInUseError extends Error {}

// A holder refreshes its lock's time every LOCK_REFRESH_MS; one not refreshed for LOCK_STALE_MS
// was left by a process that was killed, and is taken over. PGlite runs queries on the main
// thread, so the margin covers a long query delaying a refresh.
export const LOCK_STALE_MS = 30_000
const LOCK_REFRESH_MS = 5_000

interface Lock {
  holders: number
  taken: Promise<{ release: () => Promise<void> }>
}
const locks = new Map<string, Lock>()

async function takeLock(dir: string): Promise<{ release: () => Promise<void> }> {
  const options = { realpath: false, stale: LOCK_STALE_MS, update: LOCK_REFRESH_MS, onCompromised }
  let release: () => Promise<void>
  // Our lock was not refreshed in time (the process stalled) or was taken over: take it back, or
  // stop, since a second process writing the folder would corrupt it.
  function onCompromised(error: Error) {
    logger.error({ err: error.message, dir }, 'the lock on the embedded database was lost; taking it again')
    lockfile.lock(dir, options).then(
      (again) => (release = again),
      () => {
        logger.fatal({ dir }, 'another process took the embedded database over: stopping so that it is not written twice')
        process.exit(1)
      },
    )
  }
  try {
    release = await lockfile.lock(dir, options)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error
    throw new DatabaseInUseError(
      `The embedded database ${dir} is open in another Waypoint process (server, seed, migrate, backup, restore, ` +
        'audit:verify, bench or worker): stop it first, since two processes on one embedded database corrupt it. ' +
        `A lock left by a process that was killed (${dir}.lock) is taken over ${LOCK_STALE_MS / 1000} s after it stopped.`,
    )
  }
  return { release: () => release() }
}

/**
 * Holds the embedded database folder `dir` for this process, refusing with DatabaseInUseError while
 * another process holds it, until the returned function is called (or the process exits). Several
 * holders in one process share the one lock.
 */
export async function holdEmbeddedDatabase(dir: string): Promise<() => Promise<void>> {
  const key = path.resolve(dir)
  let lock = locks.get(key)
  if (!lock) {
    mkdirSync(path.dirname(key), { recursive: true })
    const fresh: Lock = { holders: 0, taken: takeLock(key) }
    fresh.taken.catch(() => locks.get(key) === fresh && locks.delete(key))
    locks.set(key, (lock = fresh))
  }
  const held = lock
  held.holders += 1
  const { release } = await held.taken.catch((error: unknown) => {
    held.holders -= 1
    throw error
  })
  let released = false
  return async () => {
    if (released) return
    released = true
    held.holders -= 1
    if (held.holders > 0) return
    locks.delete(key)
    await release()
  }
}

// Without this PGlite re-arms a startup-progress timer forever and keeps Node alive.
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0']

interface Shared {
  users: number
  handle: Promise<Handle>
}
const opened = new Map<string, Shared>()

/**
 * Opens the embedded database in `dataDir` (created from `loadDataDir`, a PGlite dump, when new),
 * holding its lock until closed. Opening a folder this process already has open shares that
 * instance; it is closed, and the lock released, when its last user closes it.
 */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Handle> {
  if (dataDir.startsWith('memory://')) return fromPglite(await PGlite.create(undefined, { startParams: START_PARAMS }))
  const dir = path.resolve(dataDir)
  let shared = opened.get(dir)
  if (!shared) {
    const fresh: Shared = { users: 0, handle: openLocked(dir, options.loadDataDir) }
    fresh.handle.catch(() => opened.get(dir) === fresh && opened.delete(dir))
    opened.set(dir, (shared = fresh))
  }
  const entry = shared
  entry.users += 1
  const handle = await entry.handle.catch((error: unknown) => {
    entry.users -= 1
    throw error
  })
  let closed = false
  return {
    ...handle,
    close: async () => {
      if (closed) return
      closed = true
      entry.users -= 1
      if (entry.users > 0) return
      opened.delete(dir)
      await handle.close()
    },
  }
}

async function openLocked(dir: string, loadDataDir?: Blob): Promise<Handle> {
  const release = await holdEmbeddedDatabase(dir)
  try {
    const handle = fromPglite(await PGlite.create(dir, { startParams: START_PARAMS, ...(loadDataDir ? { loadDataDir } : {}) }))
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close()
        } finally {
          await release()
        }
      },
    }
  } catch (error) {
    await release()
    throw error
  }
}

export function fromPglite(pglite: PGlite): Handle {
  const prisma = new PrismaClient({ adapter: withStatementCounts(new PrismaPGlite(pglite)) })
  return {
    prisma,
    kind: 'pglite',
    pglite,
    runner: {
      query: (sql, params) => pglite.query(sql, params as unknown[]),
      execInTransaction: async (script) => {
        await pglite.transaction(async (tx) => {
          await tx.exec(script)
        })
      },
    },
    close: async () => {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}

export function openPostgres(url: string): Handle {
  // A database that does not answer (or a pool still busy) fails the request after 10 s, a 503,
  // instead of holding it open forever (docs/decisions/0011).
  // jit=off: on a region's data PostgreSQL's JIT compiled the access filters' plans on every query
  // (713 ms of an 867 ms case list at 10,000 victims; 179 ms without), a cost meant for long reports.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, options: '-c jit=off' })
  // An idle connection cut by a database restart emits 'error' on the pool: without a listener that
  // would crash the process. The pool drops the connection and opens a new one when next needed.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle database connection lost'))
  // A connection cut while checked out between two queries emits 'error' on the client itself; with
  // no listener that ends the process (measured: a restart under load did). The pool still sees the
  // dead client when it is released and discards it.
  pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost')))
  const prisma = new PrismaClient({ adapter: withStatementCounts(new PrismaPg(pool)) })
  return {
    prisma,
    kind: 'postgres',
    runner: {
      query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
      execInTransaction: async (script) => {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          await client.query(script)
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        } finally {
          client.release()
        }
      },
    },
    close: async () => {
      await prisma.$disconnect()
      await pool.end().catch(() => {})
    },
  }
}

const globalForDb = globalThis as unknown as { __waypointDb?: Promise<Handle> }

/** Opens (once per process) and migrates the configured database. */
export function connect(): Promise<Handle> {
  globalForDb.__waypointDb ??= (async () => {
    const env = getEnv()
    const handle = env.DATABASE_URL
      ? openPostgres(env.DATABASE_URL)
      : await openPglite(path.join(env.DATA_DIR, 'pglite'))
    await applyMigrations(handle.runner)
    return handle
  })()
  return globalForDb.__waypointDb
}

/** Lets tests install their own database (a fresh PGlite or a PostgreSQL schema). */
export function useDatabase(handle: Handle) {
  globalForDb.__waypointDb = Promise.resolve(handle)
}

export async function db(): Promise<PrismaClient> {
  return (await connect()).prisma
}
