// When a signed-in session stops being valid. Pure: the caller passes the clock.

export interface SessionPolicy {
  idleMinutes: number
  absoluteMinutes: number
}

export interface SessionTimes {
  createdAt: Date
  lastSeenAt: Date
  revokedAt: Date | null
}

export type SessionState = 'active' | 'idle_timeout' | 'expired' | 'revoked'

const MINUTE = 60_000

export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteMinutes * MINUTE)
}

export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  if (session.revokedAt && session.revokedAt <= now) return 'revoked'
  if (now >= absoluteExpiry(session.createdAt, policy)) return 'expired'
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * MINUTE) return 'idle_timeout'
  return 'active'
}

/** Writing lastSeenAt on every request would turn each page view into a write; once a minute is enough. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= MINUTE
}
