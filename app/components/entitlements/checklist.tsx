// The Victims' Code checklist on the victim page: entitlements grouped by right, each with what
// started it, its due date, who owes it and its status; an open one offers a one-step "record
// that the victim was told". Then the victim's own time limits (asking for a review, and so on).
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { StatusButton } from '~/components/button'
import { Select } from '~/components/forms'
import { Table } from '~/components/table'
import { useGovukForm } from '~/components/use-govuk-form'
import { CONTACT_METHODS, CONTACT_WITH } from '~/domain/contacts/contact'
import { ToldFormSchema } from '~/domain/entitlements/told'
import type { VictimEntitlements } from '~/services/victim-entitlements.server'
import { formatDate, formatDateTime } from '~/utils/format'
import { EntitlementComplaintTag } from './complaint-list'
import { DeadlineToBeConfirmed } from './deadline-note'
import { EntitlementStatusTag } from './status-tag'

type Checklist = VictimEntitlements
type Item = Checklist['rights'][number]['entitlements'][number]

/** What the action answered for one entitlement's "told" form (its values name the entitlement). */
export type ToldFormReply = SubmissionResult<string[]>

const METHOD_OPTIONS = CONTACT_METHODS.map((m) => ({
  value: m.id,
  label: m.label,
}))
const WITH_OPTIONS = CONTACT_WITH.map((w) => ({ value: w.id, label: w.label }))

function ToldForm({ item, victimId, formKey, reply }: { item: Item; victimId: string; formKey: string; reply?: ToldFormReply }) {
  const mine = reply?.initialValue?.entitlementId === item.id ? reply : undefined
  // Field ids are told-<entitlement>-<field>: one form per open entitlement on the page.
  const [form, fields] = useGovukForm(ToldFormSchema, { id: `told-${item.id}`, lastResult: mine })
  return (
    <details className="govuk-details govuk-!-margin-bottom-2" open={mine ? true : undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record that the victim was told</span>
      </summary>
      <div className="govuk-details__text">
        <Form method="post" action={`/victims/${victimId}?index`} preventScrollReset {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="told" />
          <input type="hidden" name="entitlementId" value={item.id} />
          <input type="hidden" name="idempotencyKey" value={`${formKey}:${item.id}`} />
          <p className="govuk-body-s">
            Saves a contact now, about “{item.trigger.title}”, saying: {item.summary}.
          </p>
          {form.errors?.map((message) => (
            <p key={message} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {message}
            </p>
          ))}
          <Select field={fields.method} label="How" options={METHOD_OPTIONS} placeholder="Select how" />
          <Select field={fields.withWhom} label="Who was told" options={WITH_OPTIONS} placeholder="Select who" />
          <StatusButton className="govuk-!-margin-bottom-0" pendingText="Saving…">
            Record that they were told
          </StatusButton>
        </Form>
      </div>
    </details>
  )
}

function EntitlementItem({
  item,
  victimId,
  canRecord,
  formKey,
  reply,
}: {
  item: Item
  victimId: string
  canRecord: boolean
  formKey: string
  reply?: ToldFormReply
}) {
  const open = item.status === 'due' || item.status === 'overdue'
  return (
    <li className="app-entitlement" data-testid="entitlement" id={`entitlement-${item.id}`}>
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
        Right {item.right} — {item.summary} — due {formatDate(item.dueBy)} <EntitlementStatusTag status={item.status} dueToday={item.dueToday} />
      </h4>
      {item.toBeConfirmed ? <DeadlineToBeConfirmed /> : null}
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2 app-summary-list--compact">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Because</dt>
          <dd className="govuk-summary-list__value">
            {item.trigger.title}
            {item.trigger.defendant ? ` (${item.trigger.defendant})` : ''} on {formatDateTime(item.trigger.occurredAt)},{' '}
            <Link className="govuk-link" to={`/cases/${item.caseId}`}>
              {item.crimeReference}
            </Link>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Owed by</dt>
          <dd className="govuk-summary-list__value">
            {item.owner}
            {item.ownerOrganisation ? ` (${item.ownerOrganisation})` : ''}
          </dd>
        </div>
        {item.metAt ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Met</dt>
            <dd className="govuk-summary-list__value">{formatDateTime(item.metAt)}</dd>
          </div>
        ) : null}
      </dl>
      {open && item.metByEvent ? <p className="govuk-body-s">Met when “{item.metByEvent}” is recorded.</p> : null}
      {open && canRecord && !item.metByEvent ? <ToldForm item={item} victimId={victimId} formKey={formKey} reply={reply} /> : null}
      {canRecord ? (
        <p className="govuk-body-s">
          <Link className="govuk-link" to={`/victims/${victimId}/complaints/new?entitlement=${item.id}`}>
            Record a complaint
            <span className="govuk-visually-hidden"> about: {item.summary}</span>
          </Link>
          {item.complaints.length > 0 ? (
            <>
              {' '}
              <EntitlementComplaintTag complaints={item.complaints} />
            </>
          ) : null}
        </p>
      ) : null}
    </li>
  )
}

function countLine(items: readonly Item[]): string {
  const n = (pred: (i: Item) => boolean) => items.filter(pred).length
  const parts = [
    [n((i) => i.status === 'overdue'), 'overdue'],
    [n((i) => i.status === 'due'), 'due'],
    [n((i) => i.status === 'met'), 'met on time'],
    [n((i) => i.status === 'met_late'), 'met late'],
  ] as const
  return parts.map(([count, label]) => `${count} ${label}`).join(', ') + '.'
}

/** Entitlements already met, folded away so the open ones stand out. */
function MetEntitlements({ items, victimId, canRecord }: { items: readonly Item[]; victimId: string; canRecord: boolean }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Met ({items.length})</span>
      </summary>
      <div className="govuk-details__text">
        <Table
          caption="Entitlements already met"
          captionHidden
          className="app-table--compact"
          rows={items}
          rowKey={(item) => item.id}
          rowAttributes={(item) => ({ id: `entitlement-${item.id}`, testId: 'met-entitlement' })}
          columns={[
            {
              key: 'what',
              header: 'Entitlement',
              cell: (item) => (
                <>
                  {item.summary} <EntitlementStatusTag status={item.status} /> <EntitlementComplaintTag complaints={item.complaints} />
                  {canRecord ? (
                    <>
                      <br />
                      <Link className="govuk-link govuk-body-s" to={`/victims/${victimId}/complaints/new?entitlement=${item.id}`}>
                        Record a complaint<span className="govuk-visually-hidden"> about: {item.summary}</span>
                      </Link>
                    </>
                  ) : null}
                </>
              ),
            },
            {
              key: 'because',
              header: 'Because',
              cell: (item) => (
                <>
                  {item.trigger.title}
                  {item.trigger.defendant ? ` (${item.trigger.defendant})` : ''}, {formatDate(item.trigger.occurredAt)},{' '}
                  <Link className="govuk-link" to={`/cases/${item.caseId}`}>
                    {item.crimeReference}
                  </Link>
                </>
              ),
            },
            { key: 'due', header: 'Due', cell: (item) => formatDate(item.dueBy) },
            { key: 'met', header: 'Met', cell: (item) => (item.metAt ? formatDateTime(item.metAt) : '') },
          ]}
        />
      </div>
    </details>
  )
}

