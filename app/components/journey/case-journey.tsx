import { Link } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { Tag } from '~/components/tag'
import { eventTypeLabel } from '~/domain/journey/events'
import { isExitStage, type StageId } from '~/domain/journey/stages'
import { formatDate } from '~/utils/format'
import { Timeline } from './timeline'

// The case page's journey: each defendant's own path,
// the hearings coming up, and the journal as a timeline.

type Dateish = Date | string

export interface DefendantPath {
  defendantId: string
  stage: StageId
  stageLabel: string
  nextStep: string
}

export function DefendantPathsSection({
  caseId,
  defendants,
  paths,
  canUpdate,
}: {
  caseId: string
  defendants: readonly { id: string; label: string }[]
  paths: readonly DefendantPath[]
  canUpdate: boolean
}) {
  const pathOf = new Map(paths.map((p) => [p.defendantId, p]))
  return (
    <section aria-labelledby="defendants-heading" data-testid="case-defendants">
      <h2 className="govuk-heading-m" id="defendants-heading">
        Suspects and defendants
      </h2>
      {defendants.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Where each suspect or defendant is</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Suspect or defendant</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">What happens next</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {defendants.map((d) => {
              const path = pathOf.get(d.id)
              return (
                <tr key={d.id} className="govuk-table__row" data-testid={`defendant-${d.label}`}>
                  <th scope="row" className="govuk-table__header">{d.label}</th>
                  <td className="govuk-table__cell">
                    {path ? <Tag colour={isExitStage(path.stage) ? 'grey' : 'blue'}>{path.stageLabel}</Tag> : null}
                  </td>
                  <td className="govuk-table__cell">{path?.nextStep || 'Nothing further: this path has ended'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">No suspect is recorded yet.</p>
      )}
      {canUpdate ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/defendants`}>
            Add a suspect
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export interface JournalEntryView {
  id: string
  type: string
  occurredAt: Dateish
  recordedAt: Dateish
  superseded: boolean
  /** Why it was corrected (on a corrected entry), or the reason a correction gave. */
  shownReason: string | null
  canCorrect: boolean
  recordedBy: { name: string }
  /** A short plain description of the details (app/domain/journey/describe.ts). */
  description: string
}

export function CaseJournalSection({ caseId, events, canRecord }: { caseId: string; events: readonly JournalEntryView[]; canRecord: boolean }) {
  // Newest first: people open a case to see what happened last.
  const items = [...events].reverse().map((e) => ({
    id: e.id,
    title: eventTypeLabel(e.type),
    occurredAt: e.occurredAt,
    byline: `${e.recordedBy.name}, ${formatDate(e.recordedAt)}`,
    superseded: e.superseded,
    correctionReason: e.shownReason,
    description: (
      <>
        <p className="govuk-body govuk-!-margin-bottom-1">{e.description}</p>
        {e.canCorrect ? (
          <p className="govuk-body-s">
            <Link className="govuk-link" to={`/cases/${caseId}/events/new?supersedes=${e.id}`}>
              Correct this entry<span className="govuk-visually-hidden"> ({eventTypeLabel(e.type)})</span>
            </Link>
          </p>
        ) : null}
      </>
    ),
  }))
  return (
    <section aria-labelledby="journal-heading" id="journal" data-testid="case-journal">
      <h2 className="govuk-heading-m" id="journal-heading">
        Journey
      </h2>
      {canRecord ? <ButtonLink to={`/cases/${caseId}/events/new`}>Record an event</ButtonLink> : null}
      <Timeline items={items} testId="case-timeline" />
    </section>
  )
}
