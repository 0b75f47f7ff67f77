import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ButtonGroup, StatusButton } from '~/components/button'
import { BackLink, WarningText } from '~/components/content'
import { DateInput, ErrorSummary, fieldErrors, Radios, Select, Textarea, TextField } from '~/components/forms'
import { SharingSummaryList } from '~/components/sharing/sharing-summary'
import { SummaryList } from '~/components/summary-list'
import { ReferralStatusTag } from '~/components/support/referral-status-tag'
import { useGovukForm } from '~/components/use-govuk-form'
import { REFERRAL_ACTION_LABELS, referralChangeSchema, SESSION_KINDS, sessionFormSchema, sessionKindLabel } from '~/domain/support/forms'
import { REFERRAL_OUTCOMES } from '~/domain/support/referrals'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { changeReferral, getReferralView, logSession } from '~/services/referrals.server'
import { redirectWithFlash } from '~/services/session.server'
import { readFormData } from '~/utils/form-data.server'
import { displayName, formatDate, formatDateTime } from '~/utils/format'
import { parseIntent, reply } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Referral: ${data?.referral.serviceLabel ?? 'support'} – ${data?.victim?.reference ?? 'Victim'} – Waypoint` },
]

// Anyone who may see the victim may open the referral (the service cuts what they see); acting on it
// needs the right side (receiving or referring organisation).
const ROLES = ['advocate', 'officer', 'cps_liaison', 'manager'] as const

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  if (!params.referralId) throw notFound()
  return { ...(await getReferralView(user, params.referralId, clientIp(context))), idempotencyKey: crypto.randomUUID() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const referralId = params.referralId
  if (!referralId) throw notFound()
  const ip = clientIp(context)
  const change = referralChangeSchema
  const { intent, submission } = parseIntent(await readFormData(request), {
    session: sessionFormSchema,
    accept: change,
    activate: change,
    decline: change,
    withdraw: change,
    close: change,
  })
  if (intent === 'session') {
    if (submission.status !== 'success') return data({ session: reply(submission), change: undefined }, { status: 400 })
    const { idempotencyKey, ...input } = submission.value
    const result = await logSession(user, referralId, input, idempotencyKey, ip)
    if (!result.ok) {
      // A refusal about the referral itself (closed, say) is about the whole form.
      const issues = result.issues.map((i) => (i.path === 'referral' ? { path: '', message: i.message } : i))
      return data({ session: reply(submission, issues), change: undefined }, { status: 400 })
    }
    const message = result.duplicate ? 'Session already logged.' : result.activated ? 'Session logged: the referral is now active.' : 'Session logged.'
    return redirectWithFlash(request, `/referrals/${referralId}#sessions`, message)
  }
  if (submission.status !== 'success') return data({ change: reply(submission), session: undefined }, { status: 400 })
  const { intent: _intent, ...input } = submission.value
  const result = await changeReferral(user, referralId, intent, input, ip)
  if (!result.ok) return data({ change: reply(submission, result.issues), session: undefined }, { status: 400 })
  return redirectWithFlash(request, `/referrals/${referralId}`, `Referral ${result.status === 'active' ? 'made active' : result.status}.`)
}

