import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { StatusButton } from '~/components/button'
import { PageHeading } from '~/components/content'
import { ErrorSummary, Textarea } from '~/components/forms'
import { ItemStatusTag, sourceText } from '~/components/intelligence/items'
import { Pagination } from '~/components/pagination'
import { SubNavigation } from '~/components/sub-navigation'
import { Table } from '~/components/table'
import { useGovukForm } from '~/components/use-govuk-form'
import { DisclosureRecordedSchema, gradeOf, labelOf, SUBJECTS } from '~/domain/intelligence/item'
import { DISCLOSURES, labelOf as visitLabelOf } from '~/domain/visits/visit'
import { clientIp, requireRole } from '~/services/auth.server'
import { disclosuresToRecord, intelligenceQueue, markDisclosureRecorded, requireIntelligenceQueue } from '~/services/intelligence.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { invariantResponse } from '~/utils/invariant'
import { parseIntent, reply } from '~/utils/submission.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Intelligence queue – Waypoint' }]

// Officers and managers of a police organisation (others: 403, checked in the service).
const ROLES = ['officer', 'manager'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  await requireIntelligenceQueue(user)
  const params = new URL(request.url).searchParams
  const [queue, disclosures] = await Promise.all([
    intelligenceQueue(user, { status: params.get('status') ?? undefined, page: Number(params.get('page') ?? '1') }),
    disclosuresToRecord(user),
  ])
  return { queue, disclosures, organisation: user.organisationName }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  await requireIntelligenceQueue(user)
  const { submission } = parseIntent(await readFormData(request), { disclosure: DisclosureRecordedSchema })
  // Only a form altered by hand lacks the visit.
  invariantResponse(submission.status === 'success', 'Unknown action', { statusText: 'Bad Request' })
  const { visitId, note } = submission.value
  const result = await markDisclosureRecorded(user, visitId, note, clientIp(context))
  if (!result.ok) {
    // A refusal of the action itself ('action': recorded already) heads the row's form.
    const issues = result.issues.map((i) => ({ path: i.path === 'action' ? '' : i.path, message: i.message }))
    return data({ visitId, result: reply(submission, issues) }, { status: 400 })
  }
  return redirectWithFlash(request, '/intelligence#disclosures', 'Disclosure marked as recorded on the case.')
}

const disclosureFormId = (visitId: string) => `disclosure-${visitId}`

const TAB_WORDS = { new: 'New', returned: 'Returned', submitted: 'Submitted' } as const

export default function IntelligenceQueue() {
  const { queue, disclosures, organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // Only one row's form is ever answered; its field ids are Conform's (form id, then field name).
  const summary = Object.entries(actionData?.result.error ?? {}).flatMap(([name, messages]) =>
    messages?.[0] ? [{ id: name ? `${disclosureFormId(actionData!.visitId)}-${name}` : '', message: messages[0] }] : [],
  )
  return (
    <>
      <ErrorSummary errors={summary} />
      <PageHeading caption={organisation}>Intelligence queue</PageHeading>
      <p className="govuk-body">
        Intelligence from follow-up visits and return home interviews. Put each item on the force intelligence system and record its reference here, or return
        it to the author with a question.
      </p>
      <SubNavigation
        label="Intelligence by status"
        items={(['new', 'returned', 'submitted'] as const).map((s) => ({
          href: s === 'new' ? '/intelligence' : `/intelligence?status=${s}`,
          text: `${TAB_WORDS[s]} (${queue.counts[s]})`,
          current: queue.status === s,
        }))}
      />
      <Table
        caption={`${TAB_WORDS[queue.status]} items (${queue.total}), newest first`}
        captionSize="s"
        testId="intelligence-queue"
        rows={queue.rows}
        rowKey={(r) => r.id}
        empty={queue.status === 'new' ? 'No new intelligence is waiting.' : `No ${TAB_WORDS[queue.status].toLowerCase()} items.`}
        columns={[
          {
            key: 'about',
            header: 'About',
            cell: (r) => (
              <Link className="govuk-link" to={`/intelligence/${r.id}`}>
                {labelOf(SUBJECTS, r.subject)}
                <span className="govuk-visually-hidden">
                  {' '}
                  for {r.victim.reference}, recorded {formatDateTime(r.createdAt)}
                </span>
              </Link>
            ),
          },
          { key: 'victim', header: 'Victim', cell: (r) => r.victim.reference },
          { key: 'detail', header: 'Intelligence', cell: (r) => (r.detail.length > 90 ? `${r.detail.slice(0, 88)}…` : r.detail) },
          { key: 'from', header: 'From', cell: (r) => `${sourceText(r)}, ${r.author.organisation.name}` },
          { key: 'grade', header: 'Grade', cell: (r) => gradeOf(r) },
          { key: 'recorded', header: 'Recorded', cell: (r) => formatDateTime(r.createdAt) },
          {
            key: 'status',
            header: 'Status',
            cell: (r) => (
              <>
                <ItemStatusTag status={r.status} />
                {r.policeReference ? <span className="govuk-body-s govuk-!-display-block">{r.policeReference}</span> : null}
              </>
            ),
          },
        ]}
      />
      <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} label="Intelligence pages" />

      <section aria-labelledby="disclosures" data-testid="disclosures">
        <h2 className="govuk-heading-m" id="disclosures">
          New disclosures to record on the case ({disclosures.total})
        </h2>
        {disclosures.visits.length === 0 ? (
          <p className="govuk-body">No new disclosure of an offence or suspect is waiting.</p>
        ) : (
          <ul className="govuk-list app-contact-log">
            {disclosures.visits.map((v) => {
              return (
                <li key={v.id} className="app-contact-log__item" data-testid="disclosure">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    {v.victim.reference}: {visitLabelOf(DISCLOSURES, v.disclosure)}
                  </h3>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    Visit on {formatDateTime(v.at)} by {v.recordedBy.name} ({v.organisation.name})
                  </p>
                  {v.disclosureNotes ? (
                    <p className="govuk-body-s govuk-!-margin-bottom-1 app-preserve-lines">
                      What was disclosed: {v.disclosureNotes}
                    </p>
                  ) : null}
                  <p className="govuk-body-s govuk-!-margin-bottom-2">
                    Record it on{' '}
                    {v.victim.cases.map((c, i) => (
                      <span key={c.case.id}>
                        {i > 0 ? ', ' : ''}
                        <Link className="govuk-link" to={`/cases/${c.case.id}`}>
                          {c.case.crimeReference}
                        </Link>
                      </span>
                    ))}
                  </p>
                  <DisclosureForm visitId={v.id} reference={v.victim.reference} lastResult={actionData?.visitId === v.id ? actionData.result : undefined} />
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </>
  )
}

function DisclosureForm({ visitId, reference, lastResult }: { visitId: string; reference: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useGovukForm(DisclosureRecordedSchema, { id: disclosureFormId(visitId), lastResult })
  return (
    <>
      {form.errors?.[0] ? <p className="govuk-error-message">{form.errors[0]}</p> : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="disclosure" />
        <input type="hidden" name="visitId" value={visitId} />
        <Textarea
          field={fields.note}
          label={`Note for ${reference}`}
          labelSize="s"
          hint="What you recorded on the case (for example, the new offence or suspect), or why not"
          rows={2}
        />
        <StatusButton variant="secondary" pendingText="Saving…" preventDoubleClick>
          Recorded on the case
        </StatusButton>
      </Form>
    </>
  )
}
