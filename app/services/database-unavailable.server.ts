// Is this error "the database cannot be reached right now" (restart, fail-over, network) rather than
// a bug? Such a request is answered 503 with Retry-After instead of 500 (docs/decisions/0011), and
// is not logged with a stack per request while the outage lasts.

// Prisma: can't reach server, timed out, connection closed, pool timeout, too many connections.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037'])
// Driver adapter error kinds (@prisma/adapter-pg) meaning the connection, not the query, failed.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
// Node socket errors and the pg pool's own messages.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
const PG_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Client has encountered a connection error/]

/**
 * PostgreSQL SQLSTATEs: class 08 connection exception, 57P01–57P03 admin / crash shutdown and
 * "the database system is starting up", 53300 too many connections.
 */
const unavailableSqlState = (code: string) => code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300'

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } }
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true
  // P2028 also names a misused transaction (a bug); only "could not start one in time" is the pool
  // being exhausted (measured under overload: every connection busy for longer than maxWait).
  if (e.code === 'P2028' && typeof e.message === 'string' && e.message.includes('Unable to start a transaction in the given time')) return true
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true
  if (e.kind === 'postgres' && typeof e.code === 'string' && unavailableSqlState(e.code)) return true
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && unavailableSqlState(e.code)) return true
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) return true
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1)
}
