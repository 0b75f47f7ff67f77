import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { DateInput, ErrorSummary, fieldErrors, Radios, Textarea, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { DISCLOSURES, ENGAGEMENT, NOT_HAPPENED_REASONS, PLACE_TYPES, VISIT_STATUSES, visitFormSchema } from '~/domain/visits/visit'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getVisitForm, recordVisit } from '~/services/visits.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record a visit – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'manager'] as const
const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }))
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  // One key per rendering of the form: a double submit saves one visit.
  return { victim: await getVisitForm(user, params.victimId), idempotencyKey: crypto.randomUUID() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  await getVisitForm(user, victimId)
  const submission = await parseForm(request, visitFormSchema(new Date()))
  if (submission.status !== 'success') return invalid(submission)
  const { idempotencyKey, ...input } = submission.value
  // Intelligence for the police follows a visit that took place (app/routes/victims.$victimId_.intelligence.new.tsx).
  const intelligence = submission.payload.intelligence === 'yes' && input.status !== 'planned'
  const result = await recordVisit(user, victimId, input, idempotencyKey, clientIp(context))
  if (!result.ok) return invalid(submission, result.issues)
  if (intelligence) {
    const to = `/victims/${victimId}/intelligence/new?visit=${encodeURIComponent(result.visitId)}`
    return redirectWithFlash(request, to, 'Visit recorded. Now add the intelligence for the police.')
  }
  return redirectWithFlash(request, `/victims/${victimId}#visits`, result.duplicate ? 'Visit already recorded.' : 'Visit recorded.')
}

export default function RecordVisit() {
  const { victim, idempotencyKey } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(visitFormSchema(new Date()), { id: 'visit', lastResult, defaultValue: { idempotencyKey } })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${victim.id}#visits`}>Back to the victim</BackLink>
        <ErrorSummary
          errors={fieldErrors(
            {
              status: fields.status,
              at: fields.at,
              atTime: fields.atTime,
              placeType: fields.placeType,
              purpose: fields.purpose,
              secondVisitorName: fields.secondVisitorName,
              secondVisitorAgency: fields.secondVisitorAgency,
              notHappenedReason: fields.notHappenedReason,
              seenAlone: fields.seenAlone,
              spokenToAlone: fields.spokenToAlone,
              engagement: fields.engagement,
              wishesAndFeelings: fields.wishesAndFeelings,
              disclosure: fields.disclosure,
              disclosureNotes: fields.disclosureNotes,
              safeguardingConcerns: fields.safeguardingConcerns,
              safeguardingActions: fields.safeguardingActions,
              nextVisitOn: fields.nextVisitOn,
              idempotencyKey: fields.idempotencyKey,
            },
            form.errors,
          )}
        />
        <span className="govuk-caption-l">{victim.reference}</span>
        <h1 className="govuk-heading-l">Record a visit</h1>
        <p className="govuk-body">Record each follow-up visit: planned, made, or attempted when the young person could not be seen.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          <Radios field={fields.status} legend="What happened?" legendSize="m" options={options(VISIT_STATUSES)} />
          <DateInput field={fields.at} legend="When?" legendSize="m" hint="For example, 27 11 2026" />
          <TextField field={fields.atTime} label="Time (optional)" hint="For example, 2:30pm or 14:30" width={5} autoComplete="off" spellCheck={false} />
          <Radios field={fields.placeType} legend="Where?" legendSize="m" options={options(PLACE_TYPES)} />
          <TextField field={fields.purpose} label="Purpose of the visit" labelSize="m" hint="For example, follow-up after the ABE interview" />
          <TextField field={fields.secondVisitorName} label="Second visitor (optional)" hint="Their name, if someone went with you" />
          <TextField
            field={fields.secondVisitorAgency}
            label="Second visitor’s agency (optional)"
            hint="For example, Northmoor Police or children’s social care"
          />
          <Radios field={fields.notHappenedReason} legend="If the visit did not happen, why?" legendSize="s" options={options(NOT_HAPPENED_REASONS)} />
          <h2 className="govuk-heading-m">If the visit took place</h2>
          <Radios field={fields.seenAlone} legend="Was the young person seen alone?" legendSize="s" inline options={YES_NO} />
          <Radios field={fields.spokenToAlone} legend="Was the young person spoken to alone?" legendSize="s" inline options={YES_NO} />
          <Radios field={fields.engagement} legend="How did they engage?" legendSize="s" options={options(ENGAGEMENT)} />
          <Textarea field={fields.wishesAndFeelings} label="Their wishes and feelings (optional)" labelSize="s" rows={4} />
          <Radios field={fields.disclosure} legend="Was there a new disclosure?" legendSize="s" options={options(DISCLOSURES)} />
          <Textarea
            field={fields.disclosureNotes}
            label="What was disclosed"
            labelSize="s"
            hint="Needed for a new disclosure. A new offence or suspect must also be recorded on the case by the officer."
            rows={4}
          />
          <Radios
            field={(fields as unknown as Record<string, typeof fields.status>).intelligence!}
            legend="Do you have intelligence for the police from this visit?"
            legendSize="s"
            hint="For example, a person, place, vehicle or online account the young person mentioned. If yes, you add it next: only the police and you will see it."
            inline
            options={YES_NO}
          />
          <Textarea field={fields.safeguardingConcerns} label="Safeguarding concerns (optional)" labelSize="s" rows={3} />
          <Textarea field={fields.safeguardingActions} label="Actions taken (optional)" labelSize="s" rows={3} />
          <DateInput field={fields.nextVisitOn} legend="Next visit (optional)" legendSize="s" hint="For example, 12 12 2026" />
          <SubmitOrCancel cancelTo={`/victims/${victim.id}#visits`}>Save visit</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
