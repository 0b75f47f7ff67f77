// Who is asking. Guards throw (a redirect to sign in, or a 403/404 Response rendered by the error
// boundary), so loaders and actions read top to bottom: `const user = await requireUser(request)`.
import { redirect } from '@remix-run/node'
import { lockoutState, type LockoutPolicy } from '~/domain/auth/lockout'
import type { Actor, Role } from '~/domain/access/policy'
import { audit } from './audit.server'
import { db } from './db.server'
import { queueEmail, runInBackground } from './email.server'
import { getEnv } from './env.server'
import { verifyAgainstDummy, verifyPassword } from './password.server'
import { loadSession } from './session.server'
import { verifySignInCode } from './two-factor.server'

export interface CurrentUser extends Actor {
  email: string
  name: string
  organisationName: string
  organisationKind: string
  sessionId: string
  twoFactorEnrolled: boolean
}

export interface RequestContext {
  ip?: string
  cspNonce?: string
}

export function clientIp(context: unknown): string {
  const ip = (context as RequestContext | undefined)?.ip
  return typeof ip === 'string' && ip ? ip : 'unknown'
}

function safeRedirectTo(request: Request) {
  const url = new URL(request.url)
  return `${url.pathname}${url.search}`
}

/** The signed-in user or null; sessions still owing a second factor count as signed out. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const session = await loadSession(request)
  if (!session || session.twoFactorPending) return null
  const { user } = session
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    organisationKind: user.organisation.kind,
    sessionId: session.id,
    twoFactorEnrolled: Boolean(user.totpSecret),
  }
}

export async function requireUser(request: Request, opts: { allowUnenrolled?: boolean } = {}): Promise<CurrentUser> {
  const session = await loadSession(request)
  if (session?.twoFactorPending) throw redirect('/login/two-factor')
  const user = await getUser(request)
  if (!user) {
    const to = safeRedirectTo(request)
    throw redirect(to === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(to)}`)
  }
  // An organisation that requires two-factor sign-in sends unenrolled users to enrol first.
  if (!opts.allowUnenrolled && !user.twoFactorEnrolled && session?.user.organisation.requireTwoFactor) {
    throw redirect('/account/two-factor')
  }
  return user
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request)
  if (!roles.includes(user.role)) throw forbidden()
  return user
}

export function forbidden(message = 'You do not have permission to see this page.') {
  return new Response(message, { status: 403, statusText: 'Forbidden' })
}

export function notFound(message = 'Page not found') {
  return new Response(message, { status: 404, statusText: 'Not Found' })
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect('/')
}

export function lockoutPolicies(): { account: LockoutPolicy; ip: LockoutPolicy } {
  const env = getEnv()
  const base = { windowMinutes: env.LOGIN_WINDOW_MINUTES, lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES }
  return {
    account: { ...base, maxFailures: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
    ip: { ...base, maxFailures: env.LOGIN_MAX_FAILURES_PER_IP },
  }
}

export type LoginResult =
  | { ok: true; userId: string; needsSecondFactor: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date }

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

type Lock = { locked: false } | { locked: true; until: Date }

/** Per-account and per-IP throttling state, from recent LoginAttempt rows. */
async function throttle(email: string, ip: string, now: Date) {
  const prisma = await db()
  const policies = lockoutPolicies()
  // Far enough back to see a lock that began a whole window before its lockout period.
  const lookbackMinutes = Math.max(
    policies.account.windowMinutes + policies.account.lockoutMinutes,
    policies.ip.windowMinutes + policies.ip.lockoutMinutes,
  )
  const since = new Date(now.getTime() - lookbackMinutes * 60_000)
  const [byAccount, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({ where: { email, at: { gt: since } }, select: { at: true, success: true } }),
    // Failures only: a success clears the account's count, never the address's, or one valid
    // account would let its holder try passwords against every other account without limit.
    prisma.loginAttempt.findMany({ where: { ip, success: false, at: { gt: since } }, select: { at: true, success: true } }),
  ])
  const locks = [lockoutState(byAccount, now, policies.account), lockoutState(byIp, now, policies.ip)]
  const until = locks.flatMap((l) => (l.locked ? [l.until] : [])).sort((a, b) => +b - +a)[0]
  const current: Lock = until ? { locked: true, until } : { locked: false }
  /** The account's state once one more failure is counted. */
  const afterFailure = (): Lock => {
    const next = lockoutState([...byAccount, { at: now, success: false }], now, policies.account)
    return next.locked ? { locked: true, until: next.until } : { locked: false }
  }
  return { current, afterFailure }
}

