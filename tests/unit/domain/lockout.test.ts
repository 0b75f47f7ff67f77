import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { lockoutState, minutesUntil, type Attempt, type LockoutPolicy } from '~/domain/auth/lockout'

const policy: LockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockoutMinutes: 15 }
const MIN = 60_000
const t0 = new Date('2026-11-01T09:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN)
const fail = (minutes: number): Attempt => ({ at: at(minutes), success: false })
const ok = (minutes: number): Attempt => ({ at: at(minutes), success: true })

describe('lockoutState', () => {
  test('no attempts: not locked', () => {
    expect(lockoutState([], t0, policy)).toEqual({ locked: false, failures: 0 })
  })

  test('four failures do not lock; the fifth does, for 15 minutes from the last failure', () => {
    const four = [fail(0), fail(1), fail(2), fail(3)]
    expect(lockoutState(four, at(3), policy)).toEqual({ locked: false, failures: 4 })
    const five = [...four, fail(4)]
    expect(lockoutState(five, at(4), policy)).toEqual({ locked: true, failures: 5, until: at(19) })
  })

  test('the lock lasts lockoutMinutes from the last failure, even once earlier failures leave the window', () => {
    // The person was told "try again in 15 minutes" at minute 4: the lock must hold until minute 19.
    const five = [fail(0), fail(1), fail(2), fail(3), fail(4)]
    expect(lockoutState(five, at(16), policy).locked).toBe(true)
    expect(lockoutState(five, new Date(at(19).getTime() - 1), policy).locked).toBe(true)
    // LOGIN_LOCKOUT_MINUTES longer than the window must not be cut short by the window.
    const long = { ...policy, lockoutMinutes: 60 }
    expect(lockoutState(five, at(30), long).locked).toBe(true)
    expect(lockoutState(five, at(64), long).locked).toBe(false)
  })

  test('the lock lifts when the lockout period is over', () => {
    const five = [fail(0), fail(1), fail(2), fail(3), fail(4)]
    expect(lockoutState(five, at(19), policy).locked).toBe(false)
  })

  test('failures older than the window do not count', () => {
    const spread = [fail(0), fail(1), fail(10), fail(11), fail(16)]
    expect(lockoutState(spread, at(16), policy)).toEqual({ locked: false, failures: 3 })
  })

  test('a success resets the count', () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), ok(4), fail(5)]
    expect(lockoutState(attempts, at(5), policy)).toEqual({ locked: false, failures: 1 })
  })

  test('attempts in the future of `now` are ignored and input order does not matter', () => {
    const attempts = [fail(4), fail(0), fail(3), fail(1), fail(2), fail(30)]
    expect(lockoutState(attempts, at(4), policy)).toEqual({ locked: true, failures: 5, until: at(19) })
  })

  test('property: locked exactly while a run of maxFailures failures within one window (since the last success) is less than lockoutMinutes old', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ minute: fc.integer({ min: 0, max: 30 }), success: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom(policy, { ...policy, lockoutMinutes: 60 }, { maxFailures: 3, windowMinutes: 30, lockoutMinutes: 5 }),
        (raw, nowMinute, p) => {
          const attempts = raw.map((r) => ({ at: at(r.minute), success: r.success }))
          // Attempts are all in the past, as the login service records them.
          const now = at(Math.max(0, ...raw.map((r) => r.minute)) + nowMinute)
          const state = lockoutState(attempts, now, p)
          const lastSuccess = Math.max(-Infinity, ...attempts.filter((a) => a.success).map((a) => a.at.getTime()))
          const failures = attempts
            .filter((a) => !a.success && a.at.getTime() > lastSuccess && a.at <= now)
            .map((a) => a.at.getTime())
          // A failure "triggers" a lock when it is the maxFailures-th failure inside one window.
          const triggers = failures.filter((f) => failures.filter((g) => g <= f && g > f - p.windowMinutes * MIN).length >= p.maxFailures)
          const until = triggers.length ? Math.max(...triggers) + p.lockoutMinutes * MIN : -Infinity
          expect(state.locked).toBe(until > now.getTime())
          if (state.locked) expect(state.until.getTime()).toBe(until)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('minutesUntil', () => {
  test('rounds up and never says less than one minute', () => {
    expect(minutesUntil(at(15), t0)).toBe(15)
    expect(minutesUntil(new Date(t0.getTime() + 14 * MIN + 1), t0)).toBe(15)
    expect(minutesUntil(new Date(t0.getTime() + 1000), t0)).toBe(1)
    expect(minutesUntil(t0, t0)).toBe(1)
  })
})
