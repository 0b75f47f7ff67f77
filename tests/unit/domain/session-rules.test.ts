import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { absoluteExpiry, sessionState, shouldTouch, type SessionPolicy } from '~/domain/auth/session-rules'

const policy: SessionPolicy = { idleMinutes: 30, absoluteMinutes: 12 * 60 }
const MIN = 60_000
const t0 = new Date('2026-11-01T09:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN)

describe('sessionState', () => {
  test('a session used within the idle timeout is active', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(10), revokedAt: null }, at(39), policy)).toBe('active')
  })

  test('30 minutes without a request is an idle timeout (the boundary itself counts)', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(10), revokedAt: null }, new Date(at(40).getTime() - 1), policy)).toBe('active')
    expect(sessionState({ createdAt: t0, lastSeenAt: at(10), revokedAt: null }, at(40), policy)).toBe('idle_timeout')
  })

  test('12 hours after sign-in the session expires however active it is', () => {
    const busy = { createdAt: t0, lastSeenAt: at(12 * 60 - 1), revokedAt: null }
    expect(sessionState(busy, new Date(at(12 * 60).getTime() - 1), policy)).toBe('active')
    expect(sessionState(busy, at(12 * 60), policy)).toBe('expired')
  })

  test('a revoked session is revoked from the moment of revocation, before any other rule', () => {
    const s = { createdAt: t0, lastSeenAt: at(5), revokedAt: at(6) }
    expect(sessionState(s, at(5.5), policy)).toBe('active')
    expect(sessionState(s, at(6), policy)).toBe('revoked')
    expect(sessionState(s, at(13 * 60), policy)).toBe('revoked')
  })

  test('the policy is configurable', () => {
    const short = { idleMinutes: 5, absoluteMinutes: 60 }
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, revokedAt: null }, at(5), short)).toBe('idle_timeout')
    expect(absoluteExpiry(t0, short)).toEqual(at(60))
  })

  test('property: never active past the absolute lifetime or the idle timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (seenAfter, nowAfterSeen) => {
          const lastSeenAt = at(seenAfter)
          const now = new Date(lastSeenAt.getTime() + nowAfterSeen * MIN)
          const state = sessionState({ createdAt: t0, lastSeenAt, revokedAt: null }, now, policy)
          const active = now < absoluteExpiry(t0, policy) && nowAfterSeen < policy.idleMinutes
          expect(state === 'active').toBe(active)
        },
      ),
    )
  })
})

describe('shouldTouch', () => {
  test('lastSeenAt is written at most once a minute', () => {
    expect(shouldTouch(t0, new Date(t0.getTime() + 59_999))).toBe(false)
    expect(shouldTouch(t0, at(1))).toBe(true)
  })
})