async function recordAttempt(email: string, ip: string, success: boolean, at: Date) {
  const prisma = await db()
  await prisma.loginAttempt.create({ data: { email, ip, success, at } })
}

/**
 * Tells the account's owner that sign-in is paused, once per lockout (the dedupe key names the
 * lock's end). Sent in the background, so the answer takes as long whether or not the account exists.
 */
async function notifyLocked(user: { id: string; email: string } | null, until: Date) {
  if (!user) return
  runInBackground('account-locked', () =>
    queueEmail({
      to: user.email,
      template: 'account-locked',
      props: { minutes: lockoutPolicies().account.lockoutMinutes },
      dedupeKey: `account-locked:${user.id}:${until.getTime()}`,
      userId: user.id,
    }),
  )
}

/**
 * Checks a password, with per-account and per-IP throttling. The same "invalid" answer is given
 * for an unknown email, a wrong password and a deactivated account, so responses never reveal
 * which accounts exist; lockout is counted on the email as typed, existing or not.
 */
export async function attemptLogin(rawEmail: string, password: string, ip: string): Promise<LoginResult> {
  const prisma = await db()
  const email = normaliseEmail(rawEmail)
  const now = new Date()
  const { current, afterFailure } = await throttle(email, ip, now)
  if (current.locked) {
    await audit({ action: 'auth.login.locked', entityType: 'login', entityId: email, ip })
    return { ok: false, reason: 'locked', until: current.until }
  }

  const user = await prisma.user.findUnique({ where: { email }, include: { password: true } })
  const valid = user?.password && user.active
    ? await verifyPassword(user.password.hash, password)
    : await verifyAgainstDummy(password)

  // A right password is a success only where it completes sign-in. For an account with two-factor
  // sign-in the code's success (attemptSecondFactor) clears earlier failures: counting the password
  // as one would let anyone who knows it re-enter it every few wrong codes and guess codes forever.
  const needsSecondFactor = Boolean(valid && user?.totpSecret)
  if (!needsSecondFactor) await recordAttempt(email, ip, Boolean(valid), now)
  if (!valid || !user) {
    const actor = user ? { id: user.id, email: user.email } : null
    await audit({ action: 'auth.login.failure', entityType: 'login', entityId: email, ip, actor })
    const after = afterFailure()
    if (after.locked) {
      await audit({ action: 'auth.account.locked', entityType: 'login', entityId: email, ip })
      await notifyLocked(actor, after.until)
      return { ok: false, reason: 'locked', until: after.until }
    }
    return { ok: false, reason: 'invalid' }
  }
  await audit({ action: 'auth.login.success', entityType: 'user', entityId: user.id, ip, actor: { id: user.id, email: user.email } })
  return { ok: true, userId: user.id, needsSecondFactor }
}

/** The second step of sign-in: a TOTP code, throttled like passwords. */
export async function attemptSecondFactor(
  user: { id: string; email: string },
  code: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; until: Date }> {
  const now = new Date()
  const { current, afterFailure } = await throttle(user.email, ip, now)
  if (current.locked) {
    await audit({ actor: { id: user.id, email: user.email }, action: 'auth.2fa.locked', entityType: 'user', entityId: user.id, ip })
    return { ok: false, reason: 'locked', until: current.until }
  }
  const valid = await verifySignInCode(user.id, code)
  await recordAttempt(user.email, ip, valid, now)
  await audit({ actor: { id: user.id, email: user.email }, action: valid ? 'auth.2fa.success' : 'auth.2fa.failure', entityType: 'user', entityId: user.id, ip })
  if (valid) return { ok: true }
  const after = afterFailure()
  if (after.locked) {
    await notifyLocked(user, after.until)
    return { ok: false, reason: 'locked', until: after.until }
  }
  return { ok: false, reason: 'invalid' }
}
