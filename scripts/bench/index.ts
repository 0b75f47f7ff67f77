// `npm run bench` — the production build (build/) against the large synthetic region, measured with
// autocannon from this process while the server runs in its own. For each page: one user's p50/p95
// (one connection), then requests/second, p95 and the share of the bare route's requests/second at
// --connections (/healthz, through the same Express + Remix stack), the SQL statements a request
// runs (the server's X-Query-Count header) and the page's HTML bytes.
// See docs/performance.md for the options and the results.
//
//   npm run bench -- [--db postgres|pglite|both] [--duration 10] [--connections 20] [--only victim]
//   PostgreSQL: BENCH_DATABASE_URL (default postgresql://root@127.0.0.1:5432/waypoint_large)
//   PGlite:     BENCH_DATA_DIR (default ./data-large), as seed:large wrote it with DATA_DIR
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { SERVER_NODE_FLAGS } from '../node-flags.mjs'
import { pickTargets, type Target } from './targets'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? fallback : (args[i + 1] ?? fallback)
}
const DURATION = Number(arg('duration', '10'))
const CONNECTIONS = Number(arg('connections', '20'))
const PORT = Number(arg('port', '3151'))
const which = arg('db', 'postgres')
const OUT = arg('out', 'docs/performance')
/** Only the targets whose name contains this (the bare route always runs: the ratios need it). */
const ONLY = arg('only', '')
const PASSWORD = 'Waypoint-demo-2026'

/** One run of autocannon on one page. */
interface Run {
  connections: number
  requests: number
  errors: number
  non2xx: number
  rps: number
  p50: number
  p95: number
  p99: number
  loadAverage: number[]
}

interface Measured {
  name: string
  path: string
  /** SQL statements one request runs (X-Query-Count, on a quiet server). */
  statements: number | null
  /** The page's HTML as sent before compression. */
  htmlBytes: number
  /** One user: one connection, one request at a time. */
  single: Run
  /** --connections users at once. */
  concurrent: Run
  /** requests/s at --connections as a share of the bare route's. */
  ratioToBare: number | null
}

/**
 * Waits until the server has finished the warm-up's requests: autocannon stops sending when its time
 * is up, but the server still works through what it queued, and a slow page's measured requests
 * would wait behind them (the review dashboard measured 0 requests/s that way).
 */
async function drained(base: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const started = performance.now()
    await fetch(`${base}/healthz`)
    if (performance.now() - started < 50) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN)

async function measure(url: string, cookie: string | undefined, seconds: number, connections: number): Promise<Run> {
  const latencies: number[] = []
  let non2xx = 0
  const instance = autocannon({ url, connections, duration: seconds, timeout: 60, headers: cookie ? { cookie } : {} }) as unknown as Promise<autocannon.Result> & {
    on: (event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void) => void
  }
  // autocannon reports p97.5, not p95: keep every latency and take the percentiles ourselves. A 60 s
  // timeout, so a slow page is measured rather than counted as errors.
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms)
    if (status < 200 || status >= 300) non2xx += 1
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  return {
    connections,
    requests: latencies.length,
    errors: result.errors + result.timeouts,
    non2xx,
    rps: Math.round((latencies.length / result.duration) * 10) / 10,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  }
}

async function waitFor(url: string, server: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`)
}

/** Signs in through the login form, as a browser does (Origin header for the CSRF check). */
async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: '' }),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__session') || c.includes('session'))
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed (${res.status})`)
  return cookie.split(';')[0]!
}

