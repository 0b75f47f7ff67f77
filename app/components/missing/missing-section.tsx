// Missing episodes on the victim page: each episode, newest first, with where its
// return home interview stands on the 72-hour clock. Shown only to those who may see visits.
import { Link } from '@remix-run/react'
import { RhiTag } from '~/components/missing/rhi-tag'
import type { VictimMissingEpisodes } from '~/services/missing.server'
import { formatDateTime } from '~/utils/format'

export function MissingEpisodesSection({ missing, victimId }: { missing: VictimMissingEpisodes; victimId: string }) {
  return (
    <section aria-labelledby="missing-episodes" data-testid="missing-episodes">
      <h2 className="govuk-heading-m" id="missing-episodes">
        Missing episodes
      </h2>
      {missing.episodes.length === 0 ? (
        <p className="govuk-body">No missing episodes recorded.</p>
      ) : (
        <ol className="govuk-list app-contact-log" data-testid="missing-episode-list">
          {missing.episodes.map((e) => (
            <li key={e.id} className="app-contact-log__item" data-testid="missing-episode-item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/victims/${victimId}/missing/${e.id}`}>
                  Missing from {formatDateTime(e.missingFrom)}
                </Link>
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {e.returnedAt ? `Returned ${formatDateTime(e.returnedAt)}` : 'Still missing'}.{' '}
                {e.reportedToPolice ? `Reported to the police${e.policeReference ? ` (${e.policeReference})` : ''}.` : 'Not reported to the police.'}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                Return home interview: <RhiTag outcome={e.outcome} />
                {e.dueText && (e.outcome === 'due' || e.outcome === 'overdue') ? ` due by ${e.dueText}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      {missing.canRecord ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victimId}/missing/new`}>
            Record a missing episode
          </Link>
        </p>
      ) : null}
    </section>
  )
}
