// Follow-up visits on the victim page: what is owed (the next visit due, overdue ones, a warning
// when a missed visit suggests the child is missing) and the log of visits, newest first.
import { Link } from '@remix-run/react'
import { WarningText } from '~/components/content'
import { EntitlementStatusTag } from '~/components/entitlements/status-tag'
import { DISCLOSURES, ENGAGEMENT, labelOf, NOT_HAPPENED_REASONS, PLACE_TYPES } from '~/domain/visits/visit'
import type { VictimVisits } from '~/services/visits.server'
import { formatDate, formatDateTime } from '~/utils/format'

const REASONS: Record<string, string> = {
  first_after_incident: 'First follow-up after the incident',
  cadence: 'Regular visit while a case is open',
  after_court_event: 'Visit after a key court event',
}

const STATUS_WORDS: Record<string, string> = { completed: 'Visit made', not_happened: 'Visit did not happen', planned: 'Planned visit' }

export function VisitsSection({ visits, victimId }: { visits: VictimVisits; victimId: string }) {
  const { schedule } = visits
  const open = schedule.requirements.filter((r) => r.status === 'due' || r.status === 'overdue')
  const missing = open.some((r) => r.missingEpisodeSuspected)
  return (
    <section aria-labelledby="visits" data-testid="visits">
      <h2 className="govuk-heading-m" id="visits">
        Follow-up visits
      </h2>
      {missing ? (
        <WarningText>
          The last attempt found the young person missing:{' '}
          {visits.canRecord ? (
            <Link className="govuk-link" to={`/victims/${victimId}/missing/new`}>
              record the missing episode
            </Link>
          ) : (
            'record the missing episode'
          )}{' '}
          and tell the police.
        </WarningText>
      ) : null}
      {open.length === 0 ? (
        <p className="govuk-body">No visit is owed at the moment.</p>
      ) : (
        <ul className="govuk-list" data-testid="visits-owed">
          {open.map((r) => (
            <li key={`${r.reason}-${r.trigger}-${r.dueBy}`}>
              {REASONS[r.reason] ?? r.reason}: due {formatDate(r.dueBy)} <EntitlementStatusTag status={r.status} />
              {r.attempts.length ? ` (${r.attempts.length} ${r.attempts.length === 1 ? 'attempt' : 'attempts'} that did not happen)` : ''}
            </li>
          ))}
        </ul>
      )}
      {visits.canRecord ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victimId}/visits/new`}>
            Record a visit
          </Link>
        </p>
      ) : null}
      {visits.visits.length === 0 ? (
        <p className="govuk-body">No visits recorded yet.</p>
      ) : (
        <ol className="govuk-list app-contact-log" data-testid="visit-log">
          {visits.visits.map((v) => (
            <li key={v.id} className="app-contact-log__item" data-testid="visit">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {STATUS_WORDS[v.status] ?? v.status}, {labelOf(PLACE_TYPES, v.placeType).toLowerCase()}, {formatDateTime(v.at)}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {v.recordedBy.name} ({v.organisation.name}){v.secondVisitorName ? ` with ${v.secondVisitorName} (${v.secondVisitorAgency})` : ''} — {v.purpose}
              </p>
              {v.notHappenedReason ? <p className="govuk-body-s govuk-!-margin-bottom-1">{labelOf(NOT_HAPPENED_REASONS, v.notHappenedReason)}</p> : null}
              {v.status === 'completed' ? (
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  Seen alone: {v.seenAlone ? 'yes' : 'no'}. Spoken to alone: {v.spokenToAlone ? 'yes' : 'no'}. {labelOf(ENGAGEMENT, v.engagement)}.{' '}
                  {labelOf(DISCLOSURES, v.disclosure)}.
                </p>
              ) : null}
              {v.wishesAndFeelings || v.disclosureNotes || v.safeguardingConcerns || v.safeguardingActions ? (
                <details className="govuk-details govuk-!-margin-bottom-1">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Notes</span>
                  </summary>
                  <div className="govuk-details__text">
                    {v.wishesAndFeelings ? <p className="govuk-body-s">Wishes and feelings: {v.wishesAndFeelings}</p> : null}
                    {v.disclosureNotes ? <p className="govuk-body-s">Disclosed: {v.disclosureNotes}</p> : null}
                    {v.safeguardingConcerns ? <p className="govuk-body-s">Safeguarding concerns: {v.safeguardingConcerns}</p> : null}
                    {v.safeguardingActions ? <p className="govuk-body-s">Actions: {v.safeguardingActions}</p> : null}
                  </div>
                </details>
              ) : null}
              {v.nextVisitOn ? <p className="govuk-body-s govuk-!-margin-bottom-0">Next visit: {formatDate(v.nextVisitOn)}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
