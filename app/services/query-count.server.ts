// How many SQL statements a request (or any piece of work) sends to the database, for the pages'
// query budgets (tests/integration/query-budget.test.ts) and the benchmark's X-Query-Count header
// (scripts/server.ts, with WAYPOINT_QUERY_COUNT=1). Statements are counted where Prisma hands them
// to its driver adapter: there they still run in the asking request's async context, whereas pg's
// pool hands a connection to a waiting query from whichever request released it. Outside a count
// the cost is one getStore() a statement.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface StatementCounter {
  statements: number
}

// One store per process: scripts/server.ts is bundled apart from the app (and, in development, Vite
// loads the app's own copy of this module), so both copies must find the same store.
const KEY = Symbol.for('waypoint.statementCounter')
const shared = globalThis as unknown as Record<symbol, AsyncLocalStorage<StatementCounter> | undefined>
const storage = (shared[KEY] ??= new AsyncLocalStorage<StatementCounter>())

/** Runs `work` with every statement it sends added to `counter` (read it once the work is done). */
export function countingStatements<T>(counter: StatementCounter, work: () => T): T {
  return storage.run(counter, work)
}

/** The statements `work` sends, with its result. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter = { statements: 0 }
  const result = await countingStatements(counter, work)
  return { result, statements: counter.statements }
}

function noteStatements(n = 1) {
  const counter = storage.getStore()
  if (counter) counter.statements += n
}

type Method = (...args: never[]) => unknown

/** `target` with some methods replaced; everything else reaches the target itself. */
function overriding<T extends object>(target: T, overrides: Record<string, Method>): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && Object.hasOwn(overrides, key)) return overrides[key]
      const value = Reflect.get(t, key) as unknown
      return typeof value === 'function' ? (value as Method).bind(t) : value
    },
  })
}

interface Queryable {
  queryRaw: (query: never) => Promise<unknown>
  executeRaw: (query: never) => Promise<unknown>
}

function counted<T extends Queryable>(queryable: T, extra: Record<string, Method> = {}): T {
  return overriding(queryable, {
    queryRaw: (query: never) => (noteStatements(), queryable.queryRaw(query)),
    executeRaw: (query: never) => (noteStatements(), queryable.executeRaw(query)),
    ...extra,
  })
}

interface Transaction extends Queryable {
  options: { usePhantomQuery: boolean }
  commit: () => Promise<void>
  rollback: () => Promise<void>
}

interface Adapter extends Queryable {
  startTransaction: (isolationLevel?: string) => Promise<Transaction>
}

/**
 * A Prisma driver adapter factory (PrismaPg, PrismaPGlite) whose statements are counted. A
 * transaction counts its BEGIN (and isolation level) and its COMMIT or ROLLBACK on either database:
 * pg sends COMMIT through the transaction's executeRaw, PGlite (a "phantom" transaction) inside commit().
 */
export function withStatementCounts<F extends { connect: () => Promise<unknown> }>(factory: F): F {
  const connect = async () => {
    const adapter = (await factory.connect()) as Adapter
    const startTransaction = async (isolationLevel?: string) => {
      noteStatements(isolationLevel ? 2 : 1)
      const tx = await adapter.startTransaction(isolationLevel)
      if (!tx.options.usePhantomQuery) return counted(tx)
      return counted(tx, {
        commit: () => (noteStatements(), tx.commit()),
        rollback: () => (noteStatements(), tx.rollback()),
      })
    }
    return counted(adapter, { startTransaction })
  }
  return overriding(factory, { connect })
}
