import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { exportAuditCsv, parseAuditQuery } from '~/services/audit-log-admin.server'
import { clientIp, requireRole } from '~/services/auth.server'
import { readFormData } from '~/utils/form-data.server'

// POST /admin/audit/export: the audit log (with the page's filters) as a CSV download. A POST, so
// the same-origin check applies and a link elsewhere cannot start an export; audited as 'audit.export'.
export async function loader() {
  return redirect('/admin/audit')
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const { filters } = parseAuditQuery(await readFormData(request))
  const { csv } = await exportAuditCsv(admin, filters, clientIp(context))
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="waypoint-audit-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
