// One owner for the embedded database: every process that opens a PGlite folder holds its lock
// (app/services/db.server.ts), so a second process — another server, a seed, a backup,
// audit:verify — is refused while one has it open, and gets it once that one has closed it or, if
// it was killed, once its lock has gone stale. The embedded database only: skipped on PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { DatabaseInUseError, LOCK_STALE_MS, openPglite } from '~/services/db.server'

const root = path.resolve(import.meta.dirname, '../..')
const postgres = Boolean(process.env.DATABASE_URL)
let work: string
let dataDir: string
const lockOf = (dir: string) => `${dir}.lock`
const holders: ChildProcess[] = []

/** Another process holding the folder open, once it says so. */
async function holder(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/hold-embedded-database.ts', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  holders.push(child)
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve())
    child.once('exit', (code) => reject(new Error(`the holding process exited (${code}) before opening the database`)))
  })
  return child
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve)))

/** `npm run audit:verify` on the folder (exit 0 intact, 2 could not check), and what it printed. */
function auditVerify(): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: work }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

describe.skipIf(postgres)('the embedded database has one owner at a time', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(root, 'tests/.tmp/lock-'))
    dataDir = path.join(work, 'pglite')
    // A migrated folder from the run's snapshot (initdb would take ~15 s).
    const handle = await openPglite(dataDir, { loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) })
    await handle.close()
    expect(existsSync(lockOf(dataDir))).toBe(false)
  }, 60_000)

  afterAll(async () => {
    for (const child of holders) child.kill('SIGKILL')
    await Promise.all(holders.map(exited))
    rmSync(work, { recursive: true, force: true })
  })

  test('a second process is refused while one has it open, and gets it once that one closes it', { timeout: 90_000 }, async () => {
    const first = await holder()
    const refusal = await openPglite(dataDir).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(DatabaseInUseError)
    expect((refusal as Error).message).toContain(`The embedded database ${dataDir} is open in another Waypoint process (server, seed`)

    const verify = await auditVerify()
    expect(verify.output).toContain(`${dataDir} is open in another Waypoint process`)
    expect(verify.code).toBe(2) // could not check

    first.kill('SIGTERM')
    await exited(first)
    expect(existsSync(lockOf(dataDir))).toBe(false)
    const after = await auditVerify()
    expect(after.output).toContain('INTACT')
    expect(after.code).toBe(0)
  })

  test('a lock left by a killed process is taken over once it is stale', { timeout: 60_000 }, async () => {
    const killed = await holder()
    killed.kill('SIGKILL')
    await exited(killed)
    expect(existsSync(lockOf(dataDir))).toBe(true)
    // Within LOCK_STALE_MS of its last refresh the holder may only be busy: still refused.
    await expect(openPglite(dataDir)).rejects.toBeInstanceOf(DatabaseInUseError)
    // As if that time had passed since the killed process last refreshed its lock.
    const then = (Date.now() - LOCK_STALE_MS - 1000) / 1000
    utimesSync(lockOf(dataDir), then, then)
    const handle = await openPglite(dataDir)
    expect(await handle.prisma.user.count()).toBeGreaterThanOrEqual(0)
    await handle.close()
    expect(existsSync(lockOf(dataDir))).toBe(false)
  })

  test('opening it twice in one process shares one instance and one lock', async () => {
    const a = await openPglite(dataDir)
    const b = await openPglite(dataDir)
    expect(b.pglite).toBe(a.pglite)
    await a.close()
    expect(await b.prisma.user.count()).toBeGreaterThanOrEqual(0)
    expect(existsSync(lockOf(dataDir))).toBe(true)
    await b.close()
    expect(existsSync(lockOf(dataDir))).toBe(false)
  })
})
