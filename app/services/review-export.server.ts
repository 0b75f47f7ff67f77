// The case-level export of finalised cases' reviews: for the roles that see the
// dashboard, only the cases each user may see (reviewScope → caseWhere), audited with its parameters.
import { parseFactors } from '~/domain/review/factors'
import { REVIEW_EXPORT_HEADER, reviewExportRow } from '~/domain/review/case-export'
import { toCsv } from '~/utils/csv'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { canViewReviewDashboard, reviewScope, type DashboardQuery } from './review-dashboard.server'

export async function exportCaseReviews(actor: AuditActor, query: Pick<DashboardQuery, 'period' | 'org'>, options: { ip: string }) {
  if (!canViewReviewDashboard(actor)) throw forbidden()
  const prisma = await db()
  const { start, end, org, caseIds } = await reviewScope(actor, query)
  const reviews = await prisma.caseReview.findMany({
    where: { caseId: { in: caseIds }, finalisedAt: { gte: start, lt: end } },
    select: {
      outcome: true,
      status: true,
      finalisedAt: true,
      signedOffAt: true,
      tags: true,
      factors: true,
      case: { select: { crimeReference: true, cpsUrn: true } },
    },
    orderBy: [{ finalisedAt: 'asc' }, { id: 'asc' }],
  })
  await audit({
    actor,
    action: 'review.export',
    entityType: 'case_review',
    entityId: null,
    ip: options.ip,
    details: { from: query.period.from, to: query.period.to, organisationId: org?.id ?? null, format: 'csv', rows: reviews.length },
  })
  const rows = reviews.map((r) => reviewExportRow({ ...r, ...r.case, factors: parseFactors(r.factors) }))
  return toCsv(REVIEW_EXPORT_HEADER, rows)
}
