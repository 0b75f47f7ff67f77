// The directory of voluntary-sector support: which organisations offer which
// services (app/domain/support/referrals.ts SERVICE_TYPES). Every casework role may read it; an
// organisation's managers set their own organisation's services, administrators any organisation's.
import type { Actor } from '~/domain/access/policy'
import { SERVICE_TYPES, serviceTypeLabel, type ServiceType } from '~/domain/support/referrals'
import { audit, type AuditActor } from './audit.server'
import { forbidden, notFound } from './auth.server'
import { db } from './db.server'


export interface DirectoryEntry {
  id: string
  name: string
  kind: string
  services: { serviceType: string; label: string; description: string | null }[]
}

const ORDER = new Map<string, number>(SERVICE_TYPES.map((s, i) => [s.id, i]))
const byServiceOrder = (a: { serviceType: string }, b: { serviceType: string }) => (ORDER.get(a.serviceType) ?? 99) - (ORDER.get(b.serviceType) ?? 99)

/** Organisations offering at least one service (optionally a given one), with their active services. */
export async function listDirectory(options: { serviceType?: string } = {}): Promise<DirectoryEntry[]> {
  const prisma = await db()
  const serviceType = SERVICE_TYPES.some((s) => s.id === options.serviceType) ? options.serviceType : undefined
  const rows = await prisma.organisation.findMany({
    where: { supportServices: { some: { active: true, ...(serviceType ? { serviceType } : {}) } } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      kind: true,
      supportServices: { where: { active: true }, select: { serviceType: true, description: true } },
    },
  })
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    services: [...o.supportServices].sort(byServiceOrder).map((s) => ({ ...s, label: serviceTypeLabel(s.serviceType) })),
  }))
}

/** Managers set their own organisation's services; administrators any organisation's. */
export function canManageServices(actor: Actor, organisationId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'manager' && actor.organisationId === organisationId)
}

export async function getServicesForEdit(actor: Actor, organisationId: string) {
  if (!canManageServices(actor, organisationId)) throw forbidden()
  const prisma = await db()
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, supportServices: { select: { serviceType: true, description: true, active: true } } },
  })
  if (!organisation) throw notFound()
  return {
    id: organisation.id,
    name: organisation.name,
    offered: organisation.supportServices.filter((s) => s.active).map((s) => s.serviceType),
    descriptions: Object.fromEntries(organisation.supportServices.map((s) => [s.serviceType, s.description ?? ''])) as Record<string, string>,
  }
}

export interface ServiceSetting {
  serviceType: ServiceType
  description: string | null
}

/**
 * Sets the services the organisation offers: those listed become (or stay) active with their
 * description, the rest are switched off (kept, so referrals already made still name them).
 * Audited with the service ids only.
 */
export async function setOrganisationServices(actor: AuditActor, organisationId: string, services: readonly ServiceSetting[], ip: string) {
  if (!canManageServices(actor, organisationId)) throw forbidden()
  const prisma = await db()
  return prisma.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } })
    if (!org) throw notFound()
    const chosen = new Set(services.map((s) => s.serviceType))
    for (const s of services) {
      await tx.supportService.upsert({
        where: { organisationId_serviceType: { organisationId, serviceType: s.serviceType } },
        create: { organisationId, serviceType: s.serviceType, description: s.description, active: true },
        update: { description: s.description, active: true },
      })
    }
    await tx.supportService.updateMany({ where: { organisationId, serviceType: { notIn: [...chosen] }, active: true }, data: { active: false } })
    await audit(
      {
        actor,
        action: 'support.services.update',
        entityType: 'organisation',
        entityId: organisationId,
        ip,
        details: { services: [...chosen].sort() },
      },
      tx,
    )
    return { ok: true as const, count: chosen.size }
  })
}
