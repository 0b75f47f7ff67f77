// Creates the database one integration test file runs against (see tests/setup/database.ts,
// which installs it with useDatabase() before the file's own code runs).
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { fromPglite, openPostgres } from '../../app/services/db.server'
import { applyMigrations, type SqlRunner } from '../../app/services/migrate.server'

export type TestDatabaseHandle = ReturnType<typeof fromPglite>

export interface TestDatabase {
  kind: 'pglite' | 'postgres'
  /** The run id shared by every file of this test run (PostgreSQL database names use it). */
  runId?: string
  handle: TestDatabaseHandle
  /** PostgreSQL only: the URL of this file's own database. */
  url?: string
  dispose: () => Promise<void>
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    query: (sql, params) => pglite.query(sql, params),
    execInTransaction: async (script) => {
      await pglite.transaction(async (tx) => {
        await tx.exec(script)
      })
    },
  }
}

const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0']

/** A fresh in-memory PGlite restored from the migrated snapshot made by global-database.ts. */
export async function createPgliteDatabase(snapshotFile: string): Promise<TestDatabase> {
  const loadDataDir = new Blob([readFileSync(snapshotFile)])
  const pglite = await PGlite.create({ loadDataDir, startParams: START_PARAMS })
  const handle = fromPglite(pglite)
  return { kind: 'pglite', handle, dispose: () => handle.close() }
}

/** A fresh, empty (unmigrated) in-memory PGlite, for tests of migrations themselves. */
export async function createEmptyPgliteDatabase(): Promise<TestDatabase> {
  const pglite = await PGlite.create({ startParams: START_PARAMS })
  const handle = fromPglite(pglite)
  return { kind: 'pglite', handle, dispose: () => handle.close() }
}

/**
 * A new PostgreSQL database on the server of `adminUrl` (migrated unless `migrate: false`),
 * dropped again by dispose().
 */
export async function createPostgresDatabase(
  adminUrl: string,
  runId: string,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `wp_t_${runId}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = openPostgres(url.toString())
  if (options.migrate !== false) await applyMigrations(handle.runner)
  return {
    kind: 'postgres',
    runId,
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close()
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      try {
        // The pool's sockets may still be closing: terminating them (FORCE) at that moment makes
        // node-postgres raise an unhandled error, so wait for them to go first.
        for (let i = 0; i < 50; i++) {
          const { rows } = await dropper.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          )
          if (rows[0]!.n === 0) break
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    },
  }
}

/** The database installed for the current integration test file (set by tests/setup/database.ts). */
export function currentTestDatabase(): TestDatabase {
  const database = (globalThis as { __waypointTestDatabase?: TestDatabase }).__waypointTestDatabase
  if (!database) throw new Error('No test database: run this from an integration test (vitest --project integration)')
  return database
}

/**
 * A second, empty and unmigrated database of the same kind as the current test file's (for tests
 * of migrations). Not installed with useDatabase(); dispose() it when done.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL
  if (!url) return createEmptyPgliteDatabase()
  return createPostgresDatabase(url, currentTestDatabase().runId ?? 'adhoc', { migrate: false })
}
