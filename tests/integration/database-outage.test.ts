// A request that finds no database is answered 503 with Retry-After (docs/decisions/0011), while a
// real bug still answers 500. The database is swapped for one that fails every query as
// @prisma/adapter-pg does when PostgreSQL is down (P1001, DatabaseNotReachable).
import { afterEach, describe, expect, test } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { connect, useDatabase } from '~/services/db.server'
import { request, sessionCookieFor } from '#tests/setup/app-harness'
import { allowConsoleError } from '#tests/setup/console'
import { createUser } from '#tests/setup/world'

const unreachable = () =>
  new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
    code: 'P1001',
    clientVersion: Prisma.prismaVersion.client,
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } },
  })

/** A Prisma client whose every model call and query rejects with `error()`. */
function failingPrisma(error: () => Error) {
  const reject = () => Promise.reject(error())
  const model = new Proxy(reject, { get: () => reject })
  return new Proxy({}, { get: (_, key) => (key === 'then' ? undefined : model) })
}

async function withDatabase<T>(error: () => Error, run: () => Promise<T>): Promise<T> {
  const real = await connect()
  useDatabase({ ...real, prisma: failingPrisma(error) as never })
  try {
    return await run()
  } finally {
    useDatabase(real)
  }
}

afterEach(async () => useDatabase(await connect()))

describe('database outage', () => {
  test('a page and a form post answer 503 with Retry-After while the database cannot be reached', async () => {
    const user = await createUser({ role: 'advocate' })
    const cookie = await sessionCookieFor(user.id)
    const [page, post, data] = await withDatabase(unreachable, () =>
      Promise.all([request('/victims', { cookie }), request('/victims/new', { cookie, form: { reference: 'x' } }), request('/victims.data', { cookie })]),
    )
    for (const res of [page, post, data]) {
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
    }
    // Not console.error (which fails a test here): an outage is logged as one warning per request.
    expect(await page.text()).toContain('Sorry, there is a problem with the service')
    // Back to normal once the database answers again.
    expect((await request('/victims', { cookie })).status).toBe(200)
  })

  test('any other failure is still a 500, logged with its stack', async () => {
    const logged = allowConsoleError()
    const user = await createUser({ role: 'advocate' })
    const cookie = await sessionCookieFor(user.id)
    const res = await withDatabase(() => new TypeError('a bug'), () => request('/victims', { cookie }))
    expect(res.status).toBe(500)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(logged.calls().some(([error]) => error instanceof TypeError)).toBe(true)
  })
})
