import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AllocateForm, AllocationTable } from '~/components/case/allocations'
import { BackLink, PageHeading } from '~/components/content'
import { AllocateToCaseSchema, EndAllocationSchema } from '~/domain/cases/schemas'
import { allocateToCase, endCaseAllocation, getCaseAllocations, requireCaseAllocator } from '~/services/allocations.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { invariantResponse } from '~/utils/invariant'
import { invalid, parseIntent } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `People on case ${data?.case.crimeReference ?? ''} – Waypoint` }]

const ROLES = ['officer', 'cps_liaison', 'manager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.caseId) throw notFound()
  return getCaseAllocations(user, params.caseId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const caseId = params.caseId
  if (!caseId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireCaseAllocator(user, caseId)
  const ip = clientIp(context)
  const { intent, submission } = parseIntent(await readFormData(request), { end: EndAllocationSchema, allocate: AllocateToCaseSchema })
  if (intent === 'end') {
    invariantResponse(submission.status === 'success', 'Choose an allocation to end')
    const result = await endCaseAllocation(user, caseId, submission.value.allocationId, ip)
    invariantResponse(result.ok, () => (result.ok ? '' : result.message))
    return redirectWithFlash(request, `/cases/${caseId}/allocations`, 'Allocation ended.')
  }
  if (submission.status !== 'success') return invalid(submission)
  const result = await allocateToCase(user, caseId, submission.value, ip)
  if (!result.ok) return invalid(submission, result)
  return redirectWithFlash(request, `/cases/${caseId}/allocations`, 'Person allocated.')
}

export default function CaseAllocations() {
  const { case: c, kinds, allocations, people } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
        <PageHeading caption={c.crimeReference}>People on this case</PageHeading>
        <AllocationTable allocations={allocations} canEnd={(a) => (kinds as readonly string[]).includes(a.kind)} />
      </div>
      <div className="govuk-grid-column-two-thirds">
        {kinds.length ? <AllocateForm schema={AllocateToCaseSchema} lastResult={lastResult} kinds={kinds} people={people} /> : null}
      </div>
    </div>
  )
}
