import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { randomBytes } from 'node:crypto'
import { ButtonGroup, StatusButton } from '~/components/button'
import { OffenceFields } from '~/components/case/offence-fields'
import { BackLink, PageHeading } from '~/components/content'
import { Checkboxes, DateInput, ErrorSummary, fieldErrors, Textarea, TextField, type SummaryError } from '~/components/forms'
import { useGovukForm } from '~/components/use-govuk-form'
import { ExistingRecordsPanel, type TypedChild } from '~/components/victim/existing-records'
import { canCreateCase } from '~/domain/access/policy'
import { NewCaseSchema } from '~/domain/cases/schemas'
import { dateKey } from '~/domain/victims/matching'
import { clientIp, forbidden, requireRole } from '~/services/auth.server'
import { createCase, linkableVictims } from '~/services/cases.server'
import type { ExistingRecord } from '~/services/find-before-add.server'
import { redirectWithFlash } from '~/services/session.server'
import { getSharedChildForNewCase } from '~/services/share-requests.server'
import { displayName } from '~/utils/format'
import { parseForm, reply } from '~/utils/submission.server'

export const meta: MetaFunction = () => [{ title: 'Open a case – Waypoint' }]

async function requireCreator(request: Request) {
  const user = await requireRole(request, ['officer', 'manager'])
  // The user's organisation is the force the case belongs to, so it must be one: not a service's or CPS area's manager.
  if (user.organisationKind !== 'police' || !canCreateCase(user, user.organisationId)) throw forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCreator(request)
  const shareId = new URL(request.url).searchParams.get('share')
  const [victims, shared] = await Promise.all([linkableVictims(user), shareId ? getSharedChildForNewCase(user, shareId) : null])
  return {
    force: user.organisationName,
    shared: shared && !shared.linkedCaseId ? { requestId: shared.requestId, label: shared.label, from: shared.from } : null,
    victims: victims.map((v) => ({ value: v.id, label: `${v.reference} – ${displayName(v)}${v.status === 'closed' ? ' (closed)' : ''}` })),
  }
}

type Found = { matches: ExistingRecord[]; child: TypedChild; requestKey: string }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireCreator(request)
  const submission = await parseForm(request, NewCaseSchema)
  // Adding or removing an offence row (Conform intents) comes back here too, with no status.
  if (submission.status !== 'success') return data({ result: reply(submission), found: null as Found | null }, { status: submission.status === 'error' ? 400 : 200 })
  const { matchesShown, ...input } = submission.value
  const result = await createCase(user, input, clientIp(context))
  if (!result.ok && 'matches' in result) {
    // Nothing saved: the form again as typed, with the records that may be the new victim above it.
    const v = input.newVictim!
    const found: Found = {
      matches: result.matches,
      child: { firstName: v.firstName, lastName: v.lastName, preferredName: v.preferredName, dateOfBirth: dateKey(v.dateOfBirth), partnerReference: null },
      requestKey: randomBytes(16).toString('base64url'),
    }
    const asked = reply(submission, matchesShown ? { field: 'duplicateReason', message: 'Enter why a second record is needed' } : undefined)
    return data({ result: asked, found }, { status: 409 })
  }
  if (!result.ok) {
    if (result.status === 403) throw forbidden()
    return data({ result: reply(submission, { field: result.field ?? '', message: result.message }), found: null as Found | null }, { status: 400 })
  }
  const message = result.repeated ? 'This case was already opened; you are looking at it.' : `Case ${submission.value.crimeReference} opened. You are the officer in charge.`
  return redirectWithFlash(request, `/cases/${result.id}`, message)
}

