import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AllocateForm, AllocationTable } from '~/components/case/allocations'
import { BackLink, PageHeading } from '~/components/content'
import { AllocateToVictimSchema, EndAllocationSchema } from '~/domain/cases/schemas'
import { allocateToVictim, endVictimAllocation, getVictimAllocations, requireVictimAllocator } from '~/services/allocations.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { setFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `People supporting ${data?.victim.reference ?? ''} – Waypoint` }]

const ROLES = ['advocate', 'manager'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  return { ...(await getVictimAllocations(user, params.victimId)), organisationName: user.organisationName }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireVictimAllocator(user, victimId)
  const formData = await readFormData(request)
  const ip = clientIp(context)
  if (formData.get('intent') === 'end') {
    const end = parseWithZod(formData, { schema: EndAllocationSchema })
    if (end.status !== 'success') throw new Response('Choose an allocation to end', { status: 400 })
    const result = await endVictimAllocation(user, victimId, end.value.allocationId, ip)
    if (!result.ok) throw new Response(result.message, { status: 400 })
    return redirect(`/victims/${victimId}/allocations`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Allocation ended.' }) } })
  }
  const submission = parseWithZod(formData, { schema: AllocateToVictimSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await allocateToVictim(user, victimId, submission.value, ip)
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 })
  return redirect(`/victims/${victimId}/allocations`, { headers: { 'Set-Cookie': await setFlash(request, { kind: 'success', message: 'Person allocated.' }) } })
}

export default function VictimAllocations() {
  const { victim, allocations, people, kinds, organisationName } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/victims/${victim.id}`}>Back to the victim</BackLink>
        <PageHeading caption={victim.reference}>People supporting this victim</PageHeading>
        <AllocationTable allocations={allocations} canEnd={(a) => a.kind !== 'service' && a.organisation.name === organisationName} />
      </div>
      <div className="govuk-grid-column-two-thirds">
        <AllocateForm schema={AllocateToVictimSchema} lastResult={lastResult} kinds={kinds} people={people} />
      </div>
    </div>
  )
}
