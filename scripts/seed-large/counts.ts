// How big a region is: the rows seed:large writes in proportion to --victims. The bench records
// them with its results; the seed-large test checks them.
import type { PrismaClient } from '../../app/generated/prisma/client'

export async function regionCounts(prisma: PrismaClient) {
  return {
    victims: await prisma.victim.count(),
    cases: await prisma.case.count(),
    events: await prisma.journeyEvent.count(),
    contacts: await prisma.contact.count(),
    visits: await prisma.visit.count(),
    entitlements: await prisma.entitlement.count(),
    reviews: await prisma.caseReview.count(),
    referrals: await prisma.referral.count(),
  }
}
