// setupFile of the integration project: before a test file's own code runs, install a fresh,
// migrated database for it with useDatabase(), so `await db()` anywhere in the app reaches it.
// Top-level await means the database exists before the test file is even imported.
import { afterAll, inject } from 'vitest'
import { useDatabase } from '~/services/db.server'
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from './test-database'

const url = process.env.DATABASE_URL
const database: TestDatabase = url
  ? await createPostgresDatabase(url, inject('testRunId'))
  : await createPgliteDatabase(inject('pgliteSnapshot'))

useDatabase(database.handle)
;(globalThis as { __waypointTestDatabase?: TestDatabase }).__waypointTestDatabase = database

afterAll(async () => {
  await database.dispose()
})
