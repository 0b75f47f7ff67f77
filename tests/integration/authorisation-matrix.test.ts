// The authorisation matrix: every route of the manifest × every asker × (own /
// another organisation's / restricted record), GET and, where the module has an action, POST, against
// the expectations in tests/authorisation/matrix.ts. A route without an entry fails, so does an entry
// without a route. A refused request writes nothing but its audited refusal (row counts and versions unchanged) and answers
// as a record that does not exist would, so a URL cannot tell whether a record exists.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MATRIX, type Outcome, type RouteEntry } from '#tests/authorisation/matrix'
import { ASKERS, buildMatrixWorld, CONTEXTS, footprint, type Asker, type MatrixWorld, type RecordContext } from '#tests/setup/world/matrix'
import { request, routeManifest, routePattern, sessionCookieFor } from '#tests/setup/app-harness'

const manifest = routeManifest()
const NO_SUCH_ID = 'matrix-no-such-record'
let world: MatrixWorld
const tally = { requests: 0, refused: 0, started: 0, requestMs: 0, footprintMs: 0 }

beforeAll(async () => {
  tally.started = performance.now()
  world = await buildMatrixWorld()
}, 60_000)

afterAll(() => {
  // The size of the run, for docs and reports (a console.log: the test setup fails tests on console.error only).
  const ms = (n: number) => `${Math.round(n)} ms`
  console.log(
    `authorisation matrix: ${tally.requests} requests (${tally.refused} expected refused) in ${ms(performance.now() - tally.started)}:` +
      ` requests ${ms(tally.requestMs)}, row counts ${ms(tally.footprintMs)}`,
  )
})

function urlFor(id: string, entry: RouteEntry, ctx: RecordContext | undefined, missing = false): string {
  const { params = {}, query } = entry.url(world, ctx)
  let url = routePattern(manifest, id)
    .replace('[.csv]', '.csv')
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(missing ? NO_SUCH_ID : (params[name] ?? `missing-param-${name}`)))
  if (query) url += `?${new URLSearchParams(missing ? Object.fromEntries(Object.keys(query).map((k) => [k, NO_SUCH_ID])) : query)}`
  return url
}

/** What the app answered, in the matrix's words; anything else (a 500, a 400 to a GET) is itself a failure. */
function outcomeOf(response: Response, method: 'GET' | 'POST'): Outcome | string {
  const location = response.headers.get('location') ?? ''
  if (response.status >= 300 && response.status < 400) return location.startsWith('/login') ? 'login' : 'ok'
  if (response.status >= 200 && response.status < 300) return 'ok'
  if (response.status === 403 || response.status === 404) return 'refused'
  if (method === 'POST' && (response.status === 400 || response.status === 409)) return 'ok'
  return `HTTP ${response.status}`
}

async function send(id: string, entry: RouteEntry, method: 'GET' | 'POST', asker: Asker, ctx: RecordContext | undefined, missing = false) {
  let cookie = world.cookies[asker]
  if (method === 'POST' && entry.freshSession && asker !== 'anonymous' && asker !== 'pending') cookie = await sessionCookieFor(world.users[asker].id)
  const url = urlFor(id, entry, ctx, missing)
  let form = method === 'POST' ? (entry.body?.(world, ctx, asker) ?? {}) : undefined
  // A record named in the body (a visit, an entitlement) does not exist either.
  if (form && missing) form = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, otherIds().has(v) ? NO_SUCH_ID : v]))
  tally.requests += 1
  const t0 = performance.now()
  const response = await request(url, { cookie, method, form })
  tally.requestMs += performance.now() - t0
  return { url, response }
}

async function counted<T>(fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const result = await fn()
  tally.footprintMs += performance.now() - t0
  return result
}

/** Ids of another organisation's records: replaced by an id that does not exist for the "absent" answer. */
const otherIds = () =>
  new Set(Object.values(world).flatMap((v) => (v && typeof v === 'object' && 'other' in v && String(v.other).length > 12 ? [String(v.other)] : [])))

describe('the matrix covers the routes', () => {
  test('every route in the manifest has an entry, and every entry a route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(manifest).sort())
  })

  test('an entry has POST expectations exactly when its module exports an action', async () => {
    const mismatched: string[] = []
    for (const [id, route] of Object.entries(manifest)) {
      const module = (await import(/* @vite-ignore */ path.resolve(import.meta.dirname, '../../app', route.file))) as Record<string, unknown>
      if ((typeof module.action === 'function') !== Boolean(MATRIX[id]?.post)) mismatched.push(id)
    }
    expect(mismatched).toEqual([])
  })
})

describe('every route × every asker × every record', () => {
  test.each(Object.keys(MATRIX).filter((id) => manifest[id]))('%s', async (id) => {
    const entry = MATRIX[id]!
    const failures: string[] = []
    const contexts: (RecordContext | undefined)[] = entry.record ? [...CONTEXTS] : [undefined]
    // Row counts are taken again only after a request that may have written ('ok'), so a run of refusals costs one query each.
    let snapshot: Record<string, number> | undefined
    for (const method of ['GET', 'POST'] as const) {
      const expectation = method === 'GET' ? entry.get : entry.post
      if (!expectation) continue
      for (const asker of ASKERS) {
        const cells = contexts.map((ctx) => {
          const cell = expectation[asker]
          return typeof cell === 'string' ? cell : cell[ctx!]
        })
        // The answer for a record that does not exist: what every refused record must look like.
        const compareAbsent = entry.record && contexts.some((ctx, i) => ctx !== 'own' && cells[i] === 'refused')
        const absent = compareAbsent ? (await send(id, entry, method, asker, 'other', true)).response : undefined
        await absent?.text()
        for (const [i, ctx] of contexts.entries()) {
          const expected = cells[i]!
          // Signing out is the one success that answers 'login' (and writes its audit event).
          const mayWrite = expected === 'ok' || (entry.freshSession && asker !== 'anonymous' && asker !== 'pending')
          if (!mayWrite) snapshot ??= await counted(footprint)
          const { url, response } = await send(id, entry, method, asker, ctx)
          const actual = outcomeOf(response, method)
          const where = `${method} ${url} as ${asker}${ctx ? ` (${ctx})` : ''}`
          const body = await response.text()
          const leaked = world.secrets.filter((secret) => body.includes(secret))
          if (leaked.length) failures.push(`${where}: the answer names a victim the asker may not see (${leaked.join(', ')})`)
          if (expected === 'refused') tally.refused += 1
          if (actual !== expected) failures.push(`${where}: expected ${expected}, got ${actual} (${response.status} ${response.headers.get('location') ?? ''})`)
          if (mayWrite) {
            snapshot = undefined
          } else {
            const before = snapshot!
            snapshot = await counted(footprint)
            const changed = Object.keys(before).filter((k) => before[k] !== snapshot![k])
            if (changed.length) failures.push(`${where}: ${expected} but wrote ${changed.join(', ')}`)
          }
          if (expected === 'refused' && ctx !== 'own' && absent && response.status !== absent.status) {
            failures.push(`${where}: refused with ${response.status}, but a record that does not exist answers ${absent.status}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })
})
