import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '~/services/database-unavailable.server'

// Shapes as measured against PostgreSQL 15 stopped and restarted under @prisma/adapter-pg 6.19.
const prismaUnreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5442"), {
  code: 'P1001',
  meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5442 } } },
})
const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), {
  name: 'DriverAdapterError',
  cause: { kind: 'postgres', code: '57P01', severity: 'FATAL' },
})

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable server, a cut connection and a server starting up', () => {
    expect(isDatabaseUnavailable(prismaUnreachable)).toBe(true)
    expect(isDatabaseUnavailable(adminShutdown)).toBe(true)
    expect(isDatabaseUnavailable({ cause: { kind: 'postgres', code: '57P03' } })).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5442'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true)
    const busy = 'Transaction API error: Unable to start a transaction in the given time.'
    expect(isDatabaseUnavailable(Object.assign(new Error(busy), { code: 'P2028' }))).toBe(true)
  })

  it('leaves real bugs and refusals alone', () => {
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false)
    expect(isDatabaseUnavailable({ cause: { kind: 'postgres', code: '23505' } })).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction already closed'), { code: 'P2028' }))).toBe(false)
    expect(isDatabaseUnavailable(new Response('Not found', { status: 404 }))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false)
  })
})