export default function ReferralPage() {
  const view = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { referral, victim } = view
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {victim && view.opensVictim ? (
          <>
            <BackLink to={`/victims/${victim.id}#support`}>Back to the victim</BackLink>
            <span className="govuk-caption-l">
              {victim.reference} · {displayName(victim)}
            </span>
          </>
        ) : (
          <BackLink to="/referrals">Back to referrals</BackLink>
        )}
        <h1 className="govuk-heading-l">
          {referral.serviceLabel} <ReferralStatusTag status={referral.status} />
        </h1>
        <SummaryList
          testId="referral-summary"
          rows={[
            {
              key: 'Young person',
              value: victim ? (
                view.opensVictim ? (
                  <Link className="govuk-link" to={`/victims/${victim.id}`}>{`${displayName(victim)} (${victim.reference})`}</Link>
                ) : (
                  `${displayName(victim)} (${victim.reference})`
                )
              ) : (
                'A restricted record: only the people allocated to it can see who this is'
              ),
            },
            { key: 'Service', value: `${referral.serviceLabel}, ${referral.to}` },
            { key: 'Referred by', value: referral.from },
            { key: 'Sent', value: formatDateTime(referral.sentAt) },
            { key: 'Sharing covered by', value: referral.sharingBasis === 'consent' ? 'Consent' : 'A recorded lawful basis' },
            referral.reason !== null ? { key: 'Why referred', value: referral.reason } : null,
          ]}
        />
        {view.summary ? (
          <section aria-labelledby="summary-heading" data-testid="sharing-summary">
            <h2 className="govuk-heading-m" id="summary-heading">
              To help you decide
            </h2>
            <p className="govuk-body">
              {view.handover
                ? 'What the service needs to decide on the referral. Once it takes the young person on, it works the record with the referrer.'
                : 'What the service needs to decide on the referral. Once it accepts, it sees the record (view only) to support the young person.'}
            </p>
            <SharingSummaryList summary={view.summary} />
          </section>
        ) : null}
        <h2 className="govuk-heading-m">History</h2>
        <ol className="govuk-list" data-testid="referral-history">
          {view.history.map((h) => (
            <li key={`${h.what}-${String(h.at)}`}>
              {formatDateTime(h.at)}: {h.what}
              {h.detail ? ` — ${h.detail}` : ''}
            </li>
          ))}
        </ol>
        <ChangeForms view={view} reply={reply?.change} />
        <Sessions view={view} reply={reply?.session} />
      </div>
    </div>
  )
}

/** A session logged without a time is stored at the start of its day (UTC): show the date alone. */
const sessionWhen = (at: Date | string) => {
  const d = new Date(at)
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 ? formatDate(d) : formatDateTime(d)
}

type View = ReturnType<typeof useLoaderData<typeof loader>>
type Reply = NonNullable<ReturnType<typeof useActionData<typeof action>>>

