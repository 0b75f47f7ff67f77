// The contact log on the victim page: each time the victim (or their parent or nominated contact)
// was told something — when, how, by whom, what, and which journey events it was about.
import { Link } from '@remix-run/react'
import { formatDate, formatDateTime } from '~/utils/format'

type When = Date | string

export interface ContactView {
  id: string
  contactedAt: When
  method: string
  withWhom: string
  summary: string
  by: string
  about: readonly { id: string; title: string; occurredAt: When; crimeReference: string }[]
}

/** A contact saved with a date only is stored at the start of the day (UTC): show the date alone. */
export function contactWhen(at: When): string {
  const d = new Date(at)
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? formatDate(d) : formatDateTime(d)
}

export function ContactLogSection({
  contacts,
  victimId,
  canRecord,
  headingLevel = 2,
  heading = 'Contact log',
  more = false,
}: {
  contacts: readonly ContactView[]
  victimId?: string
  canRecord?: boolean
  headingLevel?: 2 | 3
  heading?: string
  /** Older contacts exist beyond those shown. */
  more?: boolean
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <section aria-labelledby="contact-log" data-testid="contact-log">
      <Heading className="govuk-heading-m" id="contact-log">
        {heading}
      </Heading>
      {victimId && canRecord ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={`/victims/${victimId}/contacts/new`}>
            Record a contact
          </Link>
        </p>
      ) : null}
      {contacts.length === 0 ? (
        <p className="govuk-body">No contacts recorded yet.</p>
      ) : (
        <ol className="govuk-list app-contact-log">
          {contacts.map((c) => (
            <li key={c.id} className="app-contact-log__item" data-testid="contact">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {c.withWhom}, {c.method.charAt(0).toLowerCase() + c.method.slice(1)}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <time dateTime={new Date(c.contactedAt).toISOString()}>{contactWhen(c.contactedAt)}</time> · by {c.by}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1 app-preserve-lines">
                {c.summary}
              </p>
              {c.about.length ? (
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  About:{' '}
                  {c.about.map((e, i) => (
                    <span key={e.id}>
                      {i > 0 ? '; ' : ''}
                      {e.title} ({formatDate(e.occurredAt)}, case {e.crimeReference})
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {more ? <p className="govuk-body-s">Showing the latest {contacts.length} contacts.</p> : null}
    </section>
  )
}
