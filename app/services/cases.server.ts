// Reading criminal cases, through the access policy; every view of a case page is audited.
import type { Actor } from '~/domain/access/policy'
import { AWAITING_CPS_STAGES } from '~/domain/journey/stages'
import type { Prisma } from '~/generated/prisma/client'
import { caseWhere, requireCaseAccess } from './access.server'
import { audit } from './audit.server'
import { db } from './db.server'
import { PAGE_SIZE } from './victims.server'

export interface CaseListQuery {
  q?: string
  page?: number
  mine?: boolean
  /** CPS view: sent to CPS with no charging decision yet. */
  awaitingCps?: boolean
}


export async function listCases(actor: Actor, query: CaseListQuery = {}) {
  const prisma = await db()
  const filters: Prisma.CaseWhereInput[] = [caseWhere(actor)]
  if (query.mine) filters.push({ allocations: { some: { endedAt: null, userId: actor.id } } })
  if (query.awaitingCps) filters.push({ sentToCpsAt: { not: null }, stage: { in: [...AWAITING_CPS_STAGES] } })
  const q = query.q?.trim()
  if (q) {
    filters.push({
      OR: [{ crimeReference: { contains: q, mode: 'insensitive' } }, { cpsUrn: { contains: q, mode: 'insensitive' } }],
    })
  }
  const where = { AND: filters }
  const page = Math.max(1, query.page ?? 1)
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        crimeReference: true,
        cpsUrn: true,
        stage: true,
        status: true,
        sentToCpsAt: true,
        police: { select: { name: true } },
        _count: { select: { victims: true } },
        allocations: { where: { endedAt: null, kind: 'oic' }, select: { user: { select: { name: true } } } },
      },
    }),
  ])
  return { total, page, pageSize: PAGE_SIZE, rows }
}

export async function getCaseForView(actor: Actor & { email: string }, caseId: string, ip: string) {
  const access = await requireCaseAccess(actor, caseId)
  const prisma = await db()
  const found = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      police: { select: { name: true } },
      cps: { select: { name: true } },
      witnessCare: { select: { name: true } },
      allocations: {
        where: { endedAt: null },
        include: { user: { select: { name: true } }, organisation: { select: { name: true } } },
      },
      victims: {
        include: { victim: { select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } } },
      },
    },
  })
  await audit({ actor, action: 'case.view', entityType: 'case', entityId: caseId, ip })
  const { victims, ...rest } = found
  return {
    access: { canUpdate: access.canUpdate },
    case: rest,
    victims: victims.filter((v) => access.visibleVictimIds.has(v.victimId)).map((v) => v.victim),
    hiddenVictimCount: victims.filter((v) => !access.visibleVictimIds.has(v.victimId)).length,
  }
}
