import { getFormProps, parse, useForm } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { randomUUID } from 'node:crypto'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, InsetText, PageHeading } from '~/components/content'
import { DateInput, ErrorSummary, fieldErrors, Radios, Textarea } from '~/components/forms'
import { DetailFields, detailSummaryErrors, TimeField } from '~/components/journey/event-fields'
import { EventTypeChooser } from '~/components/journey/event-type-chooser'
import type { DateParts } from '~/domain/calendar/date-parts'
import { eventFormValues, readEventForm } from '~/domain/journey/event-form'
import { eventType, eventTypeLabel, isEventType } from '~/domain/journey/events'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getEventForm, recordJourneyEvent } from '~/services/journal.server'
import { redirectWithFlash } from '~/services/session.server'
import { displayName, formatDateTime } from '~/utils/format'
import { readFormData } from '~/utils/form-data.server'
import { invariantResponse } from '~/utils/invariant'
import { invalid } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.type ? eventTypeLabel(data.type) : 'Record an event'} – ${data?.case.crimeReference ?? 'Case'} – Waypoint` },
]

const RECORDERS = ['officer', 'cps_liaison', 'advocate'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...RECORDERS])
  if (!params.caseId) throw notFound()
  const url = new URL(request.url)
  const requested = url.searchParams.get('type')
  const supersedesId = url.searchParams.get('supersedes') ?? undefined
  // A type that is not in the vocabulary (or none chosen) goes back to the list with a message.
  const chosen = url.searchParams.has('chosen')
  const typeError = (requested !== null && !isEventType(requested)) || (chosen && requested === null) ? 'Select what you want to record' : null
  const form = await getEventForm(user, params.caseId, { type: typeError ? undefined : (requested ?? undefined), supersedesId })
  return { ...form, typeError, idempotencyKey: randomUUID(), defaults: form.correcting ? eventFormValues(form.correcting) : null }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, [...RECORDERS])
  if (!params.caseId) throw notFound()
  const formData = await readFormData(request)
  const type = String(formData.get('type') ?? '')
  invariantResponse(isEventType(type), 'Unknown type of event')
  // Who is asking, before reading anything: 404 for a case they cannot see, 403 for a type (or an
  // entry to correct) that is not theirs.
  const supersedesId = String(formData.get('supersedesId') ?? '') || undefined
  await getEventForm(user, params.caseId, { type, supersedesId })
  // Each type has its own questions: the domain reads them (readEventForm), not one zod schema.
  const submission = parse<Record<string, unknown>, string[]>(formData, { resolve: (payload) => ({ value: payload }) })
  const read = readEventForm(type, submission.payload)
  const result = read.input
    ? await recordJourneyEvent(user, params.caseId, read.input, String(formData.get('idempotencyKey') ?? '') || randomUUID(), clientIp(context))
    : { ok: false as const, issues: read.issues }
  if (!result.ok) return invalid(submission, result.issues)
  const done = read.input?.supersedesId ? `Correction to “${eventTypeLabel(type)}” saved.` : `${eventTypeLabel(type)} recorded.`
  return redirectWithFlash(request, `/cases/${params.caseId}#journal`, done)
}

export default function RecordEvent() {
  const loaderData = useLoaderData<typeof loader>()
  if (!loaderData.type) return <EventTypeChooser caseId={loaderData.case.id} crimeReference={loaderData.case.crimeReference} types={loaderData.types} error={loaderData.typeError} />
  return <EventForm {...loaderData} type={loaderData.type} />
}

