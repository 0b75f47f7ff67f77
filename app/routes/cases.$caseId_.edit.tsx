import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitOrCancel } from '~/components/button'
import { ConflictNotice } from '~/components/case/conflict-notice'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Select, Textarea, TextField } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { EditCaseSchema } from '~/domain/cases/schemas'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseForEdit, requireCaseEditor, updateCase } from '~/services/cases.server'
import { redirectWithFlash } from '~/services/session.server'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change case ${data?.case.crimeReference ?? ''} – Waypoint` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['officer', 'cps_liaison'])
  if (!params.caseId) throw notFound()
  return getCaseForEdit(user, params.caseId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ['officer', 'cps_liaison'])
  if (!params.caseId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireCaseEditor(user, params.caseId)
  const submission = await parseForm(request, EditCaseSchema)
  if (submission.status !== 'success') return data({ result: reply(submission), conflict: null }, { status: 400 })
  const outcome = await updateCase(user, params.caseId, submission.value, clientIp(context))
  if (outcome.ok) return redirectWithFlash(request, `/cases/${params.caseId}`, 'Case details saved.')
  if (outcome.conflict) {
    // Keep everything the user typed; only the version moves on, so saving again overwrites on purpose.
    return data(
      {
        result: reply(submission, { field: '', message: 'Someone else changed this case while you were editing. Check their changes below, then save again.' }),
        conflict: { saved: outcome.saved, changed: outcome.changed },
      },
      { status: 409 },
    )
  }
  return data({ result: reply(submission, { field: outcome.field ?? 'cpsUrn', message: outcome.message }), conflict: null }, { status: 400 })
}

export default function EditCase() {
  const { case: c, cpsAreas, witnessCareUnits } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  const [form, fields] = useGovukForm(EditCaseSchema, {
    lastResult: actionData?.result,
    defaultValue: {
      version: String(c.version),
      cpsUrn: c.cpsUrn ?? '',
      cpsOrganisationId: c.cpsOrganisationId ?? '',
      witnessCareOrganisationId: c.witnessCareOrganisationId ?? '',
      summary: c.summary ?? '',
    },
  })
  const version = conflict ? conflict.saved.version : c.version
  const orgName = (id: string | null) => [...cpsAreas, ...witnessCareUnits].find((o) => o.id === id)?.name ?? null
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
        <ErrorSummary
          errors={fieldErrors(
            { cpsUrn: fields.cpsUrn, cpsOrganisationId: fields.cpsOrganisationId, witnessCareOrganisationId: fields.witnessCareOrganisationId, summary: fields.summary },
            form.errors,
          )}
        />
        <PageHeading caption={c.crimeReference}>Change case details</PageHeading>
        {conflict ? <ConflictNotice changed={conflict.changed} saved={conflict.saved} orgName={orgName} /> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name={fields.version.name} value={String(version)} />
          <TextField field={fields.cpsUrn} label="CPS URN (optional)" hint="2 numbers, 2 letters and 7 numbers, like 42NM0958326" width={20} spellCheck={false} autoComplete="off" />
          <Select field={fields.cpsOrganisationId} label="CPS area (optional)" options={cpsAreas.map((o) => ({ value: o.id, label: o.name }))} placeholder="Not known yet" />
          <Select
            field={fields.witnessCareOrganisationId}
            label="Witness care unit (optional)"
            options={witnessCareUnits.map((o) => ({ value: o.id, label: o.name }))}
            placeholder="Not known yet"
          />
          <Textarea field={fields.summary} label="Summary (optional)" hint="A short description of the case for colleagues. Do not include names." />
          <SubmitOrCancel cancelTo={`/cases/${c.id}`}>Save changes</SubmitOrCancel>
        </Form>
      </div>
    </div>
  )
}
