// A stand-in for the Resend API for end-to-end tests: the app under test is started with
// RESEND_BASE_URL pointing here, so every email it sends is captured instead of delivered.
//
//   POST   /emails          send one email, as Resend does → 200 {"id": "..."}
//   POST   /emails/batch    send up to 100 → 200 {"data": [{"id": "..."}, …]}
//   GET    /emails?to=addr  captured emails (oldest first), optionally only those to addr
//   GET    /emails/:id      one captured email
//   DELETE /emails          forget every captured email
//   POST   /__fail-next?count=n&status=500[&to=addr]   make the next n sends (to addr) fail (to test retries)
//   GET    /__health        readiness probe for Playwright's webServer
//
// Run with: tsx tests/mocks/resend-server.ts   (MOCK_RESEND_PORT, default 3999; binds 127.0.0.1)
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'

export interface CapturedEmail {
  id: string
  from: string
  to: string[]
  cc: string[]
  bcc: string[]
  reply_to: string[]
  subject: string
  html: string | null
  text: string | null
  headers: Record<string, string>
  tags: { name: string; value: string }[]
  idempotency_key: string | null
  created_at: string
}

const MAX_BODY = 5 * 1024 * 1024
const emails: CapturedEmail[] = []
let failNext: { count: number; status: number; to: string | null } = { count: 0, status: 500, to: null }

const list = (v: unknown): string[] =>
  v == null ? [] : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')

/** Email address inside "Name <addr>" or a bare address, lower-cased. */
export const address = (v: string) => (/<([^>]+)>/.exec(v)?.[1] ?? v).trim().toLowerCase()

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) reject(new Error('body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

type Validated = { ok: true; email: CapturedEmail } | { ok: false; message: string }

function validate(input: unknown, idempotencyKey: string | null): Validated {
  if (!input || typeof input !== 'object') return { ok: false, message: 'Invalid JSON body' }
  const b = input as Record<string, unknown>
  for (const field of ['from', 'to', 'subject'] as const) {
    if (b[field] == null || (Array.isArray(b[field]) && b[field].length === 0)) {
      return { ok: false, message: `Missing \`${field}\` field.` }
    }
  }
  if (typeof b.html !== 'string' && typeof b.text !== 'string' && b.react == null) {
    return { ok: false, message: 'Missing `html` or `text` field.' }
  }
  return {
    ok: true,
    email: {
      id: randomUUID(),
      from: String(b.from),
      to: list(b.to),
      cc: list(b.cc),
      bcc: list(b.bcc),
      reply_to: list(b.reply_to ?? b.replyTo),
      subject: String(b.subject),
      html: typeof b.html === 'string' ? b.html : null,
      text: typeof b.text === 'string' ? b.text : null,
      headers: (b.headers && typeof b.headers === 'object' ? b.headers : {}) as Record<string, string>,
      tags: Array.isArray(b.tags) ? (b.tags as CapturedEmail['tags']) : [],
      idempotency_key: idempotencyKey,
      created_at: new Date().toISOString(),
    },
  }
}

/** Answers with the simulated failure when one is armed (for this recipient, if one was named). */
function failure(res: ServerResponse, body: unknown): boolean {
  if (failNext.count <= 0) return false
  const to = body && typeof body === 'object' ? list((body as Record<string, unknown>).to).map(address) : []
  if (failNext.to && !to.includes(failNext.to)) return false
  failNext.count -= 1
  send(res, failNext.status, { statusCode: failNext.status, name: 'application_error', message: 'Simulated failure (mock Resend)' })
  return true
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const method = req.method ?? 'GET'

  if (url.pathname === '/__health') return send(res, 200, { ok: true, captured: emails.length })

  if (method === 'POST' && url.pathname === '/__fail-next') {
    const to = url.searchParams.get('to')
    failNext = { count: Number(url.searchParams.get('count') ?? 1), status: Number(url.searchParams.get('status') ?? 500), to: to ? address(to) : null }
    return send(res, 200, failNext)
  }

  if (method === 'POST' && (url.pathname === '/emails' || url.pathname === '/emails/batch')) {
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      return send(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' })
    }
    let body: unknown
    try {
      body = JSON.parse(await readBody(req))
    } catch {
      return send(res, 400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON body' })
    }
    if (failure(res, body)) return
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null
    if (url.pathname === '/emails') {
      if (key) {
        const earlier = emails.find((e) => e.idempotency_key === key)
        if (earlier) return send(res, 200, { id: earlier.id })
      }
      const v = validate(body, key)
      if (!v.ok) return send(res, 422, { statusCode: 422, name: 'validation_error', message: v.message })
      emails.push(v.email)
      return send(res, 200, { id: v.email.id })
    }
    if (!Array.isArray(body)) return send(res, 422, { statusCode: 422, name: 'validation_error', message: 'Expected an array' })
    const checked = body.map((b) => validate(b, null))
    const bad = checked.find((c) => !c.ok)
    if (bad && !bad.ok) return send(res, 422, { statusCode: 422, name: 'validation_error', message: bad.message })
    const ids = checked.map((c) => (c as { email: CapturedEmail }).email)
    emails.push(...ids)
    return send(res, 200, { data: ids.map((e) => ({ id: e.id })) })
  }

  if (method === 'GET' && url.pathname === '/emails') {
    const to = url.searchParams.get('to')
    const data = to
      ? emails.filter((e) => [...e.to, ...e.cc, ...e.bcc].some((t) => address(t) === address(to)))
      : emails
    return send(res, 200, { object: 'list', data })
  }

  if (method === 'DELETE' && url.pathname === '/emails') {
    emails.length = 0
    return send(res, 200, { deleted: true })
  }

  const one = /^\/emails\/([^/]+)$/.exec(url.pathname)
  if (method === 'GET' && one) {
    const email = emails.find((e) => e.id === one[1])
    return email ? send(res, 200, { object: 'email', ...email }) : send(res, 404, { statusCode: 404, name: 'not_found', message: 'Email not found' })
  }

  return send(res, 404, { statusCode: 404, name: 'not_found', message: `No route for ${method} ${url.pathname}` })
}

export function startMockResend(port = Number(process.env.MOCK_RESEND_PORT ?? 3999), host = '127.0.0.1') {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { statusCode: 500, name: 'application_error', message: String(error) })
    })
  })
  return new Promise<typeof server>((resolve) => server.listen(port, host, () => resolve(server)))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startMockResend()
  const a = server.address()
  console.log(`Mock Resend API listening on http://127.0.0.1:${typeof a === 'object' && a ? a.port : '?'}`)
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
