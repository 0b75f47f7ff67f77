import type { LoaderFunctionArgs } from '@remix-run/node'
import { clientIp, requireRole } from '~/services/auth.server'
import { parseDashboardQuery } from '~/services/review-dashboard.server'
import { exportCaseReviews } from '~/services/review-export.server'
import { invariantResponse } from '~/utils/invariant'

// GET /review/cases.csv?from=…&to=…&org=…: the finalised cases' reviews in the dashboard's period,
// one row per case the user may see (CPS liaison and managers; 403 for everyone else). Audited as
// 'review.export' with its parameters.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['cps_liaison', 'manager'])
  const query = parseDashboardQuery(new URL(request.url).searchParams, new Date())
  const dateError = query.errors.from ?? query.errors.to
  invariantResponse(!dateError, () => dateError ?? '', { statusText: 'Bad Request' })
  const csv = await exportCaseReviews(user, query, { ip: clientIp(context) })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="waypoint-case-reviews-${query.period.from}-to-${query.period.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
