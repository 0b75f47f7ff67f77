// TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s — what authenticator apps expect).
import { randomBytes } from 'node:crypto'
import { getTOTPAuthUri, verifyTOTP } from '@epic-web/totp'
import { createElement } from 'react'
import QRCode from 'qrcode'
import { TwoFactorEnrolledEmail } from '#emails/two-factor-enrolled'
import { formatDateTime } from '~/utils/format'
import { audit } from './audit.server'
import { db } from './db.server'
import { queueEmail } from './email.server'
import { revokeUserSessions } from './session.server'

export const TOTP = { period: 30, digits: 6, algorithm: 'SHA-1', charSet: '0123456789' } as const

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
/** 160-bit secret (RFC 4226 recommends at least 128), base32 without padding. */
export function newTotpSecret(): string {
  const bytes = randomBytes(20)
  let bits = ''
  for (const b of bytes) bits += b.toString(2).padStart(8, '0')
  return (bits.match(/.{5}/g) ?? []).map((chunk) => BASE32[parseInt(chunk, 2)]).join('')
}

/** The time-step a code belongs to, or null if it is not valid now (±1 step for clock drift). */
export async function totpStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verifyTOTP({ otp: code, secret, ...TOTP, window: 1 })
  if (!result) return null
  return Math.floor(now / 1000 / TOTP.period) + result.delta
}

export async function startEnrolment(userId: string) {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } })
  const secret = user.totpPendingSecret ?? newTotpSecret()
  if (!user.totpPendingSecret) await prisma.user.update({ where: { id: userId }, data: { totpPendingSecret: secret } })
  const uri = getTOTPAuthUri({ ...TOTP, secret, accountName: user.email, issuer: 'Waypoint' })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}` }
}

export async function confirmEnrolment(userId: string, code: string, ip: string): Promise<boolean> {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } })
  if (!user.totpPendingSecret) return false
  const step = await totpStep(user.totpPendingSecret, code)
  if (step === null) return false
  const now = new Date()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnrolledAt: now, totpLastCounter: step },
    })
    await audit({ actor: user, action: 'auth.2fa.enrolled', entityType: 'user', entityId: userId, ip }, tx)
  })
  await queueEmail({
    to: user.email,
    subject: TwoFactorEnrolledEmail.subject,
    template: 'two-factor-enrolled',
    element: createElement(TwoFactorEnrolledEmail, { when: formatDateTime(now) }),
    dedupeKey: `2fa-enrolled:${userId}:${now.getTime()}`,
  })
  return true
}

/**
 * Checks a sign-in code and records the step it used, atomically, so the same code cannot be used
 * twice (an observed code is worthless to an onlooker).
 */
export async function verifySignInCode(userId: string, code: string): Promise<boolean> {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })
  if (!user.totpSecret) return false
  const step = await totpStep(user.totpSecret, code)
  if (step === null) return false
  const { count } = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastCounter: null }, { totpLastCounter: { lt: step } }] },
    data: { totpLastCounter: step },
  })
  return count === 1
}

export async function disableTwoFactor(userId: string, ip: string) {
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastCounter: null },
    })
    await audit({ actor: user, action: 'auth.2fa.disabled', entityType: 'user', entityId: userId, ip }, tx)
  })
}

/** Administrator reset (lost phone): clears the secret and signs the user out everywhere. */
export async function resetTwoFactor(userId: string, admin: { id: string; email: string }, ip: string) {
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastCounter: null },
    })
    await audit({ actor: admin, action: 'admin.user.2fa_reset', entityType: 'user', entityId: userId, ip }, tx)
  })
  await revokeUserSessions(userId, '2fa_reset')
}
