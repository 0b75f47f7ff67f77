// The victim page's journey sections: where each case stands and what is
// expected next, upcoming hearings, and the timeline across the victim's cases. Each takes only
// what it shows; the data comes from app/services/victim-journey.server.ts.
import { Link } from '@remix-run/react'
import { Timeline } from '~/components/journey/timeline'
import { SummaryCard, SummaryList } from '~/components/summary-list'
import { formatDate } from '~/utils/format'

type When = Date | string

export interface CaseJourneyView {
  caseId: string
  crimeReference: string
  stageLabel: string
  nextSteps: readonly string[]
  defendants: readonly { label: string; stageLabel: string; nextStep: string }[]
}

/** Stage and next step per case and per suspect or defendant. */
export function NextStepsSection({ journeys, headingLevel = 2, links = true }: { journeys: readonly CaseJourneyView[]; headingLevel?: 2 | 3; links?: boolean }) {
  const Heading = `h${headingLevel}` as const
  return (
    <section aria-labelledby="next-steps" data-testid="next-steps">
      <Heading className="govuk-heading-m" id="next-steps">
        Where each case stands and what happens next
      </Heading>
      {journeys.length === 0 ? <p className="govuk-body">Not linked to a case yet.</p> : null}
      {journeys.map((j) => (
        <SummaryCard
          key={j.caseId}
          headingLevel={headingLevel === 2 ? 3 : 4}
          title={
            links ? (
              <Link className="govuk-link" to={`/cases/${j.caseId}`}>
                Case {j.crimeReference}
              </Link>
            ) : (
              `Case ${j.crimeReference}`
            )
          }
        >
          <SummaryList
            rows={[
              { key: 'Stage', value: j.stageLabel },
              {
                key: 'Next step expected',
                value: j.nextSteps.length === 0 ? 'Nothing further is expected on this case.' : j.nextSteps.length === 1 ? j.nextSteps[0] : (
                  <ul className="govuk-list govuk-list--bullet">
                    {j.nextSteps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                ),
              },
              ...j.defendants.map((d) => ({
                key: d.label,
                value: (
                  <>
                    {d.stageLabel}
                    {d.nextStep ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Next: {d.nextStep}</span> : null}
                  </>
                ),
              })),
            ]}
          />
        </SummaryCard>
      ))}
    </section>
  )
}

export interface TimelineEventView {
  id: string
  title: string
  description: string
  occurredAt: When
  recordedBy: string
  crimeReference: string
  superseded: boolean
  correctionReason: string | null
}

/**
 * The journey across the victim's cases, newest first (MOJ timeline). Corrected entries stay,
 * struck through, with the reason for the correction on the entry that replaced them.
 */
export function JourneyTimelineSection({
  events,
  victimId,
  canRecordContact,
  headingLevel = 2,
  showCorrected = true,
}: {
  events: readonly TimelineEventView[]
  victimId?: string
  canRecordContact?: boolean
  headingLevel?: 2 | 3
  showCorrected?: boolean
}) {
  const Heading = `h${headingLevel}` as const
  const shown = [...events].filter((e) => showCorrected || !e.superseded).reverse()
  return (
    <section aria-labelledby="journey-timeline">
      <Heading className="govuk-heading-m" id="journey-timeline">
        Journey so far
      </Heading>
      {!showCorrected && shown.length < events.length ? <p className="govuk-body-s">Corrected entries are left out.</p> : null}
      <Timeline
        testId="journey-timeline-items"
        items={shown.map((e) => ({
          id: e.id,
          title: e.title,
          occurredAt: e.occurredAt,
          byline: e.recordedBy,
          superseded: e.superseded,
          correctionReason: e.correctionReason,
          description: (
            <>
              <p className="govuk-body govuk-!-margin-bottom-1">{e.description}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                Case {e.crimeReference}
                {victimId && canRecordContact && !e.superseded ? (
                  <>
                    {' · '}
                    <Link className="govuk-link govuk-link--no-visited-state app-no-print" to={`/victims/${victimId}/contacts/new?event=${encodeURIComponent(e.id)}`}>
                      Record telling them about this<span className="govuk-visually-hidden">: {e.title}, {formatDate(e.occurredAt)}</span>
                    </Link>
                  </>
                ) : null}
              </p>
            </>
          ),
        }))}
      />
    </section>
  )
}
