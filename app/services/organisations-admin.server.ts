// Administrators manage organisations (and people's accounts and the audit log, in their own
// services) and see no casework. Every function re-checks the administrator's role (defence in
// depth behind the routes' requireRole), and every change is audited in the same transaction as
// the change, with exactly what changed.
import { canAdminister, type Actor } from '~/domain/access/policy'
import { ORGANISATION_KINDS } from '~/domain/access/roles'
import type { OrganisationKind } from '~/generated/prisma/client'
import { audit, type AuditActor } from './audit.server'
import { forbidden, normaliseEmail } from './auth.server'
import { db } from './db.server'


function requireAdmin(actor: Actor) {
  if (!canAdminister(actor)) throw forbidden()
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002'

type Failure<F extends string> = { ok: false; field: F; message: string }

export async function listOrganisations(actor: AuditActor) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, inboxEmail: true, requireTwoFactor: true, _count: { select: { users: { where: { active: true } } } } },
  })
}

export async function getOrganisation(actor: AuditActor, id: string) {
  requireAdmin(actor)
  const prisma = await db()
  return prisma.organisation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      inboxEmail: true,
      requireTwoFactor: true,
      _count: { select: { users: { where: { active: true } } } },
    },
  })
}

export interface OrganisationInput {
  name: string
  kind: OrganisationKind
  inboxEmail?: string | null
  requireTwoFactor: boolean
}

const ORGANISATION_FIELDS = ['name', 'kind', 'inboxEmail', 'requireTwoFactor'] as const
const duplicateName: Failure<'name'> = { ok: false, field: 'name', message: 'An organisation with this name already exists' }

function organisationData(input: OrganisationInput) {
  if (!ORGANISATION_KINDS.includes(input.kind)) throw new Error('unknown organisation kind')
  return { name: input.name.trim(), kind: input.kind, inboxEmail: input.inboxEmail ? normaliseEmail(input.inboxEmail) : null, requireTwoFactor: input.requireTwoFactor }
}

export async function createOrganisation(actor: AuditActor, input: OrganisationInput, ip: string): Promise<{ ok: true; id: string } | Failure<'name'>> {
  requireAdmin(actor)
  const prisma = await db()
  const data = organisationData(input)
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.organisation.findFirst({ where: { name: { equals: data.name, mode: 'insensitive' } }, select: { id: true } })) return duplicateName
      const org = await tx.organisation.create({ data })
      await audit({ actor, action: 'admin.organisation.created', entityType: 'organisation', entityId: org.id, ip, details: { ...data } }, tx)
      return { ok: true, id: org.id } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName
    throw error
  }
}

/** Saves the changes and audits exactly what changed (`{ field: { from, to } }`); nothing changed, nothing audited. */
export async function updateOrganisation(
  actor: AuditActor,
  id: string,
  input: OrganisationInput,
  ip: string,
): Promise<{ ok: true; changed: (typeof ORGANISATION_FIELDS)[number][] } | Failure<'name'> | { ok: false; field: null; message: 'not_found' }> {
  requireAdmin(actor)
  const prisma = await db()
  const data = organisationData(input)
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({ where: { id } })
      if (!before) return { ok: false, field: null, message: 'not_found' } as const
      const clash = await tx.organisation.findFirst({ where: { id: { not: id }, name: { equals: data.name, mode: 'insensitive' } }, select: { id: true } })
      if (clash) return duplicateName
      const changed = ORGANISATION_FIELDS.filter((k) => before[k] !== data[k])
      if (changed.length === 0) return { ok: true, changed } as const
      await tx.organisation.update({ where: { id }, data })
      await audit(
        {
          actor,
          action: 'admin.organisation.updated',
          entityType: 'organisation',
          entityId: id,
          ip,
          details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: data[k] }])),
        },
        tx,
      )
      return { ok: true, changed } as const
    })
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName
    throw error
  }
}
