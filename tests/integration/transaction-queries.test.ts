// An interactive transaction holds one database connection, which runs one query at a time. Prisma
// splits a createMany past PostgreSQL's 32,767 bind parameters into several INSERTs and sends them
// together: on the transaction's connection they queue in node-postgres, which warns "Calling
// client.query() when the client is already executing a query" (seen in `npm run seed:large`), and
// pg 9 refuses. Every driver transaction here is watched for a query sent while another of the same
// transaction is still running, so the check holds on either database.
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { PrismaClient } from '~/generated/prisma/client'
import { recomputeEntitlementsOfCases } from '~/services/entitlements.server'
import { currentTestDatabase } from '#tests/setup/test-database'
import { seedLarge } from '../../scripts/seed-large/generate'

type Query = { sql: string }
type Fn = (...args: never[]) => unknown

/** Overlapping queries seen inside one transaction, by their SQL. */
const overlaps: string[] = []

function delegate<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && key in overrides) return overrides[key]
      const value = Reflect.get(t, key) as unknown
      return typeof value === 'function' ? (value as Fn).bind(t) : value
    },
  })
}

function watchTransaction<T extends object>(tx: T): T {
  let running = 0
  const watched = (name: 'queryRaw' | 'executeRaw') => async (query: Query) => {
    if (running > 0) overlaps.push(query.sql.replace(/\s+/g, ' ').slice(0, 100))
    running += 1
    try {
      return await (tx as unknown as Record<string, (q: Query) => Promise<unknown>>)[name]!(query)
    } finally {
      running -= 1
    }
  }
  return delegate(tx, { queryRaw: watched('queryRaw'), executeRaw: watched('executeRaw') })
}

/** A driver adapter factory whose transactions are watched. */
function watched<F extends { connect: () => Promise<object> }>(factory: F): F {
  return delegate(factory, {
    connect: async () => {
      const adapter = (await factory.connect()) as { startTransaction: (...args: unknown[]) => Promise<object> }
      return delegate(adapter, { startTransaction: async (...args: unknown[]) => watchTransaction(await adapter.startTransaction(...args)) })
    },
  })
}

let prisma: PrismaClient
let close: () => Promise<void>

beforeAll(async () => {
  const database = currentTestDatabase()
  if (database.url) {
    const pool = new pg.Pool({ connectionString: database.url, max: 4 })
    prisma = new PrismaClient({ adapter: watched(new PrismaPg(pool)) })
    close = async () => {
      await prisma.$disconnect()
      await pool.end()
    }
  } else {
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) })
    prisma = new PrismaClient({ adapter: watched(new PrismaPGlite(pglite)) })
    close = async () => {
      await prisma.$disconnect()
      await pglite.close()
    }
  }
  // The large seed computes entitlements and case reviews in transactions, by the app's own services.
  await seedLarge(prisma, { victims: 80 })
}, 120_000)

afterAll(async () => {
  await close()
})

test('recomputing thousands of entitlements in one transaction sends one INSERT at a time', async () => {
  expect(overlaps).toEqual([])
  const cases = await prisma.case.findMany({ select: { id: true } })
  await prisma.entitlement.deleteMany()
  const { created } = await prisma.$transaction((tx) => recomputeEntitlementsOfCases(tx, cases.map((c) => c.id)), { timeout: 60_000 })
  // More rows than one INSERT can carry, so Prisma would split it.
  expect(created).toBeGreaterThan(2000)
  expect(overlaps).toEqual([])
}, 60_000)
