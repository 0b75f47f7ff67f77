// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records it in
// _prisma_migrations exactly as `prisma migrate deploy` would (checksum = sha256 of the file), so the
// Prisma CLI elsewhere agrees with what ran here. Works on PGlite and PostgreSQL alike.
import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'

/** The smallest SQL surface both PGlite and node-postgres offer. */
export interface SqlRunner {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  /** Runs a multi-statement script inside one transaction. */
  execInTransaction(script: string): Promise<void>
}

export function migrationsDir() {
  const candidates = [path.resolve('prisma/migrations'), path.resolve(import.meta.dirname ?? '.', '../../prisma/migrations')]
  const found = candidates.find((dir) => existsSync(dir))
  if (!found) throw new Error('prisma/migrations not found (run from the project root)')
  return found
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

export async function applyMigrations(db: SqlRunner, dir = migrationsDir()): Promise<string[]> {
  await db.query(CREATE_TABLE)
  const done = new Set(
    (
      await db.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).rows.map((r) => r.migration_name),
  )
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
  const applied: string[] = []
  for (const name of names) {
    if (done.has(name)) continue
    const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
    const checksum = createHash('sha256').update(sql).digest('hex')
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
      VALUES ('${randomUUID()}', '${checksum}', now(), '${name.replace(/'/g, "''")}', now(), 1);`
    await db.execInTransaction(`${sql}\n;\n${record}`)
    applied.push(name)
  }
  return applied
}
