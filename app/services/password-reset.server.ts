// One-time links to reset a password (or set the first one, for accounts an administrator created).
// Only the sha256 of the token is stored; a link works once and expires.
import { createHash, randomBytes } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { RESET_MINUTES, SET_PASSWORD_HOURS } from '~/domain/auth/password-policy'
import { audit } from './audit.server'
import { normaliseEmail } from './auth.server'
import { db } from './db.server'
import { appUrl, enqueueEmail, runInBackground, wakeEmailWorker } from './email.server'
import { hashPassword } from './password.server'
import { revokeUserSessions } from './session.server'

/** Reset emails per account per hour: enough for a typo, too few to flood someone's inbox. */
export const RESET_REQUESTS_PER_HOUR = 3

/** LoginAttempt.ip of the success recorded by a completed reset. */
export const RESET_ATTEMPT_IP = 'password-reset'

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Stores a new one-time link's hash and queues its email in one transaction (never a token without
 * its email, nor an email whose token was rolled back), then wakes the worker.
 */
async function issueLink(
  user: { id: string; email: string },
  purpose: 'reset' | 'set',
  minutes: number,
  queue: (tx: Prisma.TransactionClient, token: string, tokenId: string) => Promise<unknown>,
): Promise<void> {
  const prisma = await db()
  const token = randomBytes(32).toString('base64url')
  await prisma.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256(token), purpose, expiresAt: new Date(Date.now() + minutes * 60_000) },
    })
    await queue(tx, token, row.id)
  })
  wakeEmailWorker()
}

// Reset links are issued one at a time, so requests arriving together still respect the hourly limit.
let issuing: Promise<unknown> = Promise.resolve()

/**
 * Sends a reset link if an active account has this email. Answers nothing either way, so callers
 * show the same confirmation whether or not an account exists. The link is issued and the email
 * queued after the answer (emailDeliveriesSettled waits for it): done before, that work
 * made answers for real accounts measurably slower, which told anyone which addresses have one.
 */
export async function requestPasswordReset(rawEmail: string, ip: string): Promise<void> {
  const prisma = await db()
  const email = normaliseEmail(rawEmail)
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, active: true } })
  await audit({ action: 'auth.password.reset_requested', entityType: 'login', entityId: email, ip })
  if (!user?.active) return
  const origin = appUrl()
  runInBackground('password-reset', () => {
    const job = issuing.then(() => sendResetLink(user, origin))
    issuing = job.catch(() => {})
    return job
  })
}

async function sendResetLink(user: { id: string; email: string }, origin: string): Promise<void> {
  const prisma = await db()
  const recent = await prisma.passwordResetToken.count({
    where: { userId: user.id, purpose: 'reset', createdAt: { gt: new Date(Date.now() - 60 * 60_000) } },
  })
  if (recent >= RESET_REQUESTS_PER_HOUR) return
  await issueLink(user, 'reset', RESET_MINUTES, (tx, token, tokenId) =>
    enqueueEmail(tx, {
      to: user.email,
      template: 'password-reset',
      props: { url: `${origin}/reset-password/${token}`, minutes: RESET_MINUTES },
      dedupeKey: `password-reset:${tokenId}`,
      userId: user.id,
    }),
  )
}

/** Sent when an administrator creates an account: the user chooses their own password. */
export async function sendSetPasswordEmail(userId: string): Promise<void> {
  const prisma = await db()
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } })
  const origin = appUrl()
  await issueLink(user, 'set', SET_PASSWORD_HOURS * 60, (tx, token, tokenId) =>
    enqueueEmail(tx, {
      to: user.email,
      template: 'set-password',
      props: { url: `${origin}/reset-password/${token}`, name: user.name, hours: SET_PASSWORD_HOURS },
      dedupeKey: `set-password:${tokenId}`,
      userId,
    }),
  )
}

export type TokenState = { ok: true; userId: string; purpose: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' }

/** Tokens are 32 random bytes in base64url: 43 characters. Anything else is not worth a lookup. */
const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token)

export async function checkResetToken(token: string): Promise<TokenState> {
  if (!looksLikeToken(token)) return { ok: false, reason: 'unknown' }
  const prisma = await db()
  const row = await prisma.passwordResetToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { active: true } } } })
  if (!row || !row.user.active) return { ok: false, reason: 'unknown' }
  if (row.usedAt) return { ok: false, reason: 'used' }
  if (row.expiresAt <= new Date()) return { ok: false, reason: 'expired' }
  return { ok: true, userId: row.userId, purpose: row.purpose }
}

/** Sets the new password, uses up the token (and any others), and signs the user out everywhere. */
export async function completePasswordReset(token: string, newPassword: string, ip: string): Promise<TokenState> {
  if (!looksLikeToken(token)) return { ok: false, reason: 'unknown' }
  const prisma = await db()
  const hash = await hashPassword(newPassword)
  const state = await prisma.$transaction(async (tx) => {
    // Claim the token atomically: of two simultaneous submissions only one succeeds.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: new Date() }, user: { active: true } },
      data: { usedAt: new Date() },
    })
    if (claimed.count === 0) return null
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) }, include: { user: true } })
    await tx.password.upsert({ where: { userId: row.userId }, create: { userId: row.userId, hash }, update: { hash } })
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } })
    // Proving ownership of the mailbox ends a sign-in lockout on the account (the lockout message
    // and email suggest a reset). Recorded under a marker, not the caller's IP, so a reset never
    // lifts a per-IP lock.
    await tx.loginAttempt.create({ data: { email: row.user.email, ip: RESET_ATTEMPT_IP, success: true } })
    await audit(
      { actor: { id: row.user.id, email: row.user.email }, action: row.purpose === 'set' ? 'auth.password.set' : 'auth.password.reset', entityType: 'user', entityId: row.userId, ip },
      tx,
    )
    return { ok: true as const, userId: row.userId, purpose: row.purpose }
  })
  if (!state) return checkResetToken(token).then((s) => (s.ok ? { ok: false, reason: 'used' } : s))
  await revokeUserSessions(state.userId, 'password_reset')
  return state
}
