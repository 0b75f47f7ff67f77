// Backup and restore of PostgreSQL (DATABASE_URL) with the standard tools: pg_dump's custom
// format, and pg_restore turned into SQL that psql applies in ONE transaction — a restore that
// fails part-way leaves the target as it was.
//
// Consistency while the app keeps running: the inventory (row counts, checksums, audit head) is
// taken in a REPEATABLE READ transaction whose snapshot pg_dump imports (--snapshot), so the
// manifest describes exactly the rows in the dump.
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openPostgres } from '../../app/services/db.server'
import { BackupFileError, payloadStream, readBackupHeader, verifyPayload, writeBackupFile } from './format'
import { appVersion, chainStatus, checkMigrationLevel, compareInventory, describeChain, takeInventory } from './inventory'
import type { BackupResult, RestoreResult } from './pglite'

/** A client tool: from PG_BIN when set (e.g. /usr/lib/postgresql/16/bin), else the PATH. */
const tool = (name: string) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name)

export function toolMajor(name: string): { version: string; major: number } {
  const run = spawnSync(tool(name), ['--version'], { encoding: 'utf8' })
  if (run.error || run.status !== 0) {
    throw new BackupFileError(`${name} not found: install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client), or set PG_BIN.`)
  }
  const match = /(\d+)(?:\.(\d+))?/.exec(run.stdout)
  if (!match) throw new BackupFileError(`Cannot read ${name}'s version from "${run.stdout.trim()}".`)
  return { version: match[0], major: Number(match[1]) }
}

/**
 * libpq connection settings from a Prisma-style URL: the password goes in PGPASSWORD (not on a
 * command line anyone can read in `ps`), and Prisma-only parameters that libpq rejects are dropped.
 */
export function libpq(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const env: NodeJS.ProcessEnv = { ...process.env }
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password)
  parsed.password = ''
  for (const key of ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout', 'sslaccept']) {
    parsed.searchParams.delete(key)
  }
  return { url: parsed.toString(), env }
}

