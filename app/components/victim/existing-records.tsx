// "A record for this child may already exist": what find before you add found, shown above a form
// that would create a victim record. A record the user may see links to it; one they may not see
// names only the organisations holding it, each with a form asking that organisation for access
// (the request carries what the user typed, so the match can be checked again when it arrives).
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ExistingRecord } from '~/services/find-before-add.server'

/** The identity as typed, sent with each access request. */
export interface TypedChild {
  firstName: string
  lastName: string
  preferredName: string | null
  /** yyyy-mm-dd */
  dateOfBirth: string | null
  partnerReference: string | null
}

/** "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function ExistingRecordsPanel({
  matches,
  child,
  requestKey,
  openHint = 'Open this record instead',
  intro = 'Nothing has been saved. One record for each child lets everyone working with them see the same information.',
}: {
  matches: readonly ExistingRecord[]
  child: TypedChild
  /** A fresh random token; each access request form gets its own key made from it. */
  requestKey: string
  /** Said under a record the user may open. */
  openHint?: ReactNode
  /** Said under the heading. */
  intro?: string
}) {
  return (
    <div className="govuk-inset-text" data-testid="existing-records">
      <h2 className="govuk-heading-m" id="existing-records-heading">
        A record for this child may already exist
      </h2>
      <p className="govuk-body">{intro}</p>
      <ul className="govuk-list">
        {matches.map((m, i) =>
          m.visible ? (
            <li key={m.victimId} className="govuk-!-margin-bottom-6">
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/victims/${m.victimId}`}>
                {`${m.reference} – ${m.name}`}
              </Link>
              <p className="govuk-hint govuk-!-margin-top-1">{openHint}</p>
            </li>
          ) : (
            <li key={m.victimId} className="govuk-!-margin-bottom-6">
              <p className="govuk-body">
                {m.holders.length
                  ? `A record for this child may already exist, held by ${listOfNames(m.holders.map((h) => h.name))}.`
                  : 'A record for this child may already exist.'}
              </p>
              {m.holders.map((h, j) => (
                <AccessRequestForm key={h.organisationId} victimId={m.victimId} holder={h} child={child} idempotencyKey={`${requestKey}-${i}-${j}`} />
              ))}
            </li>
          ),
        )}
      </ul>
    </div>
  )
}

function AccessRequestForm({
  victimId,
  holder,
  child,
  idempotencyKey,
}: {
  victimId: string
  holder: { organisationId: string; name: string }
  child: TypedChild
  idempotencyKey: string
}) {
  const id = `access-${idempotencyKey}`
  return (
    <Form method="post" action="/requests/access" className="govuk-!-margin-bottom-4" data-testid="access-request">
      <input type="hidden" name="victimId" value={victimId} />
      <input type="hidden" name="toOrganisationId" value={holder.organisationId} />
      <input type="hidden" name="firstName" value={child.firstName} />
      <input type="hidden" name="lastName" value={child.lastName} />
      <input type="hidden" name="preferredName" value={child.preferredName ?? ''} />
      <input type="hidden" name="dateOfBirth" value={child.dateOfBirth ?? ''} />
      <input type="hidden" name="partnerReference" value={child.partnerReference ?? ''} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${id}-reason`}>
          Why you need access
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          What your work with this child needs from their record
        </div>
        <textarea className="govuk-textarea" id={`${id}-reason`} name="reason" rows={3} required aria-describedby={`${id}-hint`} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {`Request access from ${holder.name}`}
      </button>
    </Form>
  )
}
