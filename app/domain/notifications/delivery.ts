// Pure rules of the email worker: how long to wait before the next attempt, and which provider
// answers mean "never going to work" (a permanent failure an administrator must look at).

export const MAX_ATTEMPTS = 10
const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 6 * 60 * 60_000

/**
 * Exponential backoff after the n-th failed attempt (1-based): 30 s, 1 min, 2 min … capped at 6 hours,
 * with up to a fifth added at random (`jitter` in [0, 1)) so many failed rows do not retry in step.
 */
export function retryDelayMs(attempts: number, jitter: number): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (1 + 0.2 * jitter))
}

export interface ProviderFailure {
  /** HTTP status, or null when no answer came (network error, timeout). */
  statusCode: number | null
  /** Resend's error name, e.g. validation_error, rate_limit_exceeded. */
  name?: string
}

// Resend answers these when the email itself is wrong: sending it again cannot succeed.
const PERMANENT_NAMES = new Set(['validation_error', 'invalid_from_address', 'missing_required_field', 'invalid_parameter', 'invalid_attachment'])

/**
 * Permanent when the provider rejected the email itself (400 / 422 or a validation error name).
 * Everything else — no answer, 5xx, 429 rate limits, 401 / 403 key problems an administrator can
 * fix — is retried with backoff until MAX_ATTEMPTS.
 */
export function isPermanentFailure(failure: ProviderFailure): boolean {
  if (failure.name && PERMANENT_NAMES.has(failure.name)) return true
  return failure.statusCode === 400 || failure.statusCode === 422
}

export type AttemptOutcome = { status: 'sent' } | { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date }

/** What becomes of a row after a failed attempt number `attempts`. */
export function afterFailure(failure: ProviderFailure, attempts: number, now: Date, jitter: number): AttemptOutcome {
  if (isPermanentFailure(failure) || attempts >= MAX_ATTEMPTS) return { status: 'failed' }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, jitter)) }
}
