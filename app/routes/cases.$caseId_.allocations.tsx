import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AllocateForm, AllocationTable } from '~/components/case/allocations'
import { BackLink, PageHeading } from '~/components/content'
import { AllocateToCaseSchema, EndAllocationSchema } from '~/domain/cases/schemas'
import { allocateToCase, endCaseAllocation, getCaseAllocations, requireCaseAllocator } from '~/services/allocations.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'

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
  const formData = await readFormData(request)
  const ip = clientIp(context)
  if (formData.get('intent') === 'end') {
    const end = parseWithZod(formData, { schema: EndAllocationSchema })
    if (end.status !== 'success') throw new Response('Choose an allocation to end', { status: 400 })
    const result = await endCaseAllocation(user, caseId, end.value.allocationId, ip)
    if (!result.ok) throw new Response(result.message, { status: 400 })
    return redirect(`/cases/${caseId}/allocations`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Allocation ended.' }) } })
  }
  const submission = parseWithZod(formData, { schema: AllocateToCaseSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await allocateToCase(user, caseId, submission.value, ip)
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 })
  return redirect(`/cases/${caseId}/allocations`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Person allocated.' }) } })
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
