// The email half of the test: while the simulated users work, the mock Resend API fails every send
// in turn with 500, 503, 429 and then no answer at all (its port closed), and outbox rows keep
// arriving. Afterwards every row must be sent exactly once and none marked failed.
import type { Server } from 'node:http'
import pg from 'pg'

export interface EmailPlan {
  inserted: string[]
  errorsSeen: Set<string>
  modes: { at: number; mode: string }[]
}

export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  // A fresh connection each time: the database is restarted during the test.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end().catch(() => {})
  }
}

const MODES = ['500', '503', '429', 'no answer'] as const

/**
 * Runs the failure schedule: each mode for `stepMs`, a batch of outbox rows queued at the start of
 * each, then the API recovers. Resolves when the API is healthy again.
 */
export async function failEmailApi(opts: {
  mailUrl: string
  mock: Server
  mailPort: number
  dbUrl: string
  runId: string
  perStep: number
  stepMs: number
  since: number
}): Promise<EmailPlan> {
  const plan: EmailPlan = { inserted: [], errorsSeen: new Set(), modes: [] }
  const failNext = (count: number, status = 500) => fetch(`${opts.mailUrl}/__fail-next?count=${count}&status=${status}`, { method: 'POST' })
  const watch = setInterval(() => {
    sql<{ lastError: string }>(opts.dbUrl, `SELECT DISTINCT "lastError" FROM "OutboxEmail" WHERE "lastError" IS NOT NULL`)
      .then((rows) => rows.forEach((r) => plan.errorsSeen.add(r.lastError)))
      .catch(() => {})
  }, 500)
  try {
    for (const [step, mode] of MODES.entries()) {
      plan.modes.push({ at: Date.now() - opts.since, mode })
      if (mode === 'no answer') {
        await failNext(0)
        opts.mock.close()
        opts.mock.closeAllConnections()
      } else await failNext(1_000_000, Number(mode))
      plan.inserted.push(...(await queueRows(opts.dbUrl, opts.runId, step, opts.perStep)))
      await new Promise((resolve) => setTimeout(resolve, opts.stepMs))
    }
    await new Promise<void>((resolve) => opts.mock.listen(opts.mailPort, '127.0.0.1', resolve))
    await failNext(0)
    plan.modes.push({ at: Date.now() - opts.since, mode: 'healthy' })
  } finally {
    clearInterval(watch)
  }
  return plan
}

/** Outbox rows as the app writes them (pre-rendered, so the worker sends the stored text). */
async function queueRows(dbUrl: string, runId: string, step: number, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `load_${runId}_${step}_${i}`)
  await sql(
    dbUrl,
    `INSERT INTO "OutboxEmail" (id, "dedupeKey", "to", subject, template, html, text, kind)
     SELECT id, 'load:' || id, id || '@load.example', 'Load test ' || id, 'load-test', '<p>' || id || '</p>', id, 'account'
     FROM unnest($1::text[]) AS id`,
    [ids],
  )
  return ids
}

export interface OutboxRow {
  id: string
  status: string
  attempts: number
  providerId: string | null
  lastError: string | null
}

export interface CapturedEmail {
  id: string
  idempotency_key: string | null
}

/** Every row sent, each exactly once (one captured email with the row's id as its key, the id the row recorded). */
export function checkDelivery(rows: OutboxRow[], captured: CapturedEmail[]) {
  const byKey = new Map<string, CapturedEmail[]>()
  for (const e of captured) byKey.set(e.idempotency_key ?? '', [...(byKey.get(e.idempotency_key ?? '') ?? []), e])
  const notSent = rows.filter((r) => r.status !== 'sent')
  const failed = rows.filter((r) => r.status === 'failed')
  const notDeliveredOnce = rows.filter((r) => r.status === 'sent' && (byKey.get(r.id)?.length ?? 0) !== 1)
  const wrongProviderId = rows.filter((r) => r.status === 'sent' && byKey.get(r.id)?.[0]?.id !== r.providerId)
  const rowIds = new Set(rows.map((r) => r.id))
  const strays = captured.filter((e) => !rowIds.has(e.idempotency_key ?? ''))
  return { rows: rows.length, captured: captured.length, notSent, failed, notDeliveredOnce, wrongProviderId, strays }
}
