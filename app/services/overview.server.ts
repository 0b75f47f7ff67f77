// The manager's team overview: each member of their organisation with the caseload allocated to
// them, and the organisation's totals. Counts only cover records the manager may see, and not
// victims seen only because they were referred to the organisation (another service holds them).
import type { Actor } from '~/domain/access/policy'
import { caseWhere, victimWhere } from './access.server'
import { db } from './db.server'

export async function teamOverview(actor: Actor) {
  const prisma = await db()
  const visibleVictims = victimWhere(actor, { referred: false })
  const visibleCases = caseWhere(actor, { referred: false })
  const [staff, openVictims, closedVictims, restrictedVictims, openCases, unallocated] = await Promise.all([
    prisma.user.findMany({
      where: { organisationId: actor.organisationId, active: true, role: { not: 'admin' } },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        role: true,
        _count: {
          select: {
            allocations: { where: { endedAt: null, OR: [{ victim: visibleVictims }, { case: visibleCases }] } },
          },
        },
      },
    }),
    prisma.victim.count({ where: { AND: [visibleVictims, { status: 'open' }] } }),
    prisma.victim.count({ where: { AND: [visibleVictims, { status: 'closed' }] } }),
    prisma.victim.count({ where: { AND: [visibleVictims, { restricted: true }] } }),
    prisma.case.count({ where: { AND: [visibleCases, { status: 'open' }] } }),
    prisma.victim.count({
      where: { AND: [visibleVictims, { status: 'open' }, { allocations: { none: { endedAt: null, kind: 'lead_advocate' } } }] },
    }),
  ])
  return {
    staff: staff.map((s) => ({ id: s.id, name: s.name, role: s.role, allocations: s._count.allocations })),
    totals: { openVictims, closedVictims, restrictedVictims, openCases, unallocated },
  }
}
