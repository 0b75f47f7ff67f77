// Backup and restore round trip (npm run db:backup / db:restore) on the engine of this run:
// PGlite (a file-backed data dir, as the server uses) or PostgreSQL (DATABASE_URL). The demo seed
// plus audit events written through audit() are backed up, restored into a fresh database, and
// compared table by table — counts and contents — with SQL of the test's own, and the audit chain
// re-verified. Damaged, lying, mismatched files and occupied targets are refused. Tests run in order.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { canonicalJson } from '~/domain/audit/chain'
import { audit, verifyAuditChain } from '~/services/audit.server'
import { openPglite, openPostgres, useDatabase } from '~/services/db.server'
import type { SqlRunner } from '~/services/migrate.server'
import { seedDemo } from '../../prisma/seed'
import { readBackupHeader } from '../../scripts/backup/format'
import { backupPglite, restorePglite } from '../../scripts/backup/pglite'
import { backupPostgres, restorePostgres } from '../../scripts/backup/postgres'
import { createEmptyDatabase, currentTestDatabase, type TestDatabase } from '#tests/setup/test-database'

const postgres = Boolean(process.env.DATABASE_URL)
const work = mkdtempSync(path.join(tmpdir(), 'waypoint-backup-test-'))
const file = path.join(work, 'backup.wpbackup')

type Handle = Awaited<ReturnType<typeof openPglite>>
/** The database the data is written to and backed up from. */
let source: { handle: Handle; url?: string; dataDir?: string }
/** Its tables' counts and contents, taken before the backup by SQL of this test's own. */
let before: Record<string, { rows: number; md5: string }>
let beforeAudit: { seq: string; hash: string }[]
/** The fresh database restored into (PostgreSQL) or its data dir (PGlite). */
let target: { url?: string; dataDir?: string; database?: TestDatabase }
const timings: Record<string, number> = {}

async function snapshotOf(runner: SqlRunner) {
  const { rows: tables } = await runner.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  )
  const out: Record<string, { rows: number; md5: string }> = {}
  for (const { name } of tables) {
    const { rows } = await runner.query<{ n: number; md5: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${name}" t`,
    )
    out[name] = { rows: rows[0]!.n, md5: rows[0]!.md5 }
  }
  return out
}

const auditRows = async (runner: SqlRunner) =>
  (await runner.query<{ seq: string; hash: string }>(`SELECT seq::text AS seq, hash FROM "AuditEvent" ORDER BY "AuditEvent".seq`)).rows

/** Opens the restored database, runs `fn` on it, closes it. */
async function withRestored<T>(fn: (handle: Handle) => Promise<T>): Promise<T> {
  const handle = target.url ? openPostgres(target.url) : await openPglite(target.dataDir!)
  try {
    return await fn(handle)
  } finally {
    await handle.close()
  }
}

const backup = (out: string) => (postgres ? backupPostgres(source.url!, out) : backupPglite(source.dataDir!, out))
const restore = (from: string, into: { url?: string; dataDir?: string }, force = false) =>
  postgres ? restorePostgres(from, into.url!, { force }) : restorePglite(from, into.dataDir!, { force })

/** A copy of the backup with its bytes changed by `edit`. */
function tampered(name: string, edit: (bytes: Buffer) => Buffer) {
  const out = path.join(work, name)
  writeFileSync(out, edit(readFileSync(file)))
  return out
}

beforeAll(async () => {
  if (postgres) {
    const current = currentTestDatabase()
    source = { handle: current.handle, url: current.url! }
    const database = await createEmptyDatabase()
    target = { url: database.url!, database }
  } else {
    // A data dir on disk like the server's, from the run's migrated snapshot (initdb takes ~15 s).
    const dataDir = path.join(work, 'source', 'pglite')
    mkdirSync(path.dirname(dataDir))
    const handle = await openPglite(dataDir, { loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) })
    useDatabase(handle)
    source = { handle, dataDir }
    target = { dataDir: path.join(work, 'restored', 'pglite') }
  }
  let started = Date.now()
  const summary = await seedDemo(source.handle.prisma)
  timings.seedMs = Date.now() - started
  expect(summary).toBeTruthy()
  // Audit events through the app's own service, chained as in production.
  const user = await source.handle.prisma.user.findFirstOrThrow({ where: { email: 'advocate@demo.example' } })
  const victims = await source.handle.prisma.victim.findMany({ select: { id: true } })
  started = Date.now()
  for (const victim of victims) {
    await audit({ actor: { id: user.id, email: user.email }, action: 'victim.view', entityType: 'victim', entityId: victim.id, ip: '192.0.2.7', details: { tab: 'journey' } })
  }
  await audit({ action: 'auth.login.failure', entityType: 'login', entityId: 'nobody@test.example', ip: '192.0.2.8', details: { note: 'ünïcödé “quotes” \'\' \\ —' } })
  timings.auditMs = Date.now() - started
  before = await snapshotOf(source.handle.runner)
  beforeAudit = await auditRows(source.handle.runner)
  expect(beforeAudit).toHaveLength(victims.length + 1)
  // Backed up as in production, with the server stopped (a second process is refused meanwhile:
  // tests/integration/embedded-database-lock.test.ts).
  if (!postgres) await source.handle.close()
}, 60_000)