function ChangeForms({ view, reply }: { view: View; reply: Reply['change'] }) {
  const { referral, actions } = view
  const [form, fields] = useGovukForm(referralChangeSchema, { id: 'change', lastResult: reply })
  if (actions.length === 0 && !reply) return null
  const takesOn = view.handover && actions.includes('accept')
  const simple = actions.filter((a) => a === 'activate' || (a === 'accept' && !takesOn))
  const needsReason = actions.filter((a) => a === 'decline' || a === 'withdraw')
  return (
    <section aria-labelledby="change-heading" data-testid="referral-actions">
      <h2 className="govuk-heading-m" id="change-heading">
        What happens next
      </h2>
      <ErrorSummary
        errors={fieldErrors(
          {
            intent: fields.intent,
            version: fields.version,
            leadAdvocateId: fields.leadAdvocateId,
            reason: fields.reason,
            outcome: fields.outcome,
            outcomeDetail: fields.outcomeDetail,
          },
          form.errors,
        )}
      />
      {fields.version.errors?.[0] ? <WarningText>{fields.version.errors[0]}</WarningText> : null}
      {fields.intent.errors?.[0] ? (
        <p className="govuk-error-message" id={fields.intent.id}>
          <span className="govuk-visually-hidden">Error:</span> {fields.intent.errors[0]}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="version" value={referral.version} />
        {takesOn ? (
          <>
            <p className="govuk-body">
              Accepting hands the child over to your service: it holds the record with the referrer, records contacts and visits, and allocates
              advocates.
            </p>
            <Select
              field={fields.leadAdvocateId}
              label="Lead advocate (optional)"
              labelSize="s"
              hint="You can allocate advocates later from the victim’s page."
              placeholder="Allocate later"
              options={view.advocates.map((a) => ({ value: a.id, label: a.name }))}
            />
            <ButtonGroup>
              <StatusButton name="intent" value="accept" pendingText="Saving…">
                Accept and take on
              </StatusButton>
            </ButtonGroup>
          </>
        ) : null}
        {simple.length ? (
          <ButtonGroup>
            {simple.map((a) => (
              <StatusButton key={a} name="intent" value={a} pendingText="Saving…">
                {REFERRAL_ACTION_LABELS[a]}
              </StatusButton>
            ))}
          </ButtonGroup>
        ) : null}
        {needsReason.length ? (
          <>
            <Textarea
              field={fields.reason}
              label={needsReason.includes('decline') ? 'Why are you declining the referral?' : 'Why are you withdrawing the referral?'}
              labelSize="s"
              rows={3}
            />
            <ButtonGroup>
              {needsReason.map((a) => (
                <StatusButton key={a} name="intent" value={a} variant="warning" pendingText="Saving…">
                  {REFERRAL_ACTION_LABELS[a]}
                </StatusButton>
              ))}
            </ButtonGroup>
          </>
        ) : null}
        {actions.includes('close') ? (
          <>
            <Select
              field={fields.outcome}
              label="Outcome of the support"
              labelSize="s"
              placeholder="Select an outcome"
              options={REFERRAL_OUTCOMES.map((o) => ({ value: o.id, label: o.label }))}
            />
            <Textarea field={fields.outcomeDetail} label="Outcome details (needed for “Other”)" labelSize="s" rows={3} />
            <ButtonGroup>
              <StatusButton name="intent" value="close" variant="secondary" pendingText="Saving…">
                {REFERRAL_ACTION_LABELS.close}
              </StatusButton>
            </ButtonGroup>
          </>
        ) : null}
      </Form>
    </section>
  )
}

function Sessions({ view, reply }: { view: View; reply: Reply['session'] }) {
  const [form, fields] = useGovukForm(sessionFormSchema, { id: 'session', lastResult: reply, defaultValue: { idempotencyKey: view.idempotencyKey } })
  return (
    <section aria-labelledby="sessions" data-testid="sessions">
      <h2 className="govuk-heading-m" id="sessions">
        Support sessions
      </h2>
      {view.sessions.length === 0 ? (
        <p className="govuk-body">No sessions logged yet.</p>
      ) : (
        <ol className="govuk-list app-contact-log" data-testid="session-log">
          {view.sessions.map((s) => (
            <li key={s.id} className="app-contact-log__item" data-testid="session">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {sessionWhen(s.at)}, {sessionKindLabel(s.kind).toLowerCase()}: {s.attended ? 'attended' : 'did not attend'}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">Logged by {s.recordedBy}</p>
              {s.notes ? <p className="govuk-body-s govuk-!-margin-bottom-0 app-preserve-lines">{s.notes}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {!view.seesNotes && view.sessions.length ? (
        <p className="govuk-body-s">Session notes are kept by the service providing the support and are not shown to other organisations.</p>
      ) : null}
      {view.canLogSession || reply ? (
        <>
          <h3 className="govuk-heading-s">Log a session</h3>
          <ErrorSummary errors={fieldErrors(fields, form.errors)} />
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name={fields.idempotencyKey.name} value={view.idempotencyKey} />
            <DateInput field={fields.at} legend="Date of the session" legendSize="s" hint="For example, 27 11 2026" />
            <TextField field={fields.atTime} label="Time (optional)" hint="For example, 2:30pm or 14:30" width={5} autoComplete="off" spellCheck={false} />
            <Radios field={fields.kind} legend="How did it take place?" legendSize="s" options={SESSION_KINDS.map((k) => ({ value: k.id, label: k.label }))} />
            <Radios
              field={fields.attended}
              legend="Did the young person attend?"
              legendSize="s"
              inline
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
            />
            <Textarea field={fields.notes} label="Notes (optional)" labelSize="s" hint="Seen only by your organisation." rows={4} />
            <ButtonGroup>
              <StatusButton name="intent" value="session" pendingText="Saving…">
                Log session
              </StatusButton>
            </ButtonGroup>
          </Form>
        </>
      ) : null}
    </section>
  )
}
