import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { AllocateForm, AllocationTable } from '~/components/case/allocations'
import { BackLink, PageHeading } from '~/components/content'
import { AllocateToVictimSchema, EndAllocationSchema } from '~/domain/cases/schemas'
import { allocateToVictim, endVictimAllocation, getVictimAllocations, requireVictimAllocator } from '~/services/allocations.server'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { invariantResponse } from '~/utils/invariant'
import { invalid, parseIntent } from '~/utils/submission.server'

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
  const ip = clientIp(context)
  const { intent, submission } = parseIntent(await readFormData(request), { end: EndAllocationSchema, allocate: AllocateToVictimSchema })
  if (intent === 'end') {
    invariantResponse(submission.status === 'success', 'Choose an allocation to end')
    const result = await endVictimAllocation(user, victimId, submission.value.allocationId, ip)
    invariantResponse(result.ok, () => (result.ok ? '' : result.message))
    return redirectWithFlash(request, `/victims/${victimId}/allocations`, 'Allocation ended.')
  }
  if (submission.status !== 'success') return invalid(submission)
  const result = await allocateToVictim(user, victimId, submission.value, ip)
  if (!result.ok) return invalid(submission, result)
  return redirectWithFlash(request, `/victims/${victimId}/allocations`, 'Person allocated.')
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
