// Administration: users, organisations and the audit log. Every function takes the acting
// administrator and re-checks the role (defence in depth behind the routes' requireRole), and every
// change is audited in the same transaction as the change.
import { canAdminister, type Actor, type Role } from '~/domain/access/policy'
import type { OrganisationKind, Prisma } from '~/generated/prisma/client'
import { audit } from './audit.server'
import { forbidden, normaliseEmail } from './auth.server'
import { db } from './db.server'
import { sendSetPasswordEmail } from './password-reset.server'
import { revokeUserSessions } from './session.server'
import { resetTwoFactor } from './two-factor.server'

export type AdminActor = Actor & { email: string }
export const ADMIN_PAGE_SIZE = 25

function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

export class DuplicateEmailError extends Error {}
export class SelfChangeError extends Error {}

export async function listUsers(actor: AdminActor, q: { organisationId?: string; role?: Role; status?: 'active' | 'inactive'; page?: number }) {
  requireAdmin(actor)
  const prisma = await db()
  const where: Prisma.UserWhereInput = {
    ...(q.organisationId ? { organisationId: q.organisationId } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { active: q.status === 'active' } : {}),
  }
  const page = Math.max(1, q.page ?? 1)
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, active: true, totpSecret: true, organisation: { select: { name: true } } },
    }),
  ])
  return {
    total,
    page,
    pageSize: ADMIN_PAGE_SIZE,
    rows: rows.map(({ totpSecret, ...u }) => ({ ...u, twoFactor: Boolean(totpSecret) })),
  }
}

export async function getUser(actor: AdminActor, userId: string) {
  requireAdmin(actor)
  const prisma = await db()
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, email: true, role: true, active: true, totpEnrolledAt: true, totpSecret: true, createdAt: true,
      organisation: { select: { id: true, name: true, requireTwoFactor: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  })
  if (!user) return null
  const { totpSecret, ...rest } = user
  return { ...rest, twoFactor: Boolean(totpSecret) }
}

export async function createUser(
  actor: AdminActor,
  input: { name: string; email: string; role: Role; organisationId: string },
  ip: string,
  request?: Request,
) {
  requireAdmin(actor)
  const prisma = await db()
  const email = normaliseEmail(input.email)
  let userId: string
  try {
    userId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email, role: input.role, organisationId: input.organisationId } })
      await audit(
        { actor, action: 'admin.user.create', entityType: 'user', entityId: user.id, ip, details: { role: input.role, organisationId: input.organisationId } },
        tx,
      )
      return user.id
    })
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new DuplicateEmailError()
    throw error
  }
  // The account exists either way; a failed send stays in the outbox (see email.server.ts).
  await sendSetPasswordEmail(userId, request)
  return userId
}

export async function changeRole(actor: AdminActor, userId: string, role: Role, ip: string) {
  requireAdmin(actor)
  if (userId === actor.id) throw new SelfChangeError()
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } })
    if (before.role === role) return
    await tx.user.update({ where: { id: userId }, data: { role } })
    await audit({ actor, action: 'admin.user.role_changed', entityType: 'user', entityId: userId, ip, details: { from: before.role, to: role } }, tx)
  })
  // What a role may see changes with it: make the user sign in again.
  await revokeUserSessions(userId, 'role_changed')
}

export async function setActive(actor: AdminActor, userId: string, active: boolean, ip: string) {
  requireAdmin(actor)
  if (userId === actor.id) throw new SelfChangeError()
  const prisma = await db()
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active } })
    await audit({ actor, action: active ? 'admin.user.reactivated' : 'admin.user.deactivated', entityType: 'user', entityId: userId, ip }, tx)
  })
  if (!active) await revokeUserSessions(userId, 'deactivated')
}

export async function adminResetTwoFactor(actor: AdminActor, userId: string, ip: string) {
  requireAdmin(actor)
  await resetTwoFactor(userId, actor, ip)
}

export async function listOrganisations(actor: AdminActor) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, inboxEmail: true, requireTwoFactor: true, _count: { select: { users: true } } },
  })
}

export async function getOrganisation(actor: AdminActor, id: string) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findUnique({ where: { id } })
}

export class DuplicateNameError extends Error {}

export interface OrganisationInput {
  name: string
  kind: OrganisationKind
  inboxEmail?: string | null
  requireTwoFactor: boolean
}

export async function saveOrganisation(actor: AdminActor, id: string | null, input: OrganisationInput, ip: string) {
  requireAdmin(actor)
  const prisma = await db()
  try {
    return await prisma.$transaction(async (tx) => {
      const data = { ...input, inboxEmail: input.inboxEmail || null }
      if (!id) {
        const org = await tx.organisation.create({ data })
        await audit({ actor, action: 'admin.organisation.create', entityType: 'organisation', entityId: org.id, ip, details: { ...data } }, tx)
        return org.id
      }
      const before = await tx.organisation.findUniqueOrThrow({ where: { id } })
      await tx.organisation.update({ where: { id }, data })
      const changed = Object.fromEntries(
        (Object.keys(data) as (keyof typeof data)[])
          .filter((k) => before[k] !== data[k])
          .map((k) => [k, { from: before[k], to: data[k] }]),
      )
      await audit({ actor, action: 'admin.organisation.update', entityType: 'organisation', entityId: id, ip, details: changed }, tx)
      return id
    })
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new DuplicateNameError()
    throw error
  }
}

export async function listAuditEvents(
  actor: AdminActor,
  q: { action?: string; actor?: string; entityId?: string; from?: Date; to?: Date; page?: number },
) {
  requireAdmin(actor)
  const prisma = await db()
  const where: Prisma.AuditEventWhereInput = {
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.actor ? { actorEmail: { contains: q.actor, mode: 'insensitive' } } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
  }
  const page = Math.max(1, q.page ?? 1)
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, skip: (page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE }),
  ])
  return { total, page, pageSize: ADMIN_PAGE_SIZE, rows: rows.map((r) => ({ ...r, seq: r.seq.toString() })) }
}
