// Sign-in throttling arithmetic. An account (or an IP address) is locked once it has `maxFailures`
// failed attempts inside one sliding window with no success since; the lock lasts `lockoutMinutes`
// from the failure that triggered it. Pure: the caller passes attempts and the clock.

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
  const window = policy.windowMinutes * MINUTE
  const failures = attempts
    .filter((a) => !a.success && a.at.getTime() > lastSuccess && a.at <= now)
    .map((a) => a.at.getTime())
    .sort((x, y) => x - y)
  const inWindow = failures.filter((f) => f > now.getTime() - window).length
  // A failure triggers a lock when it is the maxFailures-th inside one window ending at it. The lock
  // runs from the latest trigger, so it is never cut short when earlier failures leave the window.
  let lastTrigger = -Infinity
  for (let i = policy.maxFailures - 1; i < failures.length; i++) {
    const f = failures[i]!
    let count = 0
    for (let j = i; j >= 0 && failures[j]! > f - window; j--) count++
    // Equal timestamps after i also count towards f (they happened at the same instant).
    for (let j = i + 1; j < failures.length && failures[j] === f; j++) count++
    if (count >= policy.maxFailures) lastTrigger = f
  }
  const until = new Date(lastTrigger + policy.lockoutMinutes * MINUTE)
  return until > now ? { locked: true, failures: inWindow, until } : { locked: false, failures: inWindow }
}

/** Minutes left, rounded up, for the message shown to the person. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE))
}
