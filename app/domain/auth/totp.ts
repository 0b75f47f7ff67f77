// Two-factor sign-in codes (TOTP, RFC 6238) — the pure parts: the parameters every authenticator
// app understands, how a typed code is read, and how a secret is shown for manual entry. The
// effects (secrets in the database, checking codes) live in app/services/two-factor.server.ts.
import { z } from 'zod'

/** SHA-1, 6 digits, 30 s: the defaults of Google/Microsoft Authenticator and every other app. */
export const TOTP = { period: 30, digits: 6, algorithm: 'SHA-1', charSet: '0123456789' } as const

/** Codes from one step either side of now are accepted (about ±30 s of clock drift). */
export const TOTP_WINDOW = 1

export const TOTP_ISSUER = 'Waypoint'

/** The time-step (counter) a moment falls in. */
export function timeStep(at: Date | number, period: number = TOTP.period): number {
  const ms = typeof at === 'number' ? at : at.getTime()
  return Math.floor(ms / 1000 / period)
}

/**
 * What people type: spaces and hyphens are forgiven ("123 456", "123-456"), anything else is kept
 * so the schema can refuse it.
 */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '')
}

export const CODE_REQUIRED = 'Enter the 6-digit security code from your authenticator app'
export const CODE_FORMAT = 'The security code must be 6 digits, like 123456'

/** A security code field; shared by sign-in, enrolment and turning two-factor sign-in off. */
export const SecurityCodeSchema = z
  .string({ error: CODE_REQUIRED })
  .max(50, CODE_FORMAT)
  .transform(normaliseCode)
  .pipe(z.string().min(1, CODE_REQUIRED).regex(/^\d{6}$/, CODE_FORMAT))

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding (the form authenticator apps and otpauth:// URIs use). */
export function base32(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31]
  return out
}

/** A secret in groups of four, easier to copy into an app by hand ("ABCD EFGH …"). */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ')
}
