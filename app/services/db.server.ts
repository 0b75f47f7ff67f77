// The one Prisma client of this process. DATABASE_URL set → PostgreSQL through @prisma/adapter-pg;
// unset → embedded PGlite persisted under DATA_DIR/pglite. PGlite takes no lock on its directory,
// so exactly one instance per directory per process is opened and cached here.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'
import { logger } from './logger.server'
import { applyMigrations, type SqlRunner } from './migrate.server'

export type Db = PrismaClient

interface Handle {
  prisma: PrismaClient
  runner: SqlRunner
  close: () => Promise<void>
  kind: 'pglite' | 'postgres'
}

export async function openPglite(dataDir: string): Promise<Handle> {
  const memory = dataDir.startsWith('memory://')
  if (!memory) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true })
  // Without this PGlite re-arms a startup-progress timer forever and keeps Node alive.
  const startParams = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0']
  const pglite = await PGlite.create(memory ? undefined : dataDir, { startParams })
  return fromPglite(pglite)
}

export function fromPglite(pglite: PGlite): Handle {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  return {
    prisma,
    kind: 'pglite',
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
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
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
