// Sign-in throttling arithmetic. An account (or an IP address) is locked once it has `maxFailures`
// failed attempts inside a sliding window with no success since; the lock lasts `lockoutMinutes`
// from the last failure. Pure: the caller passes attempts and the clock.

export interface LockoutPolicy {
  maxFailures: number
  windowMinutes: number
  lockoutMinutes: number
}

export interface Attempt {
  at: Date
  success: boolean
}

export type LockoutState = { locked: false; failures: number } | { locked: true; failures: number; until: Date }

const MINUTE = 60_000

export function lockoutState(attempts: readonly Attempt[], now: Date, policy: LockoutPolicy): LockoutState {
  const lastSuccess = attempts.reduce<number>(
    (latest, a) => (a.success && a.at.getTime() > latest ? a.at.getTime() : latest),
    -Infinity,
  )
  const windowStart = now.getTime() - policy.windowMinutes * MINUTE
  const failures = attempts
    .filter((a) => !a.success && a.at.getTime() > lastSuccess && a.at.getTime() > windowStart && a.at <= now)
    .map((a) => a.at.getTime())
    .sort((x, y) => x - y)
  if (failures.length < policy.maxFailures) return { locked: false, failures: failures.length }
  const until = new Date(failures[failures.length - 1]! + policy.lockoutMinutes * MINUTE)
  return until > now ? { locked: true, failures: failures.length, until } : { locked: false, failures: failures.length }
}

/** Minutes left, rounded up, for the message shown to the person. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE))
}