async function serverVersion(client: pg.Client) {
  const { rows } = await client.query<{ v: string; n: string }>(`SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`)
  return { version: rows[0]!.v, major: Math.floor(Number(rows[0]!.n) / 10000) }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(tool(command), args, { env, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  // A tool that stops early closes its input: the error then comes from its exit code, not EPIPE.
  child.stdin.on('error', () => {})
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupFileError(`${command} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))))
  })
  return { child, done }
}

export async function backupPostgres(url: string, out: string, log: (line: string) => void = () => {}): Promise<BackupResult> {
  const started = Date.now()
  const dump = toolMajor('pg_dump')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const tmp = `${out}.payload`
  try {
    const server = await serverVersion(client)
    if (dump.major < server.major) {
      throw new BackupFileError(
        `pg_dump ${dump.version} cannot dump a PostgreSQL ${server.version} server: install postgresql-client-${server.major} (or set PG_BIN to its bin folder).`,
      )
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
    const conn = libpq(url)
    const job = run('pg_dump', ['--format=custom', '--compress=6', `--snapshot=${rows[0]!.id}`, '--no-password', `--dbname=${conn.url}`], conn.env)
    job.child.stdin.end()
    const written = new Promise<void>((resolve, reject) => {
      const file = createWriteStream(tmp, { mode: 0o600 })
      job.child.stdout.pipe(file)
      file.on('finish', resolve)
      file.on('error', reject)
    })
    const dumped = Promise.all([job.done, written])
    dumped.catch(() => {}) // awaited below; an early failure must not go unhandled meanwhile
    // The snapshot must stay open until pg_dump has imported it: take the inventory meanwhile.
    const inventory = await takeInventory(async (sql) => (await client.query(sql)).rows)
    await dumped
    await client.query('COMMIT')
    // Verified on the live database after the dump: the log is append-only, so an intact chain
    // now means the dumped prefix of it was intact too.
    const handle = openPostgres(url)
    const chain = await chainStatus(handle.prisma).finally(() => handle.close())
    if (chain !== 'intact') log(`WARNING: the audit chain is ${describeChain(chain)}. Backing up anyway: it is evidence.`)
    const manifest = await writeBackupFile(
      out,
      {
        createdAt: new Date().toISOString(),
        engine: 'postgres',
        engineVersion: server.version,
        tool: `pg_dump ${dump.version}`,
        app: { version: appVersion(), migration: inventory.migration, migrations: inventory.migrations },
        tables: inventory.tables,
        audit: { ...inventory.audit, chain },
      },
      tmp,
      'pg_dump-custom',
    )
    return { manifest, ms: Date.now() - started }
  } finally {
    rmSync(tmp, { force: true })
    await client.end().catch(() => {})
  }
}

/** The tables already in the target's public schema. */
async function targetContents(client: pg.Client) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )
  return rows.map((r) => r.name)
}

export async function restorePostgres(file: string, url: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const started = Date.now()
  const backup = readBackupHeader(file)
  const { manifest } = backup
  if (manifest.engine !== 'postgres') {
    throw new BackupFileError(`${file} is an embedded-database (PGlite) backup; the target is PostgreSQL (DATABASE_URL). Restore it without DATABASE_URL, into DATA_DIR.`)
  }
  const level = checkMigrationLevel(manifest)
  if (level) throw new BackupFileError(`Refused: ${level}`)
  const restore = toolMajor('pg_restore')
  const madeBy = Number(/(\d+)/.exec(manifest.tool)?.[1] ?? 0)
  if (restore.major < madeBy) {
    throw new BackupFileError(`Refused: the backup was written by ${manifest.tool}; pg_restore ${restore.version} cannot read it. Install postgresql-client-${madeBy} or newer.`)
  }
  toolMajor('psql')
  await verifyPayload(backup)

  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const server = await serverVersion(client)
    const sourceMajor = Number(/^(\d+)/.exec(manifest.engineVersion)?.[1] ?? 0)
    if (server.major < sourceMajor) {
      throw new BackupFileError(`Refused: the backup comes from PostgreSQL ${manifest.engineVersion}; the target runs ${server.version}. Restore onto ${sourceMajor} or newer.`)
    }
    const existing = await targetContents(client)
    if (existing.length > 0 && !options.force) {
      throw new BackupFileError(`Refused: the target database already has ${existing.length} tables. Pass --force to replace its contents (take a backup of it first).`)
    }
    const { rows: others } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
    if (others[0]!.n > 0) {
      throw new BackupFileError(`Refused: ${others[0]!.n} other sessions are connected to the target database. Stop the Waypoint server (and worker) first.`)
    }
    const conn = libpq(url)
    // Replacing: drop the schema in the same transaction as the restore, so nothing of the old
    // contents (a table a newer migration added, say) survives beside the restored ones.
    const prelude = existing.length > 0 ? 'DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n' : ''
    const psql = run('psql', ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--no-password', `--dbname=${conn.url}`], conn.env)
    psql.child.stdout.resume()
    const toSql = run('pg_restore', ['--no-owner', '--no-privileges', '--file=-'], conn.env)
    payloadStream(backup).pipe(toSql.child.stdin)
    psql.child.stdin.write(prelude)
    toSql.child.stdout.pipe(psql.child.stdin)
    await Promise.all([toSql.done, psql.done])
  } finally {
    await client.end().catch(() => {})
  }

  const check = new pg.Client({ connectionString: url })
  await check.connect()
  let inventory
  try {
    await check.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    inventory = await takeInventory(async (sql) => (await check.query(sql)).rows)
    await check.query('COMMIT')
  } finally {
    await check.end().catch(() => {})
  }
  const handle = openPostgres(url)
  const chain = await chainStatus(handle.prisma).finally(() => handle.close())
  const problems = compareInventory(manifest, inventory, chain)
  if (problems.length > 0) {
    throw new BackupFileError(`The restored database does not match the backup's manifest. Do not use it until this is explained:\n  ${problems.join('\n  ')}`)
  }
  return { manifest, ms: Date.now() - started }
}
