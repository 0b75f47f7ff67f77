// Loads the decision summary (app/domain/sharing/summary.ts) for a referral or a sharing request:
// one read of the victim's few fields and the categories of the offences against her.
import { summariseForDecision } from '~/domain/sharing/summary'
import { db } from './db.server'

export async function loadSharingSummary(victimId: string, now: Date = new Date()) {
  const prisma = await db()
  const v = await prisma.victim.findUniqueOrThrow({
    where: { id: victimId },
    select: {
      reference: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      dateOfBirth: true,
      preferredLanguage: true,
      interpreterNeeded: true,
      intermediaryNeeded: true,
      otherAdjustments: true,
      safeContactMethod: true,
      safeContactTimes: true,
      noVoicemail: true,
      doNotTell: true,
      offences: { select: { category: true } },
      cases: { select: { case: { select: { offences: { where: { victimId: null }, select: { category: true } } } } } },
    },
  })
  // Offences against her, and the case-wide offences of her cases that name no victim.
  const categories = [...v.offences, ...v.cases.flatMap((c) => c.case.offences)].map((o) => o.category)
  return summariseForDecision({ ...v, offenceCategories: categories }, now)
}
export type { SharingSummary } from '~/domain/sharing/summary'
