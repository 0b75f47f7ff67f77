import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { BackLink } from '~/components/content'
import { DateInput, ErrorSummary, fieldErrors, Radios, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { FOUND_BY, REPORTED_TO_POLICE } from '~/domain/missing/episodes'
import { episodeFormSchema } from '~/domain/missing/form'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getEpisodeForm, recordMissingEpisode } from '~/services/missing.server'
import { redirectWithFlash } from '~/services/session.server'
import { invalid, parseForm } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Record a missing episode – ${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'manager'] as const
const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.victimId) throw notFound()
  // One key per rendering of the form: a double submit records one episode.
  return { victim: await getEpisodeForm(user, params.victimId), idempotencyKey: crypto.randomUUID() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  await getEpisodeForm(user, victimId)
  const now = new Date()
  const submission = await parseForm(request, episodeFormSchema(now))
  if (submission.status !== 'success') return invalid(submission)
  const { idempotencyKey, ...input } = submission.value
  const result = await recordMissingEpisode(user, victimId, input, idempotencyKey, clientIp(context), now)
  if (!result.ok) return invalid(submission, result.issues)
  return redirectWithFlash(
    request,
    `/victims/${victimId}/missing/${result.episodeId}`,
    result.duplicate ? 'Missing episode already recorded.' : 'Missing episode recorded.',
  )
}

export default function RecordMissingEpisode() {
  const { victim, idempotencyKey } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useGovukForm(episodeFormSchema(new Date()), { id: 'missing-episode', lastResult, defaultValue: { idempotencyKey } })
  const back = `/victims/${victim.id}#missing-episodes`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the victim</BackLink>
        <ErrorSummary
          errors={fieldErrors(
            {
              missingFrom: fields.missingFrom,
              missingFromTime: fields.missingFromTime,
              reportedToPolice: fields.reportedToPolice,
              policeReference: fields.policeReference,
              returnedAt: fields.returnedAt,
              returnedAtTime: fields.returnedAtTime,
              foundBy: fields.foundBy,
              foundByDetail: fields.foundByDetail,
              idempotencyKey: fields.idempotencyKey,
            },
            form.errors,
          )}
        />
        <span className="govuk-caption-l">{victim.reference}</span>
        <h1 className="govuk-heading-l">Record a missing episode</h1>
        <p className="govuk-body">
          Record each time the young person goes missing. When they return, they must be offered a return home interview within 72 hours.
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.idempotencyKey.name} value={idempotencyKey} />
          <h2 className="govuk-heading-m">When they went missing</h2>
          <DateInput field={fields.missingFrom} legend="Date they went missing" legendSize="s" hint="For example, 27 11 2026" />
          <TextField
            field={fields.missingFromTime}
            label="Time they went missing"
            hint="For example, 9:30pm or 21:30"
            width={5}
            autoComplete="off"
            spellCheck={false}
          />
          <Radios
            field={fields.reportedToPolice}
            legend="Were they reported missing to the police?"
            legendSize="s"
            inline
            options={options(REPORTED_TO_POLICE)}
          />
          <TextField field={fields.policeReference} label="Police reference (optional)" hint="If they were reported to the police" width={20} />
          <h2 className="govuk-heading-m">If they have returned</h2>
          <p className="govuk-body">Leave this part blank while they are still missing. You can record their return later.</p>
          <DateInput field={fields.returnedAt} legend="Date they returned" legendSize="s" hint="For example, 28 11 2026" />
          <TextField
            field={fields.returnedAtTime}
            label="Time they returned"
            hint="For example, 2:30pm or 14:30"
            width={5}
            autoComplete="off"
            spellCheck={false}
          />
          <Radios field={fields.foundBy} legend="How did they return, or who found them?" legendSize="s" options={options(FOUND_BY)} />
          <TextField field={fields.foundByDetail} label="Who found them (if someone else)" />
          <SubmitOrCancel cancelTo={back}>Save missing episode</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