/** The results as a Markdown table, as docs/performance.md shows them. */
function table(kind: string, rows: Measured[]): string {
  const head = ['target', '1 user p50 ms', '1 user p95 ms', `${CONNECTIONS} users req/s`, `${CONNECTIONS} users p95 ms`, 'share of bare', 'SQL / request', 'HTML KB']
  const lines = [`${kind}:`, `| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`]
  for (const r of rows) {
    // No answer within a run (a slow page and a short --duration) leaves its latencies empty.
    const ms = (n: number) => (Number.isNaN(n) ? '—' : n)
    const cells = [r.name, ms(r.single.p50), ms(r.single.p95), r.concurrent.rps, ms(r.concurrent.p95), r.ratioToBare ?? '—', r.statements ?? '?', Math.round(r.htmlBytes / 102.4) / 10]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

async function runOne(kind: 'postgres' | 'pglite') {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    SESSION_SECRET: 'bench-session-secret-not-for-production',
    APP_URL: `http://localhost:${PORT}`,
    DEMO_MODE: 'false',
    // The scheduler and email worker are measured on their own (docs/performance.md), not mixed in.
    BACKGROUND_JOBS: 'off',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_FAILURES_PER_IP: '1000',
    // The X-Query-Count header on every answer (statements per request).
    WAYPOINT_QUERY_COUNT: '1',
  }
  if (kind === 'postgres') env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/waypoint_large'
  else {
    delete env.DATABASE_URL
    env.DATA_DIR = process.env.BENCH_DATA_DIR ?? './data-large'
  }
  // Ids of representative records, read before the server opens the database (PGlite: one process at a time).
  const { targets, meta } = await pickTargets(env)
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'build/server.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const base = `http://127.0.0.1:${PORT}`
  try {
    await waitFor(`${base}/healthz`, server)
    const cookies = new Map<string, string>()
    for (const t of targets) if (t.email && !cookies.has(t.email)) cookies.set(t.email, await signIn(base, t.email))
    const rows: Measured[] = []
    let bare: number | null = null
    for (const t of (targets as Target[]).filter((t) => t.bare || t.name.includes(ONLY))) {
      const cookie = t.email ? cookies.get(t.email) : undefined
      const url = `${base}${t.path}`
      const probe = async () => {
        const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
        return { res, body: await res.text() }
      }
      const first = await probe()
      if (first.res.status !== 200 || (t.expect && !first.body.includes(t.expect))) throw new Error(`${t.name}: ${t.path} answered ${first.res.status} without ${t.expect}`)
      await measure(url, cookie, 2, CONNECTIONS) // warm-up: JIT, caches, connection pool
      await drained(base)
      // Counted alone, so no other request's statements are in it; after the warm-up, as a repeat view.
      const counted = await probe()
      const header = counted.res.headers.get('x-query-count')
      const single = await measure(url, cookie, DURATION, 1)
      await drained(base)
      const concurrent = await measure(url, cookie, DURATION, CONNECTIONS)
      if (t.bare) bare = concurrent.rps
      const row: Measured = {
        name: t.name,
        path: t.path,
        statements: header === null ? null : Number(header),
        htmlBytes: Buffer.byteLength(counted.body),
        single,
        concurrent,
        ratioToBare: bare && !t.bare ? Math.round((concurrent.rps / bare) * 100) / 100 : null,
      }
      rows.push(row)
      const failed = single.non2xx + single.errors + concurrent.non2xx + concurrent.errors
      console.log(
        `${kind.padEnd(8)} ${t.name.padEnd(34)} 1 user p50 ${single.p50} p95 ${single.p95} ms · ${CONNECTIONS} users ${concurrent.rps} req/s p95 ${concurrent.p95} ms · ` +
          `${row.statements ?? '?'} SQL · ${row.htmlBytes} B · ${failed} errors · load ${concurrent.loadAverage[0]}`,
      )
    }
    console.log(`\n${table(kind, rows)}\n`)
    return { database: kind, ...meta, results: rows }
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
}

async function main() {
  if (!existsSync('build/server.js')) {
    console.error('No production build in build/: run `npm run build` first.')
    process.exit(2)
  }
  const kinds = which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite']
  const started = new Date()
  const runs = []
  for (const kind of kinds) runs.push(await runOne(kind))
  const report = {
    at: started.toISOString(),
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    runs,
  }
  mkdirSync(OUT, { recursive: true })
  const file = path.join(OUT, `bench-${started.toISOString().slice(0, 16).replace(/[:T]/g, '-')}-${which}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`Results: ${file}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
