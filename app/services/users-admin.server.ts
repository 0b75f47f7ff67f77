// Administrators manage people's accounts (and organisations and the audit log, in their own
// services) and see no casework. Every function takes the acting administrator and re-checks the
// role (defence in depth behind the routes' requireRole), and every change is audited in the same
// transaction as the change, with what changed (never a password or a secret).
import { z } from 'zod'
import { canAdminister, type Actor, type Role } from '~/domain/access/policy'
import { ROLES } from '~/domain/access/roles'
import type { Prisma } from '~/generated/prisma/client'
import { audit, type AuditActor } from './audit.server'
import { forbidden, normaliseEmail } from './auth.server'
import { db } from './db.server'
import { logger } from './logger.server'
import { listOrganisations } from './organisations-admin.server'
import { sendSetPasswordEmail } from './password-reset.server'
import { revokeUserSessions } from './session.server'
import { resetTwoFactor } from './two-factor.server'

export type AdminActor = AuditActor

export const USERS_PAGE_SIZE = 25

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'

type Failure<F extends string> = { ok: false; field: F; message: string }

export const USER_SORTS = ['name', 'email', 'role', 'organisation'] as const
export type UserSort = (typeof USER_SORTS)[number]

// List pages read filters from the query string; a bad value is ignored, never an error.
const UserListQuerySchema = z.object({
  organisationId: z.string().min(1).max(40).optional().catch(undefined),
  role: z.enum(ROLES as [Role, ...Role[]]).optional().catch(undefined),
  status: z.enum(['active', 'deactivated']).optional().catch(undefined),
  sort: z.enum(USER_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type UserListQuery = z.infer<typeof UserListQuerySchema>

export function parseUserListQuery(searchParams: URLSearchParams): UserListQuery {
  return UserListQuerySchema.parse(Object.fromEntries(searchParams))
}

function userOrder(sort: UserSort = 'name', dir: 'asc' | 'desc' = 'asc'): Prisma.UserOrderByWithRelationInput[] {
  switch (sort) {
    case 'email':
      return [{ email: dir }]
    case 'role':
      return [{ role: dir }, { name: 'asc' }]
    case 'organisation':
      return [{ organisation: { name: dir } }, { name: 'asc' }]
    case 'name':
      return [{ name: dir }, { email: 'asc' }]
  }
}

export async function listUsers(actor: AdminActor, q: UserListQuery = {}) {
  requireAdmin(actor)
  const prisma = await db()
  const where: Prisma.UserWhereInput = {
    ...(q.organisationId ? { organisationId: q.organisationId } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { active: q.status === 'active' } : {}),
  }
  const total = await prisma.user.count({ where })
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE))
  const page = Math.min(Math.max(1, q.page ?? 1), pages)
  const rows = await prisma.user.findMany({
    where,
    orderBy: userOrder(q.sort, q.dir),
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpSecret: true,
      organisation: { select: { id: true, name: true, requireTwoFactor: true } },
    },
  })
  return {
    total,
    page,
    pageSize: USERS_PAGE_SIZE,
    // Only whether two-factor sign-in is set up leaves this module, never the secret.
    rows: rows.map(({ totpSecret, ...u }) => ({ ...u, twoFactor: Boolean(totpSecret) })),
  }
}

/**
 * Everything the users list page needs (also the administrator's home page): the page of users
 * for the query string's filters, and the organisations to filter by.
 */
export async function adminUsersPage(actor: AdminActor, searchParams: URLSearchParams) {
  const query = parseUserListQuery(searchParams)
  const [users, organisations] = await Promise.all([listUsers(actor, query), listOrganisations(actor)])
  return { users, organisations: organisations.map((o) => ({ value: o.id, label: o.name })), query }
}
export type AdminUsersPageData = Awaited<ReturnType<typeof adminUsersPage>>

export async function getUser(actor: AdminActor, userId: string) {
  requireAdmin(actor)
  const prisma = await db()
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpSecret: true,
      totpEnrolledAt: true,
      createdAt: true,
      password: { select: { updatedAt: true } },
      organisation: { select: { id: true, name: true, requireTwoFactor: true } },
      _count: { select: { sessions: { where: { revokedAt: null, twoFactorPending: false, expiresAt: { gt: new Date() } } } } },
      sessions: { orderBy: { createdAt: 'desc' }, take: 1, where: { twoFactorPending: false }, select: { createdAt: true } },
    },
  })
  if (!user) return null
  const { totpSecret, password, sessions, _count, ...rest } = user
  return {
    ...rest,
    twoFactor: Boolean(totpSecret),
    passwordSet: Boolean(password),
    activeSessions: _count.sessions,
    lastSignIn: sessions[0]?.createdAt ?? null,
  }
}
export type AdminUser = NonNullable<Awaited<ReturnType<typeof getUser>>>

export interface NewUserInput {
  name: string
  email: string
  role: Role
  organisationId: string
}

/**
 * Creates an account without a password and emails the person a link to choose one. The email
 * address is unique (case-insensitive).
 */
