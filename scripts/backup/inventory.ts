// What a backup claims and a restore must match: per table its row count and a checksum of its
// rows, the migration level, and the audit chain's head. Same SQL on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { migrationsDir } from '../../app/services/migrate.server'
import type { PrismaClient } from '../../app/generated/prisma/client'
import { verifyAuditChain } from '../../app/services/audit.server'
import type { Manifest } from './format'

export type Query = <T>(sql: string) => Promise<T[]>

// Row text depends on these session settings; fixing them makes checksums comparable across
// machines and sessions. Run with SET LOCAL, i.e. inside the caller's transaction.
const SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
]

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

export interface Inventory {
  tables: Manifest['tables']
  migration: string | null
  migrations: number
  audit: { events: number; headSeq: string | null; headHash: string | null }
}

/** Must run inside one transaction (on PostgreSQL: the snapshot pg_dump shares), so every number describes one moment. */
export async function takeInventory(query: Query): Promise<Inventory> {
  for (const sql of SETTINGS) await query(sql)
  const names = await query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  const tables: Manifest['tables'] = {}
  for (const { name } of names) {
    // md5 of each row's text, sorted, then hashed: independent of physical order, cheap enough
    // (about a second per 100,000 rows) and any changed, missing or added row changes it.
    const [row] = await query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
         FROM (SELECT md5(t::text) AS h FROM ${quoteIdent(name)} t) s`,
    )
    tables[name] = { rows: Number(row!.rows), checksum: row!.checksum }
  }
  let migration: string | null = null
  let migrations = 0
  if (tables._prisma_migrations) {
    const applied = await query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
    migrations = applied.length
    migration = applied.at(-1)?.name ?? null
  }
  let audit: Inventory['audit'] = { events: 0, headSeq: null, headHash: null }
  if (tables.AuditEvent) {
    // Ordered by the bigint column, not by its text (an alias named seq would sort '9' after '17').
    const [head] = await query<{ head_seq: string; hash: string }>(`SELECT seq::text AS head_seq, hash FROM "AuditEvent" ORDER BY "AuditEvent".seq DESC LIMIT 1`)
    audit = { events: tables.AuditEvent.rows, headSeq: head?.head_seq ?? null, headHash: head?.hash ?? null }
  }
  return { tables, migration, migrations, audit }
}

export async function chainStatus(prisma: PrismaClient): Promise<Manifest['audit']['chain']> {
  const report = await verifyAuditChain(prisma)
  return report.ok ? 'intact' : { brokenAtSeq: report.brokenAtSeq, reason: report.reason }
}

/** The migrations this copy of Waypoint knows, oldest first. */
export function knownMigrations(): string[] {
  return readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/**
 * Refuses a backup this code cannot run on: one whose migration level is unknown here (made by
 * a newer Waypoint). An older level is fine: the app applies the missing migrations on start.
 */
export function checkMigrationLevel(manifest: Manifest): string | null {
  const level = manifest.app.migration
  if (level === null) return null
  const known = knownMigrations()
  if (known.includes(level)) return null
  const newest = known.at(-1) ?? '(none)'
  return level > newest
    ? `the backup was made by a newer Waypoint (migration ${level}; this copy knows up to ${newest}). Restore it with that version.`
    : `the backup's migration ${level} is not one this copy of Waypoint knows. Restore it with the version that made it (${manifest.app.version}).`
}

/** Differences between what the manifest promises and what the restored database holds; empty when they agree. */
export function compareInventory(manifest: Manifest, restored: Inventory, chain: Manifest['audit']['chain']): string[] {
  const problems: string[] = []
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(restored.tables)])
  for (const name of [...names].sort()) {
    const want = manifest.tables[name]
    const got = restored.tables[name]
    if (!want) problems.push(`table ${name} is in the restored database but not in the backup`)
    else if (!got) problems.push(`table ${name} is in the backup but missing after restore`)
    else if (want.rows !== got.rows) problems.push(`table ${name}: ${got.rows} rows restored, the backup says ${want.rows}`)
    else if (want.checksum !== got.checksum) problems.push(`table ${name}: same row count but different contents (checksum)`)
  }
  if (restored.migration !== manifest.app.migration) {
    problems.push(`migration level ${restored.migration ?? '(none)'} restored, the backup says ${manifest.app.migration ?? '(none)'}`)
  }
  if (restored.audit.headHash !== manifest.audit.headHash) {
    problems.push(`audit chain head ${restored.audit.headHash ?? '(empty)'} restored, the backup says ${manifest.audit.headHash ?? '(empty)'}`)
  }
  const wanted = JSON.stringify(manifest.audit.chain)
  if (JSON.stringify(chain) !== wanted) {
    problems.push(`audit chain after restore: ${describeChain(chain)}; at backup time: ${describeChain(manifest.audit.chain)}`)
  }
  return problems
}

export const describeChain = (chain: Manifest['audit']['chain']) =>
  chain === 'intact' ? 'intact' : `broken at event #${chain.brokenAtSeq} (${chain.reason})`

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
  return pkg.version
}
