// Vitest globalSetup for the integration project. Runs once per test run, before any test file.
// - PGlite (no DATABASE_URL): migrate an in-memory PGlite once and dump it to a snapshot file;
//   each test file restores it with loadDataDir (~0.5 s instead of initdb + migrations).
// - PostgreSQL (DATABASE_URL set): check the server answers and hand out a run id; each test file
//   creates its own database named wp_t_<runId>_<n>, and teardown drops any this run left behind.
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../app/services/migrate.server'
import { pgliteRunner } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
    testRunId: string
  }
}

const TMP = path.resolve(import.meta.dirname, '../.tmp/vitest')

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  project.provide('testRunId', runId)
  const url = process.env.DATABASE_URL

  if (url) {
    const client = new pg.Client({ connectionString: url })
    await client.connect().catch((error: Error) => {
      throw new Error(`Integration tests: cannot reach DATABASE_URL (${error.message})`)
    })
    await client.end()
    project.provide('pgliteSnapshot', '')
    return async () => {
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`wp_t_${runId}_%`],
      )
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.end()
    }
  }

  const started = Date.now()
  const pglite = await PGlite.create()
  await applyMigrations(pgliteRunner(pglite))
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  mkdirSync(TMP, { recursive: true })
  const file = path.join(TMP, `pglite-${runId}.tar`)
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  if (process.env.DEBUG_TEST_DB) console.info(`Migrated PGlite snapshot in ${Date.now() - started} ms: ${file}`)
  return () => rmSync(file, { force: true })
}
