import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseQuarter } from '~/domain/review/dataset'
import { clientIp, requireRole } from '~/services/auth.server'
import { datasetCsv } from '~/services/dataset.server'
import { invariantResponse } from '~/utils/invariant'

// GET /review/dataset.csv?quarter=2026-Q3: the multi-agency data set as a CSV download (managers
// only, 403 for everyone else). Audited as 'dataset.export' with { quarter, format: 'csv' }.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['manager'])
  const parsed = parseQuarter(new URL(request.url).searchParams.get('quarter'), new Date())
  invariantResponse(parsed.ok, () => (parsed.ok ? '' : parsed.message), { statusText: 'Bad Request' })
  const csv = await datasetCsv(user, parsed.quarter, { ip: clientIp(context) })
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="waypoint-dataset-${parsed.quarter.quarter}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
