// Reading victim records. Every function takes the asking user and goes through the access policy;
// every view of a victim page is audited.
import type { Actor } from '~/domain/access/policy'
import type { Prisma } from '~/generated/prisma/client'
import { requireVictimAccess, victimWhere } from './access.server'
import { audit } from './audit.server'
import { db } from './db.server'

export const PAGE_SIZE = 25

export interface VictimListQuery {
  q?: string
  status?: 'open' | 'closed' | 'all'
  page?: number
  /** Only victims explicitly allocated to the actor (their own caseload). */
  mine?: boolean
}

export async function listVictims(actor: Actor, query: VictimListQuery = {}) {
  const prisma = await db()
  const filters: Prisma.VictimWhereInput[] = [victimWhere(actor)]
  if (query.status && query.status !== 'all') filters.push({ status: query.status })
  if (query.mine) filters.push({ allocations: { some: { endedAt: null, userId: actor.id } } })
  const q = query.q?.trim()
  if (q) {
    filters.push({
      OR: [
        { reference: { contains: q, mode: 'insensitive' } },
        { firstName: { contains: q, mode: 'insensitive' } },
        { lastName: { contains: q, mode: 'insensitive' } },
        { preferredName: { contains: q, mode: 'insensitive' } },
      ],
    })
  }
  const where = { AND: filters }
  const page = Math.max(1, query.page ?? 1)
  const [total, rows] = await Promise.all([
    prisma.victim.count({ where }),
    prisma.victim.findMany({
      where,
      orderBy: [{ status: 'desc' }, { reference: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        firstName: true,
        lastName: true,
        preferredName: true,
        dateOfBirth: true,
        status: true,
        restricted: true,
        allocations: {
          where: { endedAt: null, kind: 'lead_advocate' },
          select: { user: { select: { name: true } } },
        },
        cases: { select: { case: { select: { stage: true } } } },
      },
    }),
  ])
  return { total, page, pageSize: PAGE_SIZE, rows }
}

export async function getVictimForView(actor: Actor & { email: string }, victimId: string, ip: string) {
  const access = await requireVictimAccess(actor, victimId)
  const prisma = await db()
  const victim = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    include: {
      allocations: {
        where: { endedAt: null },
        include: { user: { select: { name: true } }, organisation: { select: { name: true } } },
        orderBy: { startedAt: 'asc' },
      },
      cases: { include: { case: { select: { id: true, crimeReference: true, stage: true, status: true } } } },
    },
  })
  await audit({ actor, action: 'victim.view', entityType: 'victim', entityId: victimId, ip })
  const { address, phone, email, ...rest } = victim
  return {
    access,
    victim: rest,
    // CPS liaison never receives contact details: they are not sent to the browser at all.
    contact: access.canSeeContactDetails ? { address, phone, email } : null,
  }
}
