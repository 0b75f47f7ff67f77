// Demo case reviews: every finalised demo case (K9 and K10 convicted, K11 no further
// action, K12 guilty pleas) gets its CaseReview exactly as the journal service makes it
// (refreshCaseReview); K12's review is signed off by CPS liaison with invented findings.
import type { Prisma } from '../../app/generated/prisma/client'

export async function seedReviews(tx: Prisma.TransactionClient, keys: { caseIds: readonly string[]; signOff: { caseId: string; userId: string; at: Date } }) {
  // Loaded here so that importing the seed's constants does not load the services.
  const { refreshCaseReview } = await import('../../app/services/case-review.server')
  let created = 0
  for (const caseId of keys.caseIds) if ((await refreshCaseReview(tx, caseId, keys.signOff.at)) === 'created') created += 1
  const signed = await tx.caseReview.updateMany({
    where: { caseId: keys.signOff.caseId, status: 'awaiting_review' },
    data: {
      status: 'signed_off',
      helped:
        'The advocate was allocated before the ABE interview and stayed with the young person through to the first hearing.\nEarly full-file submission meant a quick charging decision.',
      hindered: 'The first hearing date moved once because the court had no live-link room free.',
      lessons: 'Ask the court for a live-link room when the first hearing is listed, not the week before.\nKeep allocating the advocate before the interview.',
      tags: ['early-advocate', 'special-measures'],
      signedOffById: keys.signOff.userId,
      signedOffAt: keys.signOff.at,
      version: { increment: 1 },
    },
  })
  return { reviews: created, signedOffReviews: signed.count }
}
