// The email worker's pure rules: exponential backoff with bounded jitter, and which provider answers
// are permanent failures (the email itself is wrong) rather than reasons to try again.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { afterFailure, isPermanentFailure, MAX_ATTEMPTS, retryDelayMs } from '~/domain/notifications/delivery'

const MINUTE = 60_000

describe('retryDelayMs', () => {
  test('doubles from 30 seconds and stops growing at 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0))).toEqual([30_000, MINUTE, 2 * MINUTE, 4 * MINUTE])
    expect(retryDelayMs(20, 0)).toBe(6 * 60 * MINUTE)
  })

  test('jitter adds at most a fifth, and the delay never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempts, jitter) => {
        const base = retryDelayMs(attempts, 0)
        const delay = retryDelayMs(attempts, jitter)
        expect(delay).toBeGreaterThanOrEqual(base)
        expect(delay).toBeLessThanOrEqual(Math.round(base * 1.2))
        expect(retryDelayMs(attempts + 1, 0)).toBeGreaterThanOrEqual(base)
      }),
    )
  })
})

describe('isPermanentFailure', () => {
  test.each([
    [{ statusCode: 422, name: 'validation_error' }, true],
    [{ statusCode: 400 }, true],
    [{ statusCode: 403, name: 'invalid_from_address' }, true],
    [{ statusCode: 500, name: 'internal_server_error' }, false],
    [{ statusCode: 503 }, false],
    [{ statusCode: 429, name: 'rate_limit_exceeded' }, false],
    [{ statusCode: 401, name: 'missing_api_key' }, false],
    [{ statusCode: 403, name: 'invalid_api_key' }, false],
    [{ statusCode: null }, false],
  ])('%o → %s', (failure, permanent) => {
    expect(isPermanentFailure(failure)).toBe(permanent)
  })
})

describe('afterFailure', () => {
  const now = new Date('2026-11-30T09:00:00Z')

  test('a retryable failure waits for the backoff', () => {
    expect(afterFailure({ statusCode: 500 }, 3, now, 0)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 2 * MINUTE) })
  })

  test(`a validation error, or the ${MAX_ATTEMPTS}th failed attempt, is final`, () => {
    expect(afterFailure({ statusCode: 422, name: 'validation_error' }, 1, now, 0)).toEqual({ status: 'failed' })
    expect(afterFailure({ statusCode: 500 }, MAX_ATTEMPTS, now, 0)).toEqual({ status: 'failed' })
    expect(afterFailure({ statusCode: 500 }, MAX_ATTEMPTS - 1, now, 0).status).toBe('pending')
  })
})
