// Demo case reviews: every finalised demo case (K9 and K10 convicted, K11 no further action, K12
// guilty pleas, and the finalised cases of the history in ./history.ts) gets its CaseReview exactly
// as the journal service makes it (refreshCaseReview). K12's review and the history's older reviews
// are signed off by CPS liaison with invented findings, so the dashboard has lessons.
import type { Prisma } from '../../app/generated/prisma/client'

export interface ReviewSignOff {
  caseId: string
  at: Date
  helped: string
  hindered: string
  lessons: string
  tags: string[]
}

/** K12's findings (the e2e tests read its lesson). */
export const K12_FINDINGS = {
  helped:
    'The advocate was allocated before the ABE interview and stayed with the young person through to the first hearing.\nEarly full-file submission meant a quick charging decision.',
  hindered: 'The first hearing date moved once because the court had no live-link room free.',
  lessons: 'Ask the court for a live-link room when the first hearing is listed, not the week before.\nKeep allocating the advocate before the interview.',
  tags: ['early-advocate', 'special-measures'],
}

export async function seedReviews(
  tx: Prisma.TransactionClient,
  keys: { caseIds: readonly string[]; now: Date; signedOffBy: string; signOffs: readonly ReviewSignOff[] },
) {
  // Loaded here so that importing the seed's constants does not load the services.
  const { refreshCaseReview } = await import('../../app/services/case-review.server')
  let created = 0
  for (const caseId of keys.caseIds) if ((await refreshCaseReview(tx, caseId, keys.now)) === 'created') created += 1
  let signed = 0
  for (const { caseId, at, ...findings } of keys.signOffs) {
    const row = await tx.caseReview.updateMany({
      where: { caseId, status: 'awaiting_review' },
      data: { status: 'signed_off', ...findings, signedOffById: keys.signedOffBy, signedOffAt: at, version: { increment: 1 } },
    })
    signed += row.count
  }
  return { reviews: created, signedOffReviews: signed }
}
