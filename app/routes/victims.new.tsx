import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { randomBytes } from 'node:crypto'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, PageHeading } from '~/components/content'
import { ErrorSummary, fieldErrors, Textarea } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ExistingRecordsPanel, type TypedChild } from '~/components/victim/existing-records'
import { orderedFields, VictimFormFieldset, type VictimFormFields } from '~/components/victim/victim-form'
import { canCreateVictim } from '~/domain/access/policy'
import { dateKey } from '~/domain/victims/matching'
import { createVictimSchema } from '~/domain/victims/schema'
import { clientIp, forbidden, requireRole } from '~/services/auth.server'
import type { ExistingRecord } from '~/services/find-before-add.server'
import { redirectWithFlash } from '~/services/session.server'
import { createVictim } from '~/services/victims.server'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Add a victim – Waypoint' }]

const CREATORS = ['advocate', 'officer', 'manager'] as const

const newKey = () => randomBytes(16).toString('base64url')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, CREATORS)
  if (!canCreateVictim(user)) throw forbidden()
  // One key per rendering of the form: a second submission of the same form creates nothing.
  return { idempotencyKey: newKey() }
}

type Found = { matches: ExistingRecord[]; child: TypedChild; requestKey: string }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, CREATORS)
  if (!canCreateVictim(user)) throw forbidden()
  const submission = await parseForm(request, createVictimSchema())
  if (submission.status !== 'success') return data({ result: reply(submission), found: null as Found | null }, { status: 400 })
  const { details, idempotencyKey, partnerReference, duplicateReason, matchesShown } = submission.value
  const result = await createVictim(user, details, idempotencyKey, clientIp(context), { duplicateReason, partnerReference })
  if (!result.ok && 'matches' in result) {
    // Nothing saved: the same form again, everything typed kept, with what was found above it.
    const found: Found = {
      matches: result.matches,
      child: {
        firstName: details.firstName,
        lastName: details.lastName,
        preferredName: details.preferredName,
        dateOfBirth: dateKey(details.dateOfBirth),
        partnerReference,
      },
      requestKey: newKey(),
    }
    // Submitting again past the records found, without saying why, is a mistake to put right.
    const refused = reply(submission, matchesShown ? { field: 'duplicateReason', message: 'Enter why a second record is needed' } : undefined)
    return data({ result: refused, found }, { status: 409 })
  }
  if (!result.ok) return data({ result: reply(submission, result), found: null as Found | null }, { status: 400 })
  return redirectWithFlash(
    request,
    `/victims/${result.id}`,
    result.duplicate ? `Victim record ${result.reference} was already created` : `Victim record ${result.reference} created`,
  )
}

export default function NewVictim() {
  const { idempotencyKey } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const lastResult = answer?.result
  const found = answer?.found ?? null
  const [form, fields] = useGovukForm(createVictimSchema(), { lastResult })
  const f = fields as unknown as VictimFormFields
  // The key the form was first rendered with stays until the record is created.
  const submittedKey = lastResult?.initialValue?.idempotencyKey
  // Once records were shown, the reason stays on the form (with what was typed) until it is saved.
  const askReason = Boolean(found) || lastResult?.initialValue?.matchesShown === 'on'
  const errors = fieldErrors({ duplicateReason: fields.duplicateReason, ...orderedFields(f), partnerReference: fields.partnerReference }, form.errors)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/victims">Back to victims</BackLink>
        <ErrorSummary errors={errors} />
        <PageHeading>Add a victim</PageHeading>
        {found ? null : <p className="govuk-body">Waypoint gives the record a reference. Your organisation will hold the record.</p>}
        {found ? <ExistingRecordsPanel matches={found.matches} child={found.child} requestKey={found.requestKey} /> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="idempotencyKey" value={typeof submittedKey === 'string' ? submittedKey : idempotencyKey} />
          {askReason ? (
            <>
              <h2 className="govuk-heading-m">Create a new record anyway</h2>
              <p className="govuk-body">Only if none of the records found is this child. Your reason is kept in the audit log with the records found.</p>
              <input type="hidden" name="matchesShown" value="on" />
              <Textarea field={fields.duplicateReason} label="Why a second record is needed" rows={3} />
              <ButtonGroup>
                <StatusButton pendingText="Saving…" preventDoubleClick>
                  Save as a new record
                </StatusButton>
              </ButtonGroup>
            </>
          ) : null}
          <VictimFormFieldset fields={f} partnerReference={fields.partnerReference} />
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              Save victim
            </StatusButton>
            <Link className="govuk-link" to="/victims">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
