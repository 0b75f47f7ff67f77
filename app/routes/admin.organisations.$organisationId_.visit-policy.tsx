import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatusButton, SubmitOrCancel } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { DEFAULT_VISIT_POLICY, KEY_COURT_EVENTS_TEXT, policyFromSetting, VisitPolicyDaysSchema } from '~/domain/visits/policy'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getOrganisationVisitPolicy, setOrganisationVisitPolicy } from '~/services/visit-policy.server'
import { readFormData } from '~/utils/form-data.server'
import { invalid, parseIntent } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

// An organisation's follow-up visit policy: the four numbers of days, or the
// partnership's defaults. The schedules of the victims it holds follow it from the next page view.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Follow-up visit policy – ${data?.organisation.name ?? 'Organisation'} – Waypoint` }]

async function load(request: Request, organisationId: string | undefined) {
  const admin = await requireRole(request, ['admin'])
  const organisation = await getOrganisationVisitPolicy(admin, organisationId ?? '')
  if (!organisation) throw notFound()
  return { admin, organisation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await load(request, params.organisationId)
  return { organisation, defaults: DEFAULT_VISIT_POLICY, courtEvents: KEY_COURT_EVENTS_TEXT }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, organisation } = await load(request, params.organisationId)
  const { intent, submission } = parseIntent(await readFormData(request), { save: VisitPolicyDaysSchema, clear: z.object({}) })
  if (submission.status !== 'success') return invalid(submission)
  const clearing = intent === 'clear'
  const { changed } = await setOrganisationVisitPolicy(admin, organisation.id, clearing ? null : submission.value, clientIp(context))
  const message = clearing
    ? `${organisation.name} now follows the default visit policy.`
    : changed.length === 0
      ? `Nothing was changed in the visit policy of ${organisation.name}.`
      : `The visit policy of ${organisation.name} has been saved. Visit plans of the children it holds follow it now.`
  return redirectWithFlash(request, `/admin/organisations/${organisation.id}`, message)
}

const FIELDS = [
  { name: 'firstVisitWithinDays', label: 'First follow-up visit', hint: 'Calendar days after a reported incident or disclosure' },
  { name: 'cadenceDays', label: 'Time between visits', hint: 'Calendar days, while any of the child’s cases is open' },
  { name: 'afterCourtEventWithinDays', label: 'Visit after a key court event', hint: 'Calendar days after the event' },
  { name: 'retryWithinDays', label: 'Try again after a visit that did not happen', hint: 'Calendar days, when the child declined or was not found' },
] as const

export default function VisitPolicyPage() {
  const { organisation, defaults, courtEvents } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const current = policyFromSetting(organisation.visitPolicy)
  const [form, fields] = useGovukForm(VisitPolicyDaysSchema, {
    id: 'visit-policy',
    lastResult,
    defaultValue: {
      firstVisitWithinDays: String(current.firstVisitWithinDays),
      cadenceDays: String(current.cadenceDays),
      afterCourtEventWithinDays: String(current.afterCourtEventWithinDays),
      retryWithinDays: String(current.retryWithinDays),
    },
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/organisations/${organisation.id}`}>Back to {organisation.name}</BackLink>
        <ErrorSummary errors={fieldErrors(fields, form.errors)} />
        <PageHeading caption={organisation.name}>Follow-up visit policy</PageHeading>
        <p className="govuk-body">
          The visit plan of every child this organisation holds (as lead advocate, advocate or service) follows this policy. Key court events are{' '}
          {courtEvents}.
        </p>
        <p className="govuk-body" data-testid="policy-source">
          {organisation.visitPolicy
            ? `Set by ${organisation.visitPolicy.updatedBy.name} on ${formatDateTime(organisation.visitPolicy.updatedAt)}.`
            : `This organisation follows the defaults: first visit within ${defaults.firstVisitWithinDays} days, then every ${defaults.cadenceDays} days, within ${defaults.afterCourtEventWithinDays} days of a key court event, and another try within ${defaults.retryWithinDays} days.`}
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="save" />
          {FIELDS.map((f) => (
            <TextField
              key={f.name}
              field={fields[f.name]}
              label={f.label}
              hint={`${f.hint}, from 1 to 365 (default ${defaults[f.name]})`}
              width={3}
              inputMode="numeric"
              suffix="days"
              autoComplete="off"
              spellCheck={false}
            />
          ))}
          <SubmitOrCancel cancelTo={`/admin/organisations/${organisation.id}`}>Save visit policy</SubmitOrCancel>
        </Form>
        {organisation.visitPolicy ? (
          <Form method="post">
            <input type="hidden" name="intent" value="clear" />
            <h2 className="govuk-heading-m">Go back to the defaults</h2>
            <StatusButton variant="secondary" pendingText="Clearing…" preventDoubleClick>
              Use the default visit policy
            </StatusButton>
          </Form>
        ) : null}
      </div>
    </div>
  )
}