afterAll(async () => {
  if (!postgres) await source?.handle.close().catch(() => {})
  await target?.database?.dispose()
  rmSync(work, { recursive: true, force: true })
  console.info(`backup round trip (${postgres ? 'PostgreSQL' : 'PGlite'}) ms:`, JSON.stringify(timings))
})

describe(`backup and restore (${postgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  test('db:backup writes a self-describing file whose manifest matches the database', async () => {
    const started = Date.now()
    const { manifest } = await backup(file)
    timings.backupMs = Date.now() - started
    timings.fileBytes = readFileSync(file).length
    expect(readBackupHeader(file).manifest).toEqual(manifest)
    expect(manifest.engine).toBe(postgres ? 'postgres' : 'pglite')
    expect(manifest.payload.format).toBe(postgres ? 'pg_dump-custom' : 'pglite-datadir-tar-gzip')
    expect(manifest.app.migration).toBe(readdirSync('prisma/migrations', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().at(-1))
    expect(Object.fromEntries(Object.entries(manifest.tables).map(([name, t]) => [name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(before).map(([name, t]) => [name, t.rows])),
    )
    expect(manifest.audit).toMatchObject({ events: beforeAudit.length, headSeq: beforeAudit.at(-1)!.seq, headHash: beforeAudit.at(-1)!.hash, chain: 'intact' })
    expect(Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0)).toBeGreaterThan(500)
    expect(readFileSync(file).subarray(0, 18).toString()).toBe('WAYPOINT-BACKUP 1\n')
  }, 30_000)

  test('db:restore into a fresh database: every table has the same rows and contents, and the audit chain verifies', async () => {
    const started = Date.now()
    const result = await restore(file, target)
    timings.restoreMs = Date.now() - started
    expect(result.previous).toBeUndefined()
    await withRestored(async (handle) => {
      expect(await snapshotOf(handle.runner)).toEqual(before)
      expect(await auditRows(handle.runner)).toEqual(beforeAudit)
      expect(await verifyAuditChain(handle.prisma)).toEqual({ ok: true, checked: beforeAudit.length })
      // The restored database is usable by the app: the chain continues from the restored head.
      const next = await handle.prisma.$transaction(async (tx) => {
        await audit({ action: 'backup.restored', entityType: 'backup', entityId: path.basename(file) }, tx)
        return tx.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } })
      })
      expect(next.prevHash).toBe(beforeAudit.at(-1)!.hash)
      expect(String(next.seq)).toBe(String(BigInt(beforeAudit.at(-1)!.seq) + 1n))
    })
  }, 30_000)

  test('a non-empty target is refused without --force', async () => {
    await expect(restore(file, target)).rejects.toThrow(postgres ? /already has \d+ tables. Pass --force/ : /already holds a database. Pass --force/)
  }, 30_000)

  test('damaged files are refused before the target is touched', async () => {
    const payloadStart = readBackupHeader(file).payloadStart
    const truncated = tampered('truncated.wpbackup', (b) => b.subarray(0, b.length - 1000))
    await expect(restore(truncated, { url: source.url, dataDir: path.join(work, 'never') })).rejects.toThrow(/is truncated: its payload has \d+ of \d+ bytes/)
    const flipped = tampered('flipped.wpbackup', (b) => {
      const copy = Buffer.from(b)
      copy[payloadStart + Math.floor((copy.length - payloadStart) / 2)]! ^= 0xff
      return copy
    })
    await expect(restore(flipped, target, true)).rejects.toThrow(/is corrupted: its payload's SHA-256 does not match/)
    const edited = tampered('edited.wpbackup', (b) => Buffer.from(b.toString('latin1').replace(/"events":(\d+)/, (_, n: string) => `"events":${Number(n) - 1}`), 'latin1'))
    expect(readFileSync(edited).equals(readFileSync(file))).toBe(false)
    await expect(restore(edited, target, true)).rejects.toThrow(/does not match its digest/)
    const notOurs = tampered('not-ours.wpbackup', (b) => Buffer.concat([Buffer.from('PGDMP'), b]))
    await expect(restore(notOurs, target, true)).rejects.toThrow(/is not a Waypoint backup/)
    expect(existsSync(path.join(work, 'never'))).toBe(false)
  })

  test('a backup of the other engine is refused', async () => {
    const other = tampered('other-engine.wpbackup', (b) => relabel(b, (m) => ({ ...m, engine: postgres ? 'pglite' : 'postgres' })))
    await expect(restore(other, target, true)).rejects.toThrow(postgres ? /is an embedded-database \(PGlite\) backup/ : /is a postgres backup/)
  })

  test('a backup from a newer Waypoint (unknown migration) is refused', async () => {
    const newer = tampered('newer.wpbackup', (b) => relabel(b, (m) => ({ ...m, app: { ...m.app, migration: '29991231000000_future' } })))
    await expect(restore(newer, target, true)).rejects.toThrow(/made by a newer Waypoint \(migration 29991231000000_future/)
  })

  test('a manifest that lies (re-signed, one count changed) fails the verification after restore', async () => {
    const lying = tampered('lying.wpbackup', (b) =>
      relabel(b, (m) => ({ ...m, tables: { ...m.tables, Victim: { ...m.tables.Victim!, rows: m.tables.Victim!.rows + 1 } } })),
    )
    const fresh = postgres ? await createEmptyDatabase() : undefined
    const into = postgres ? { url: fresh!.url } : { dataDir: path.join(work, 'lying', 'pglite') }
    try {
      await expect(restore(lying, into)).rejects.toThrow(new RegExp(`table Victim: ${before.Victim!.rows} rows restored, the backup says ${before.Victim!.rows + 1}`))
    } finally {
      await fresh?.dispose()
    }
    // PGlite restores beside the target and swaps only after verifying: nothing is left behind.
    if (!postgres) expect(readdirSync(path.join(work, 'lying'))).toEqual([])
  }, 30_000)

  test.skipIf(postgres)('--force replaces an embedded database and keeps the old one aside', async () => {
    const result = await restore(file, target, true)
    expect(result.previous).toMatch(/pglite\.before-restore-\d{8}T\d{6}$/)
    expect(existsSync(path.join(result.previous!, 'PG_VERSION'))).toBe(true)
    expect(existsSync(path.join(target.dataDir!, 'PG_VERSION'))).toBe(true)
  }, 30_000)

  test.skipIf(!postgres)('--force replaces a PostgreSQL database in one transaction (the extra audit event is gone)', async () => {
    await sessionsGone(target.url!)
    await restore(file, target, true)
    await withRestored(async (handle) => {
      expect(await snapshotOf(handle.runner)).toEqual(before)
      expect(await verifyAuditChain(handle.prisma)).toEqual({ ok: true, checked: beforeAudit.length })
    })
  }, 30_000)

  test.skipIf(!postgres)('a PostgreSQL backup taken while users write describes exactly the rows it holds (one snapshot)', async () => {
    const live = path.join(work, 'live.wpbackup')
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await audit({ action: 'victim.view', entityType: 'victim', entityId: `live-${written}`, ip: '192.0.2.9' })
        written++
      }
    })()
    try {
      while (written < 5) await new Promise((resolve) => setTimeout(resolve, 10))
      const { manifest } = await backupPostgres(source.url!, live)
      const atBackupEnd = written
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(manifest.audit.events).toBeGreaterThan(beforeAudit.length)
      expect(manifest.audit.events).toBeLessThan(beforeAudit.length + atBackupEnd + 1)
      // Restore verifies every count, checksum and the audit head against the manifest.
      const fresh = await createEmptyDatabase()
      try {
        await restorePostgres(live, fresh.url!)
      } finally {
        await fresh.dispose()
      }
    } finally {
      writing = false
      await writer
    }
  }, 40_000)
})

/** A closed pool's server sessions linger a moment; restore rightly refuses while any is there. */
async function sessionsGone(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
      if (rows[0]!.n === 0) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await client.end()
  }
}

/** Rewrites the manifest with `change` and signs it again, as someone who knows the format could. */
function relabel(bytes: Buffer, change: (manifest: ReturnType<typeof readBackupHeader>['manifest']) => object): Buffer {
  const first = bytes.indexOf(10)
  const second = bytes.indexOf(10, first + 1)
  const { digest: _digest, ...rest } = change(JSON.parse(bytes.subarray(first + 1, second).toString('utf8'))) as { digest: string }
  const digest = createHash('sha256').update(canonicalJson(rest)).digest('hex')
  return Buffer.concat([bytes.subarray(0, first + 1), Buffer.from(JSON.stringify({ ...rest, digest })), bytes.subarray(second)])
}