export async function createUser(
  actor: AdminActor,
  input: NewUserInput,
  ip: string,
): Promise<{ ok: true; id: string; emailSent: boolean } | Failure<'email' | 'organisationId'>> {
  requireAdmin(actor)
  const prisma = await db()
  const email = normaliseEmail(input.email)
  const duplicate: Failure<'email'> = { ok: false, field: 'email', message: 'An account with this email already exists' }
  let id: string
  try {
    const result = await prisma.$transaction(async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } })
      if (!organisation) return { ok: false, field: 'organisationId', message: 'Select an organisation' } as const
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return duplicate
      const user = await tx.user.create({ data: { name: input.name, email, role: input.role, organisationId: organisation.id } })
      await audit(
        {
          actor,
          action: 'admin.user.created',
          entityType: 'user',
          entityId: user.id,
          ip,
          details: { name: user.name, email: user.email, role: user.role, organisation: { id: organisation.id, name: organisation.name } },
        },
        tx,
      )
      return { ok: true, id: user.id } as const
    })
    if (!result.ok) return result
    id = result.id
  } catch (error) {
    // Two administrators adding the same person at once: the unique index decides.
    if (isUniqueViolation(error)) return duplicate
    throw error
  }
  return { ok: true, id, emailSent: await trySendSetPasswordEmail(id) }
}

/** The account exists either way; a failed send is logged (never the address) and can be retried. */
async function trySendSetPasswordEmail(userId: string): Promise<boolean> {
  try {
    await sendSetPasswordEmail(userId)
    return true
  } catch (error) {
    logger.error({ userId, err: error instanceof Error ? error.message : 'unknown' }, 'set-password email failed')
    return false
  }
}

export type UserChangeFailure = { ok: false; reason: 'not_found' | 'self' | 'no_password_needed' }
type UserChangeResult<T = object> = ({ ok: true; changed: boolean } & T) | UserChangeFailure

/** Administrators change other people's accounts; their own settings are on "Your account". */
const selfChange = (actor: Actor, userId: string): UserChangeFailure | null => (actor.id === userId ? { ok: false, reason: 'self' } : null)

export async function changeRole(actor: AdminActor, userId: string, role: Role, ip: string): Promise<UserChangeResult<{ sessionsRevoked: number }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } })
    if (!before) return 'not_found' as const
    if (before.role === role) return 'unchanged' as const
    await tx.user.update({ where: { id: userId }, data: { role } })
    await audit({ actor, action: 'admin.user.role_changed', entityType: 'user', entityId: userId, ip, details: { role: { from: before.role, to: role } } }, tx)
    return 'changed' as const
  })
  if (outcome === 'not_found') return { ok: false, reason: 'not_found' }
  if (outcome === 'unchanged') return { ok: true, changed: false, sessionsRevoked: 0 }
  // What a role may see changes with it: the person signs in again under the new role.
  const sessionsRevoked = await revokeUserSessions(userId, 'role_changed')
  return { ok: true, changed: true, sessionsRevoked }
}

/** Deactivating signs the person out everywhere; their records and audit history stay. */
export async function setUserActive(actor: AdminActor, userId: string, active: boolean, ip: string): Promise<UserChangeResult<{ sessionsRevoked: number }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const outcome = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } })
    if (!before) return 'not_found' as const
    if (before.active === active) return 'unchanged' as const
    await tx.user.update({ where: { id: userId }, data: { active } })
    await audit(
      { actor, action: active ? 'admin.user.reactivated' : 'admin.user.deactivated', entityType: 'user', entityId: userId, ip, details: { active: { from: before.active, to: active } } },
      tx,
    )
    return 'changed' as const
  })
  if (outcome === 'not_found') return { ok: false, reason: 'not_found' }
  // A deactivated account's sessions already stop working (loadSession checks `active`); revoking
  // them ends them for good, so reactivation does not bring them back.
  const sessionsRevoked = !active ? await revokeUserSessions(userId, 'deactivated') : 0
  return { ok: true, changed: outcome === 'changed', sessionsRevoked }
}

/** For a lost phone: clears the person's two-factor secret and signs them out everywhere (audited by two-factor.server). */
export async function adminResetTwoFactor(actor: AdminActor, userId: string, ip: string): Promise<UserChangeResult> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpPendingSecret: true } })
  if (!user) return { ok: false, reason: 'not_found' }
  if (!user.totpSecret && !user.totpPendingSecret) return { ok: true, changed: false }
  await resetTwoFactor(userId, actor, ip)
  return { ok: true, changed: true }
}

/** Sends a new set-password link to someone who has not chosen a password yet. */
export async function resendSetPasswordEmail(actor: AdminActor, userId: string, ip: string): Promise<UserChangeResult<{ emailSent: boolean }>> {
  requireAdmin(actor)
  const refused = selfChange(actor, userId)
  if (refused) return refused
  const prisma = await db()
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { active: true, password: { select: { userId: true } } } })
  if (!user) return { ok: false, reason: 'not_found' }
  if (user.password || !user.active) return { ok: false, reason: 'no_password_needed' }
  await audit({ actor, action: 'admin.user.set_password_email_sent', entityType: 'user', entityId: userId, ip })
  return { ok: true, changed: true, emailSent: await trySendSetPasswordEmail(userId) }
}
