import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ConflictSummary, orderedFields, VictimFormFieldset, type VictimFormFields } from '~/components/victim/victim-form'
import type { Conflict } from '~/domain/victims/changes'
import { editVictimSchema, toDateParts } from '~/domain/victims/schema'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { redirectWithFlash } from '~/services/session.server'
import { getVictimForEdit, requireVictimEditor, updateVictim } from '~/services/victims.server'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change details of ${data?.reference ?? 'victim'} – Waypoint` }]

const EDITORS = ['advocate', 'officer', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  if (!params.victimId) throw notFound()
  const victim = await getVictimForEdit(user, params.victimId, clientIp(context))
  const d = victim.details
  return {
    id: victim.id,
    reference: victim.reference,
    version: victim.version,
    defaultValue: {
      ...d,
      dateOfBirth: toDateParts(d.dateOfBirth),
      interpreterNeeded: d.interpreterNeeded ? 'on' : undefined,
      intermediaryNeeded: d.intermediaryNeeded ? 'on' : undefined,
      noVoicemail: d.noVoicemail ? 'on' : undefined,
      restricted: d.restricted ? 'on' : undefined,
      version: String(victim.version),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITORS)
  if (!params.victimId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireVictimEditor(user, params.victimId)
  const submission = await parseForm(request, editVictimSchema())
  if (submission.status !== 'success') return data({ result: reply(submission), conflict: null }, { status: 400 })
  const { details, version } = submission.value
  const result = await updateVictim(user, params.victimId, details, version, clientIp(context))
  if (!result.ok && 'conflict' in result) {
    return data(
      { result: reply(submission), conflict: { changes: result.conflict as Conflict[], currentVersion: result.currentVersion } },
      { status: 409 },
    )
  }
  if (!result.ok) return data({ result: reply(submission, result), conflict: null }, { status: 400 })
  return redirectWithFlash(request, `/victims/${params.victimId}`, result.changed.length ? 'Victim details saved' : 'No changes to save')
}

export default function EditVictim() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useGovukForm(editVictimSchema(), { id: `victim-${loaded.id}`, lastResult: actionData?.result, defaultValue: loaded.defaultValue })
  const f = fields as unknown as VictimFormFields
  // The version this form is editing: after a conflict, the one now saved (so saving again keeps
  // this user's values on purpose); after other errors, still the one the form was opened at.
  const submitted = actionData?.result.initialValue?.version
  const version = actionData?.conflict?.currentVersion ?? (typeof submitted === 'string' ? submitted : loaded.version)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/victims/${loaded.id}`}>Back to victim</BackLink>
        {actionData?.conflict ? (
          <ConflictSummary conflicts={actionData.conflict.changes} fieldId={(name) => (f as Record<string, { id: string }>)[name]?.id} />
        ) : (
          <ErrorSummary errors={fieldErrors(orderedFields(f), form.errors)} />
        )}
        <PageHeading caption={loaded.reference}>Change victim details</PageHeading>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="version" value={String(version)} key={String(version)} />
          <VictimFormFieldset fields={f} />
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              Save changes
            </StatusButton>
            <Link className="govuk-link" to={`/victims/${loaded.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