export default function NewCase() {
  const { force, victims: linkable, shared } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const lastResult = answer?.result
  const found = answer?.found ?? null
  // A record found that the user may see can be selected instead, even beyond the first page of the list.
  const victims = [
    ...linkable,
    ...(found?.matches ?? []).flatMap((m) => (m.visible && !linkable.some((o) => o.value === m.victimId) ? [{ value: m.victimId, label: `${m.reference} – ${m.name}` }] : [])),
  ]
  const [form, fields] = useGovukForm(NewCaseSchema, { lastResult, defaultValue: { offences: [{}], suspectCount: '1' } })
  const offences = fields.offences.getFieldList()
  const newVictim = fields.newVictim.getFieldset()
  const askReason = Boolean(found) || lastResult?.initialValue?.matchesShown === 'on'
  const offenceErrors: SummaryError[] = []
  offences.forEach((o, i) => {
    const f = o.getFieldset()
    offenceErrors.push(...fieldErrors({ [`d${i}`]: f.description, [`c${i}`]: f.category, [`f${i}`]: f.from, [`t${i}`]: f.to }))
  })
  const errors = [
    ...fieldErrors({ crimeReference: fields.crimeReference }, form.errors),
    ...fieldErrors({ offences: fields.offences.errors?.length ? fields.offences : undefined }).slice(0, 1),
    ...offenceErrors,
    ...fieldErrors({
      victimIds: fields.victimIds,
      newFirstName: newVictim.firstName,
      newLastName: newVictim.lastName,
      newPreferredName: newVictim.preferredName,
      newDateOfBirth: newVictim.dateOfBirth,
      duplicateReason: fields.duplicateReason,
      suspectCount: fields.suspectCount,
    }),
  ]
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/cases">Back to cases</BackLink>
        <ErrorSummary errors={errors} />
        <PageHeading caption={force}>Open a case</PageHeading>
        {found ? (
          <ExistingRecordsPanel
            matches={found.matches}
            child={found.child}
            requestKey={found.requestKey}
            openHint="Select this record under Victims instead of adding the child again"
          />
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField
            field={fields.crimeReference}
            label="Crime reference"
            hint="Letters and numbers separated by slashes, like NM/26/004517"
            width={20}
            spellCheck={false}
            autoComplete="off"
          />
          <h2 className="govuk-heading-m">Offences</h2>
          {fields.offences.errors?.[0] ? (
            <p id={fields.offences.id} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fields.offences.errors[0]}
            </p>
          ) : null}
          {offences.map((offence, index) => (
            <OffenceFields
              key={offence.key ?? `offence-${index}`}
              field={offence}
              number={index + 1}
              removeButton={
                offences.length > 1 ? (
                  <button className="govuk-button govuk-button--secondary" data-module="govuk-button" {...form.remove.getButtonProps({ name: fields.offences.name, index })}>
                    Remove offence {index + 1}
                  </button>
                ) : null
              }
            />
          ))}
          <button className="govuk-button govuk-button--secondary" data-module="govuk-button" {...form.insert.getButtonProps({ name: fields.offences.name, defaultValue: {} })}>
            Add another offence
          </button>
          {shared ? (
            <div className="govuk-inset-text" data-testid="shared-child">
              <input type="hidden" name="shareRequestId" value={shared.requestId} />
              This case will be about <strong>{shared.label}</strong>, shared with your force by {shared.from}. Select any other victims below.
            </div>
          ) : null}
          {victims.length ? (
            <Checkboxes
              field={fields.victimIds}
              legend="Victims"
              legendSize="m"
              hint="Select each child this case is about. You can link more later."
              options={victims}
              small
            />
          ) : (
            <p className="govuk-body" id={fields.victimIds.id}>
              There are no victims you can link yet. <Link className="govuk-link" to="/victims">Find them under Victims</Link>, or add them below.
            </p>
          )}
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="newVictim-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Add a victim who is not on Waypoint yet</legend>
            <div className="govuk-hint" id="newVictim-hint">
              Only if you cannot find them under Victims. Waypoint first checks whether another organisation already has a record for this child.
              Add their other details on their page afterwards.
            </div>
            <TextField field={newVictim.firstName} label="First name" autoComplete="off" spellCheck={false} width={20} />
            <TextField field={newVictim.lastName} label="Last name" autoComplete="off" spellCheck={false} width={20} />
            <TextField field={newVictim.preferredName} label="Preferred name (optional)" hint="The name they like to be called" autoComplete="off" spellCheck={false} width={20} />
            <DateInput field={newVictim.dateOfBirth} legend="Date of birth" legendSize="s" hint="For example, 27 3 2012" />
            {askReason ? (
              <>
                <input type="hidden" name="matchesShown" value="on" />
                <Textarea
                  field={fields.duplicateReason}
                  label="Why a second record is needed"
                  hint="Only if none of the records found is this child. Your reason is kept in the audit log with the records found."
                  rows={3}
                />
              </>
            ) : null}
          </fieldset>
          <TextField
            field={fields.suspectCount}
            label="How many suspects are there?"
            labelSize="m"
            hint="Each suspect gets a label (Suspect A, Suspect B…); no names are recorded. Enter 0 if none is known yet."
            width={2}
            inputMode="numeric"
            autoComplete="off"
          />
          <p className="govuk-body">You will be the officer in charge of this case.</p>
          <ButtonGroup>
            <StatusButton pendingText="Opening case…" preventDoubleClick>
              Open case
            </StatusButton>
            <Link className="govuk-link" to="/cases">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
