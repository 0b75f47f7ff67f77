import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
  CasePeopleSection,
  CaseSummarySection,
  CaseVictimsSection,
  DefendantsSection,
  OffencesSection,
} from '~/components/case/case-sections'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseForView } from '~/services/cases.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.case.crimeReference ?? 'Case'} – Waypoint` },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.caseId) throw notFound()
  return getCaseForView(user, params.caseId, clientIp(context))
}

// The case page: its details, offences, suspects, victims and people (app/components/case). The
// journal timeline is added alongside these sections.
export default function CasePage() {
  const { case: c, victims, hiddenVictimCount, access } = useLoaderData<typeof loader>()
  return (
    <>
      <span className="govuk-caption-l">Case</span>
      <h1 className="govuk-heading-l">{c.crimeReference}</h1>
      <CaseSummarySection c={c} canUpdate={access.canUpdate} />
      <OffencesSection offences={c.offences} />
      <DefendantsSection caseId={c.id} defendants={c.defendants} canUpdate={access.canUpdate} />
      <CaseVictimsSection caseId={c.id} victims={victims} hiddenVictimCount={hiddenVictimCount} canUpdate={access.canUpdate} />
      <CasePeopleSection caseId={c.id} allocations={c.allocations} canAllocate={access.canAllocate} />
    </>
  )
}
