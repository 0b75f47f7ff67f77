// Migrations are applied by the app itself (app/services/migrate.server.ts) on PGlite and
// PostgreSQL alike, recorded in _prisma_migrations exactly as `prisma migrate deploy` would.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { applyMigrations, migrationsDir } from '~/services/migrate.server'
import { db } from '~/services/db.server'
import { createEmptyDatabase, currentTestDatabase, type TestDatabase } from '#tests/setup/test-database'

const MIGRATIONS = readdirSync(migrationsDir(), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()

interface MigrationRow {
  id: string
  checksum: string
  migration_name: string
  finished_at: Date | null
  rolled_back_at: Date | null
  logs: string | null
  applied_steps_count: number
}

const sha256 = (name: string) =>
  createHash('sha256').update(readFileSync(path.join(migrationsDir(), name, 'migration.sql'), 'utf8')).digest('hex')

describe('applyMigrations', () => {
  let empty: TestDatabase
  beforeAll(async () => {
    empty = await createEmptyDatabase()
  })
  afterAll(async () => {
    await empty.dispose()
  })

  test('the repository has migrations, each with a migration.sql', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    for (const name of MIGRATIONS) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/)
  })

  test('applies every migration in order on an empty database, then nothing on a second run', async () => {
    expect(await applyMigrations(empty.handle.runner)).toEqual(MIGRATIONS)
    expect(await applyMigrations(empty.handle.runner)).toEqual([])
    expect(await applyMigrations(empty.handle.runner)).toEqual([])
  })

  test('records each migration once in _prisma_migrations with the sha256 of its file', async () => {
    const { rows } = await empty.handle.runner.query<MigrationRow>(
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    )
    expect(rows.map((r) => r.migration_name)).toEqual(MIGRATIONS)
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(row.migration_name))
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(row.finished_at).not.toBeNull()
      expect(row.rolled_back_at).toBeNull()
      expect(row.applied_steps_count).toBe(1)
    }
  })

  test('the database each test file gets is fully migrated, and migrating it again is a no-op', async () => {
    const { handle } = currentTestDatabase()
    expect(await applyMigrations(handle.runner)).toEqual([])
    const { rows } = await handle.runner.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    )
    expect(rows).toEqual(MIGRATIONS.map((name) => ({ migration_name: name, checksum: sha256(name) })))
    // And Prisma can use it.
    const prisma = await db()
    expect(await prisma.organisation.count()).toBe(0)
    expect(await prisma.auditEvent.count()).toBe(0)
  })

  test('a migration that fails is rolled back whole and not recorded; the next run retries it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-migrations-'))
    try {
      const add = (name: string, sql: string) => {
        mkdirSync(path.join(dir, name))
        writeFileSync(path.join(dir, name, 'migration.sql'), sql)
      }
      add('20990101000000_good', 'CREATE TABLE "MigrationProbeA" ("id" INTEGER PRIMARY KEY);')
      add('20990101000001_bad', 'CREATE TABLE "MigrationProbeB" ("id" INTEGER PRIMARY KEY);\nSELECT * FROM "NoSuchTable";')
      await expect(applyMigrations(empty.handle.runner, dir)).rejects.toThrow(/NoSuchTable/)
      const recorded = async () =>
        (
          await empty.handle.runner.query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '2099%' ORDER BY 1`,
          )
        ).rows.map((r) => r.migration_name)
      expect(await recorded()).toEqual(['20990101000000_good'])
      const probe = await empty.handle.runner.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'MigrationProbe%' ORDER BY 1`,
      )
      expect(probe.rows.map((r) => r.name)).toEqual(['MigrationProbeA'])

      writeFileSync(path.join(dir, '20990101000001_bad', 'migration.sql'), 'CREATE TABLE "MigrationProbeB" ("id" INTEGER PRIMARY KEY);')
      expect(await applyMigrations(empty.handle.runner, dir)).toEqual(['20990101000001_bad'])
      expect(await recorded()).toEqual(['20990101000000_good', '20990101000001_bad'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