export function EntitlementsSection({
  checklist,
  victimId,
  formKey,
  reply,
}: {
  checklist: Checklist
  victimId: string
  formKey: string
  reply?: ToldFormReply
}) {
  return (
    <section aria-labelledby="entitlements" data-testid="entitlements">
      <h2 className="govuk-heading-m" id="entitlements">
        Victims’ Code entitlements
      </h2>
      {checklist.rights.length === 0 ? (
        <p className="govuk-body">Nothing is owed yet: entitlements start when events are recorded on the victim’s cases.</p>
      ) : (
        <>
          <p className="govuk-body" data-testid="entitlement-counts">
            {countLine(checklist.rights.flatMap((g) => g.entitlements))}
          </p>
          {checklist.rights.map((group) => {
            const outstanding = group.entitlements.filter((e) => e.status === 'due' || e.status === 'overdue')
            const done = group.entitlements.filter((e) => e.status === 'met' || e.status === 'met_late')
            return (
              <div key={group.right} data-testid={`right-${group.right}`}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-2 app-entitlement-right">
                  Right {group.right}: {group.title}
                </h3>
                {outstanding.length > 0 ? (
                  <ol className="govuk-list app-entitlements">
                    {outstanding.map((item) => (
                      <EntitlementItem key={item.id} item={item} victimId={victimId} canRecord={checklist.canRecordContact} formKey={formKey} reply={reply} />
                    ))}
                  </ol>
                ) : null}
                {done.length > 0 ? <MetEntitlements items={done} victimId={victimId} canRecord={checklist.canRecordContact} /> : null}
              </div>
            )
          })}
        </>
      )}
      {checklist.windows.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">The victim’s own time limits</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="windows">
            {checklist.windows.map((w) => (
              <li key={`${w.window}-${w.trigger}`}>
                {w.summary}: {w.promptBy ? `for a prompt review by ${formatDate(w.promptBy)}, ` : ''}
                closes {formatDate(w.closesOn)} (after “{w.triggerTitle}”,{' '}
                <Link className="govuk-link" to={`/cases/${w.caseId}`}>
                  {w.crimeReference}
                </Link>
                )
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
