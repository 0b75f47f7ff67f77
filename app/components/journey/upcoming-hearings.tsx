// Hearings listed and not yet held, soonest first: on the victim page (across their cases) and on
// a case page.
import { Table } from '~/components/table'
import { formatDateTime } from '~/utils/format'

type When = Date | string

export interface HearingView {
  eventId: string
  label: string
  court: string
  hearingAt: When
  /** Shown in a Case column (the victim's page spans cases; a case page leaves it out). */
  crimeReference?: string
  defendant: string | null
}

export function UpcomingHearingsSection({ hearings, headingLevel = 2 }: { hearings: readonly HearingView[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const
  return (
    <section aria-labelledby="upcoming-hearings" data-testid="upcoming-hearings">
      <Heading className="govuk-heading-m" id="upcoming-hearings">
        Upcoming hearings
      </Heading>
      {hearings.length === 0 ? (
        <p className="govuk-body">No hearings are listed.</p>
      ) : (
        <Table
          caption="Upcoming hearings"
          captionHidden
          rowKey={(h) => h.eventId}
          rows={hearings}
          columns={[
            { key: 'date', header: 'Date', cell: (h) => formatDateTime(h.hearingAt) },
            { key: 'hearing', header: 'Hearing', cell: (h) => h.label },
            { key: 'court', header: 'Court', cell: (h) => h.court },
            hearings.some((h) => h.crimeReference)
              ? { key: 'case', header: 'Case', cell: (h: HearingView) => `${h.crimeReference ?? ''}${h.defendant ? ` (${h.defendant})` : ''}` }
              : { key: 'defendant', header: 'Defendant', cell: (h: HearingView) => h.defendant ?? 'All' },
          ]}
        />
      )}
    </section>
  )
}
