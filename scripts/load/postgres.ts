// A throw-away PostgreSQL server for the load and fault test: its own data directory under the system
// temp dir and its own port, so it can be restarted mid-test without touching any other database.
// PostgreSQL refuses to run as root, so as root (CI) every command runs as the `postgres` user.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The newest /usr/lib/postgresql/<version>/bin with pg_ctl, or PG_BIN, or pg_config's answer. */
export function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return path.join(root, versions[0], 'bin')
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('PostgreSQL server binaries not found: install PostgreSQL or set PG_BIN to the directory holding pg_ctl')
  }
}

/** The account the server runs as when we are root (PostgreSQL will not run as root). */
function serviceAccount(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
    if (id.status === 0 && gid.status === 0) return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) }
  }
  throw new Error('Running as root but no postgres or nobody account to run PostgreSQL as')
}

export interface TempPostgres {
  url: string
  port: number
  dir: string
  restart: () => Promise<number>
  /** Stops the server for `ms` (every request meanwhile finds no database), then starts it again. */
  outage: (ms: number) => Promise<void>
  stop: () => void
  log: () => string
}

export function startTempPostgres(port: number): TempPostgres {
  const bin = findPgBin()
  const account = serviceAccount()
  const dir = mkdtempSync(path.join(tmpdir(), 'load-pg-'))
  const data = path.join(dir, 'data')
  const logFile = path.join(dir, 'server.log')
  if (account) chownSync(dir, account.uid, account.gid)
  const argv = (tool: string, args: string[]): [string, string[]] =>
    account ? ['runuser', ['-u', account.name, '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args]
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(...argv(tool, args), { encoding: 'utf8', cwd: dir })
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}\n${readLog()}`)
  }
  // Restarts run while simulated users share this process's event loop: never block it.
  const runAsync = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      execFile(...argv(tool, args), { cwd: dir }, (error, stdout, stderr) =>
        error ? reject(new Error(`${tool} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}\n${readLog()}`)) : resolve(),
      )
    })
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '')
  // fsync stays on: the test claims that acknowledged writes survive a restart.
  run('initdb', ['-D', data, '-U', 'waypoint', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`
  run('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start'])
  return {
    url: `postgresql://waypoint@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** `pg_ctl restart -m fast`: every connection is cut; answers how long it took (ms). */
    restart: async () => {
      const started = Date.now()
      // -l again: without it the new server would write to our pipe and never let go of it.
      await runAsync('pg_ctl', ['-D', data, '-l', logFile, '-m', 'fast', '-w', '-t', '60', 'restart'])
      return Date.now() - started
    },
    outage: async (ms) => {
      await runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      await new Promise((resolve) => setTimeout(resolve, ms))
      await runAsync('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start'])
    },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    log: readLog,
  }
}