/** The form's fields as Conform names them (all strings until readEventForm reads them). */
interface EventFormShape {
  occurredAt: DateParts
  occurredAtTime: string
  receivedAt: DateParts
  defendantId: string
  victimId: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each type has its own questions
  details: Record<string, any>
  supersedesId: string
  correctionReason: string
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function EventForm({ case: c, type, defendants, victims, hearings, correcting, defaults, idempotencyKey }: LoaderData & { type: NonNullable<LoaderData['type']> }) {
  const actionData = useActionData<typeof action>()
  const def = eventType(type)
  const [form, fields] = useForm<EventFormShape>({
    id: `event-${type}`,
    lastResult: actionData,
    // With only one victim (or suspect) to choose, the answer is already known.
    defaultValue: (defaults as Partial<EventFormShape> | null) ?? {
      victimId: victims.length === 1 ? victims[0]!.id : undefined,
      defendantId: defendants.length === 1 ? defendants[0]!.id : undefined,
    },
    shouldValidate: 'onSubmit',
  })
  const defendantOptions = defendants.map((d) => ({ value: d.id, label: d.label }))
  const victimOptions = victims.map((v) => ({ value: v.id, label: `${displayName(v)} (${v.reference})` }))
  const errors = [
    ...fieldErrors({ occurredAt: fields.occurredAt, occurredAtTime: fields.occurredAtTime, receivedAt: fields.receivedAt, defendantId: fields.defendantId, victimId: fields.victimId }, form.errors),
    ...detailSummaryErrors(type, form, fields.details),
    ...fieldErrors({ correctionReason: fields.correctionReason, supersedesId: fields.supersedesId }),
  ]
  const noSuspect = def.defendant === 'required' && defendants.length === 0
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={correcting ? `/cases/${c.id}#journal` : `/cases/${c.id}/events/new`}>Back</BackLink>
        <ErrorSummary errors={errors} />
        <PageHeading caption={c.crimeReference}>{correcting ? `Correct: ${def.label}` : def.label}</PageHeading>
        {correcting ? (
          <InsetText>
            You are correcting the entry for {formatDateTime(correcting.occurredAt)}. The original stays in the journal, struck through, with your reason.
          </InsetText>
        ) : null}
        {noSuspect ? (
          <InsetText>
            No suspect is recorded on this case yet.{' '}
            <Link className="govuk-link" to={`/cases/${c.id}/defendants`}>
              Add a suspect
            </Link>{' '}
            first.
          </InsetText>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="type" value={type} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          {correcting ? <input type="hidden" name={fields.supersedesId.name} value={correcting.id} /> : null}
          {def.defendant !== 'none' && defendantOptions.length ? (
            <Radios
              field={fields.defendantId}
              legend={def.defendant === 'required' ? 'Which suspect or defendant?' : 'Which suspect or defendant? (optional)'}
              legendSize="s"
              options={def.defendant === 'required' ? defendantOptions : [...defendantOptions, { value: '', label: 'All of them' }]}
            />
          ) : null}
          {def.victim !== 'none' && victimOptions.length ? (
            <Radios
              field={fields.victimId}
              legend={def.victim === 'required' ? 'Which victim is this about?' : 'Is this about one victim? (optional)'}
              legendSize="s"
              options={def.victim === 'required' ? victimOptions : [...victimOptions, { value: '', label: 'The case as a whole' }]}
            />
          ) : null}
          <DateInput field={fields.occurredAt} legend={`Date of ${def.dateOf}`} legendSize="s" hint="For example, 27 3 2026" />
          <TimeField field={fields.occurredAtTime} />
          <DetailFields type={type} form={form} details={fields.details} hearings={hearings} />
          {def.receivedAt ? (
            <DateInput
              field={fields.receivedAt}
              legend="Date witness care received it (optional)"
              legendSize="s"
              hint="When the court or CPS told witness care. The Victims’ Code deadline to tell the victim runs from here."
            />
          ) : null}
          {correcting ? <Textarea field={fields.correctionReason} label="Why are you correcting this entry?" rows={3} /> : null}
          <ButtonGroup>
            <StatusButton pendingText="Saving…" preventDoubleClick>
              {correcting ? 'Save correction' : 'Save'}
            </StatusButton>
            <Link className="govuk-link" to={`/cases/${c.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  )
}
