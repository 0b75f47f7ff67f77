// TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s — what authenticator apps expect).
// Secrets live on the User row: `totpPendingSecret` while enrolling, `totpSecret` once confirmed,
// and `totpLastCounter` (the time-step of the last accepted code) so no code works twice.
import { randomBytes } from 'node:crypto'
import { getTOTPAuthUri, verifyTOTP } from '@epic-web/totp'
import QRCode from 'qrcode'
import { base32, groupSecret, timeStep, TOTP, TOTP_ISSUER, TOTP_WINDOW } from '~/domain/auth/totp'
import { formatDateTime } from '~/utils/format'
import { audit } from './audit.server'
import { db } from './db.server'
import { enqueueEmail, wakeEmailWorker } from './email.server'
import { revokeUserSessions } from './session.server'

/** 160-bit secret (RFC 4226 recommends at least 128; 160 is what SHA-1 keys are), base32. */
export function newTotpSecret(): string {
  return base32(randomBytes(20))
}

/**
 * The time-step a code belongs to, or null if it is not valid now (one step either side is
 * accepted for clock drift). Malformed input is simply not valid.
 */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const now = Date.now()
  const result = await verifyTOTP({ otp: code, secret, ...TOTP, window: TOTP_WINDOW })
  if (!result) return null
  return timeStep(now) + result.delta
}

export interface Enrolment {
  /** Base32 secret, for the "enter this key instead" fallback. */
  secret: string
  /** The same secret in groups of four, for display. */
  secretGrouped: string
  /** otpauth:// URI encoded in the QR code. */
  uri: string
  /** The QR code as an SVG data: URL (the CSP allows img-src data:). */
  qrDataUrl: string
}

/**
 * Starts (or resumes) enrolment: keeps one pending secret per user, so reloading the page shows
 * the same QR code the person may already have scanned.
 */
export async function startEnrolment(userId: string): Promise<Enrolment> {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpPendingSecret: true } })
  let secret = user.totpPendingSecret
  if (!secret) {
    secret = newTotpSecret()
    // Two tabs opening the page at once must end up with the same secret.
    const { count } = await prisma.user.updateMany({ where: { id: userId, totpPendingSecret: null }, data: { totpPendingSecret: secret } })
    if (count === 0) {
      secret = (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } })).totpPendingSecret ?? secret
    }
  }
  const uri = getTOTPAuthUri({ ...TOTP, secret, accountName: user.email, issuer: TOTP_ISSUER })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#0b0c0cff', light: '#ffffffff' } })
  return {
    secret,
    secretGrouped: groupSecret(secret),
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`,
  }
}

/**
 * Confirms enrolment with a code from the app. On success the pending secret becomes the secret,
 * the user's other sessions (which never passed a second factor) are signed out, the change is
 * audited and the owner is told by email. Returns false for a wrong code.
 */
export async function confirmEnrolment(
  user: { id: string; email: string; sessionId?: string },
  code: string,
  ip: string,
): Promise<boolean> {
  const prisma = await db()
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true, totpSecret: true } })
  if (!row.totpPendingSecret || row.totpSecret) return false
  const pending = row.totpPendingSecret
  const step = await totpStep(pending, code)
  if (step === null) return false
  const now = new Date()
  const confirmed = await prisma.$transaction(async (tx) => {
    // Only the secret that was checked, and only if nobody enrolled meanwhile.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpPendingSecret: pending, totpSecret: null },
      data: { totpSecret: pending, totpPendingSecret: null, totpEnrolledAt: now, totpLastCounter: step },
    })
    if (count === 0) return false
    await audit({ actor: { id: user.id, email: user.email }, action: 'auth.2fa.enrolled', entityType: 'user', entityId: user.id, ip }, tx)
    // The owner is told, in the same transaction as the change.
    await enqueueEmail(tx, {
      to: user.email,
      template: 'two-factor-enrolled',
      props: { when: formatDateTime(now) },
      dedupeKey: `2fa-enrolled:${user.id}:${now.getTime()}`,
      userId: user.id,
    })
    return true
  })
  if (!confirmed) return false
  wakeEmailWorker()
  await revokeUserSessions(user.id, '2fa_enrolled', user.sessionId)
  return true
}

/**
 * Checks a code against the user's confirmed secret and records its time-step, atomically, so the
 * same code (or an older one) is refused afterwards: a code seen over someone's shoulder is
 * worthless. Callers count failures towards lockout (see attemptSecondFactor in auth.server.ts).
 */
export async function verifySignInCode(userId: string, code: string): Promise<boolean> {
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true } })
  if (!user?.totpSecret) return false
  const step = await totpStep(user.totpSecret, code)
  if (step === null) return false
  const { count } = await prisma.user.updateMany({
    where: { id: userId, totpSecret: user.totpSecret, OR: [{ totpLastCounter: null }, { totpLastCounter: { lt: step } }] },
    data: { totpLastCounter: step },
  })
  return count === 1
}

const CLEARED = { totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastCounter: null }

/** The user turns two-factor sign-in off (the route has checked a current code and the organisation rule). */
export async function disableTwoFactor(user: { id: string; email: string }, ip: string) {
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: CLEARED })
    await audit({ actor: { id: user.id, email: user.email }, action: 'auth.2fa.disabled', entityType: 'user', entityId: user.id, ip }, tx)
  })
}

/**
 * Administrator reset (lost phone): clears the secret and signs the user out everywhere. The user
 * sets two-factor sign-in up again after their next sign-in (straight away if their organisation
 * requires it). Audited as 'admin.user.2fa_reset' with the administrator as actor.
 */
export async function resetTwoFactor(userId: string, admin: { id: string; email: string }, ip: string) {
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: CLEARED })
    await audit({ actor: admin, action: 'admin.user.2fa_reset', entityType: 'user', entityId: userId, ip }, tx)
  })
  await revokeUserSessions(userId, '2fa_reset')
}

/** When the user set up two-factor sign-in (null if not), and whether their organisation requires it. */
export async function twoFactorStatus(userId: string): Promise<{ enrolledAt: Date | null; required: boolean }> {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnrolledAt: true, createdAt: true, organisation: { select: { requireTwoFactor: true } } },
  })
  const enrolledAt = user.totpSecret ? (user.totpEnrolledAt ?? user.createdAt) : null
  return { enrolledAt, required: user.organisation.requireTwoFactor }
}

/** Whether the user's organisation insists on two-factor sign-in. */
export async function organisationRequiresTwoFactor(organisationId: string): Promise<boolean> {
  const prisma = await db()
  const org = await prisma.organisation.findUnique({ where: { id: organisationId }, select: { requireTwoFactor: true } })
  return Boolean(org?.requireTwoFactor)
}
