// The HTTP server: Express in front of Remix, so that security rules run before any loader or
// action — per-request CSP nonce, standard security headers, refusal of cross-origin writes,
// request size limits — and so that start-up (migrations) happens in the one process that
// owns the embedded database. `npm run dev` runs this with Vite's middleware; `npm start` runs the
// bundled copy in build/server.js against the production build.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import os from 'node:os'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import pino from 'pino'
import { countingStatements } from '../app/services/query-count.server'
import { superviseWebProcesses } from './cluster'
import { allowedMethodsOnly, sameOriginWrites } from './request-guards'
import { planWebProcesses } from './web-processes'

const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
// HSTS and upgrade-insecure-requests only when the public address is HTTPS (not on http://localhost).
const https = (process.env.APP_URL ?? '').startsWith('https://')

// Production on PostgreSQL: one web process per core (WEB_CONCURRENCY); this process then only
// supervises them (scripts/cluster.ts) and never returns from here. Otherwise it serves itself.
const webProcesses = planWebProcesses(process.env, os.availableParallelism())
if (cluster.isPrimary && webProcesses.processes > 1) await superviseWebProcesses(webProcesses)

const EMAIL_PREVIEW_PATH = /^\/admin\/emails\/[a-z-]+\/html(\?|$)/

const vite = production
  ? undefined
  : await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))

async function loadBuild(): Promise<ServerBuild> {
  if (vite) return (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
  // Resolved at run time (this file runs as build/server.js) so esbuild leaves the Remix build out
  // of the server bundle rather than inlining a second copy of the app.
  const remixBuild = new URL('./server/index.js', import.meta.url).href
  return (await import(remixBuild)) as ServerBuild
}

type Lifecycle = { startup: () => Promise<{ banner: string }>; shutdown: () => Promise<void> }
const build = await loadBuild()
// Migrations run inside the app bundle, so only one copy of the database
// module (and so one PGlite instance) ever exists in this process.
const lifecycle = build.entry.module as unknown as Lifecycle
const { banner } = await lifecycle.startup()

// Access log: method, path, status and time only — no query strings (they can hold search terms,
// i.e. names) and no secrets in paths (one-time links).
const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'waypoint' } })
const loggablePath = (path: string) => path.replace(/^\/reset-password\/.+/, '/reset-password/[token]')

const app = express()
app.disable('x-powered-by')
app.use((req, res, next) => {
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    if (req.path === '/healthz' || req.path.startsWith('/assets/')) return
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    log.info({ method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) }, 'request')
  })
  next()
})
if (process.env.TRUST_PROXY === 'true') app.set('trust proxy', true)
// Opt-in (the benchmark): the SQL statements each request ran, as the X-Query-Count header, set when
// the headers go out (a page's loaders have all finished by then).
if (process.env.WAYPOINT_QUERY_COUNT === '1') {
  app.use((_req, res, next) => {
    const counter = { statements: 0 }
    const writeHead = res.writeHead
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!res.headersSent) res.setHeader('X-Query-Count', String(counter.statements))
      return writeHead.apply(this, args)
    } as typeof writeHead
    countingStatements(counter, next)
  })
}
app.use(allowedMethodsOnly())
app.use(compression())

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})

app.use(
  helmet({
    xPoweredBy: false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        // Vite's dev server injects CSS through <style> tags and talks to its HMR socket.
        // An email's HTML (its own sandboxed document, /admin/emails/:template/html) is styled inline.
        'style-src': production ? ["'self'", (req) => (EMAIL_PREVIEW_PATH.test(req.url ?? '') ? "'unsafe-inline'" : "'self'")] : ["'self'", "'unsafe-inline'"],
        'connect-src': production ? ["'self'"] : ["'self'", 'ws:'],
        'script-src': [
          "'strict-dynamic'",
          (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
        ],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
  }),
)

app.use((_req, res, next) => {
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
  next()
})

// Cross-site request forgery: any state-changing request must come from this origin (scheme, host
// and port). Browsers send Origin on every POST; a request with neither Origin nor Referer is refused.
app.use(sameOriginWrites(process.env.APP_URL))

// PostgreSQL cannot store or compare text holding NUL, so a NUL in the path or query string would
// reach a query and fail as a 500 (found: /victims?q=a%00b). No Waypoint address has one; form bodies
// have NUL removed by readFormData.
app.use((req, res, next) => {
  if (!/%00/i.test(req.originalUrl)) return next()
  res.status(400).type('text/plain').send('Bad request: the address contains a NUL character.')
})

// Refuse oversized bodies before Remix parses them (forms here are small). Browsers always send
// Content-Length with a form; a streamed body of unknown length is refused rather than read.
const MAX_BODY = 1024 * 1024
app.use((req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next()
  if (req.get('transfer-encoding') && !req.get('content-length')) {
    res.status(411).type('text/plain').send('Length required.')
    return
  }
  const length = Number(req.get('content-length') ?? 0)
  if (!(length <= MAX_BODY)) {
    res.status(413).type('text/plain').send('Request too large.')
    return
  }
  next()
})

// GOV.UK Frontend and MOJ Frontend fonts and images, referenced by the compiled CSS as /assets/….
for (const dir of [
  'node_modules/govuk-frontend/dist/govuk/assets',
  'node_modules/@ministryofjustice/frontend/moj/assets',
]) {
  app.use('/assets', express.static(dir, { maxAge: '1d', fallthrough: true }))
}

// Documents without an icon link (the sandboxed email previews) make browsers ask for /favicon.ico.
app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'))

if (vite) {
  app.use(vite.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/client', { maxAge: '1h' }))
}

app.all(
  '*',
  createRequestHandler({
    build: vite ? () => loadBuild() : build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  }),
)

const server = app.listen(port, () => {
  console.log(`${banner}\nWaypoint is listening on http://localhost:${port}`)
})

// Graceful stop: refuse new connections, let requests in flight and queued email work finish, close the database.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    const forced = setTimeout(() => process.exit(1), 10_000)
    // Requests in flight finish before the database closes (a slow page answered after the pool
    // ended failed with "Cannot use a pool after calling end on the pool").
    const drained = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    drained
      .then(() => lifecycle.shutdown())
      .then(() => process.exit(0))
      .catch(() => process.exit(1))
      .finally(() => clearTimeout(forced))
  })
}
