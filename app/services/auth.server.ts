// Who is asking. Guards throw (a redirect to sign in, or a 403/404 Response rendered by the error
// boundary), so loaders and actions read top to bottom: `const user = await requireUser(request)`.
import { redirect } from '@remix-run/node'
import { lockoutState, type LockoutPolicy } from '~/domain/auth/lockout'
import type { Actor, Role } from '~/domain/access/policy'
import { audit } from './audit.server'
import { db } from './db.server'
import { getEnv } from './env.server'
import { verifyAgainstDummy, verifyPassword } from './password.server'
import { loadSession } from './session.server'

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

/**
 * Checks a password, with per-account and per-IP throttling. The same "invalid" answer is given
 * for an unknown email, a wrong password and a deactivated account, so responses never reveal
 * which accounts exist; lockout is counted on the email as typed, existing or not.
 */
export async function attemptLogin(rawEmail: string, password: string, ip: string): Promise<LoginResult> {
  const prisma = await db()
  const email = normaliseEmail(rawEmail)
  const now = new Date()
  const policies = lockoutPolicies()
  // Far enough back to see a lock that began a whole window before its lockout period.
  const lookbackMinutes = Math.max(
    policies.account.windowMinutes + policies.account.lockoutMinutes,
    policies.ip.windowMinutes + policies.ip.lockoutMinutes,
  )
  const since = new Date(now.getTime() - lookbackMinutes * 60_000)
  const [byAccount, byIp] = await Promise.all([
    prisma.loginAttempt.findMany({ where: { email, at: { gt: since } }, select: { at: true, success: true } }),
    prisma.loginAttempt.findMany({ where: { ip, at: { gt: since } }, select: { at: true, success: true } }),
  ])
  const accountLock = lockoutState(byAccount, now, policies.account)
  const ipLock = lockoutState(byIp, now, policies.ip)
  if (accountLock.locked || ipLock.locked) {
    const until = [accountLock, ipLock].flatMap((l) => (l.locked ? [l.until] : [])).sort((a, b) => +b - +a)[0]!
    await audit({ action: 'auth.login.locked', entityType: 'login', entityId: email, ip })
    return { ok: false, reason: 'locked', until }
  }

  const user = await prisma.user.findUnique({ where: { email }, include: { password: true } })
  const valid = user?.password && user.active
    ? await verifyPassword(user.password.hash, password)
    : await verifyAgainstDummy(password)

  await prisma.loginAttempt.create({ data: { email, ip, success: Boolean(valid), at: now } })
  if (!valid || !user) {
    await audit({ action: 'auth.login.failure', entityType: 'login', entityId: email, ip, actor: user ? { id: user.id, email: user.email } : null })
    const after = lockoutState([...byAccount, { at: now, success: false }], now, policies.account)
    if (after.locked) {
      await audit({ action: 'auth.account.locked', entityType: 'user', entityId: user?.id ?? email, ip })
      return { ok: false, reason: 'locked', until: after.until }
    }
    return { ok: false, reason: 'invalid' }
  }
  await audit({ action: 'auth.login.success', entityType: 'user', entityId: user.id, ip, actor: { id: user.id, email: user.email } })
  return { ok: true, userId: user.id, needsSecondFactor: Boolean(user.totpSecret) }
}
