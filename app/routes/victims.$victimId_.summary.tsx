import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BackLink } from '~/components/content'
import { SummaryList } from '~/components/summary-list'
import { Tag } from '~/components/tag'
import { ContactLogSection } from '~/components/victim/contact-log'
import { UpcomingHearingsSection } from '~/components/journey/upcoming-hearings'
import { JourneyTimelineSection, NextStepsSection } from '~/components/victim/journey-sections'
import { labelOf, SAFE_CONTACT_METHODS } from '~/domain/victims/schema'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getVictimSummary } from '~/services/victim-journey.server'
import { formatDate, formatDateTime, humanise } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Journey summary ${data?.victim.reference ?? ''} – Waypoint` }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.victimId) throw notFound()
  const summary = await getVictimSummary(user, params.victimId, clientIp(context))
  return { ...summary, printedAt: new Date().toISOString() }
}

/** A single page for meetings: prints without the header, navigation and footer. */
export default function VictimSummary() {
  const s = useLoaderData<typeof loader>()
  const { victim } = s
  return (
    <div className="app-print-summary">
      <div className="app-no-print">
        <BackLink to={`/victims/${victim.id}`}>Back to the victim</BackLink>
      </div>
      <span className="govuk-caption-l">{victim.reference}</span>
      <h1 className="govuk-heading-l">
        Journey summary
        {victim.restricted ? (
          <Tag colour="red" className="govuk-!-margin-left-2">
            Restricted
          </Tag>
        ) : null}
      </h1>
      <p className="govuk-body app-no-print">
        {/* GOV.UK print link pattern: a link styled as a print link, handled in the browser. */}
        <a
          href="#print"
          className="govuk-link govuk-body-s app-print-link"
          onClick={(event) => {
            event.preventDefault()
            window.print()
          }}
        >
          Print this page
        </a>
      </p>
      <p className="govuk-body-s">Prepared {formatDateTime(s.printedAt)}. Official – sensitive: do not leave printed copies unattended.</p>
      <SummaryList
        testId="summary-details"
        rows={[
          { key: 'Reference', value: victim.reference },
          { key: 'Preferred name', value: victim.preferredName },
          { key: 'Record', value: victim.status === 'closed' ? 'Closed' : 'Open' },
          s.safeContact && {
            key: 'Safe contact',
            value: (
              <>
                {labelOf(SAFE_CONTACT_METHODS, s.safeContact.method) ?? 'Not recorded'}
                {s.safeContact.times ? `, ${s.safeContact.times}` : ''}
                {s.safeContact.noVoicemail ? '. Do not leave voicemail or messages' : ''}
              </>
            ),
          },
          {
            key: 'Working with them',
            value: victim.allocations.length ? (
              <ul className="govuk-list">
                {victim.allocations.map((a) => (
                  <li key={a.id}>
                    {humanise(a.kind)}: {a.user?.name ?? a.organisation.name}
                    {a.user ? ` (${a.organisation.name})` : ''} since {formatDate(a.startedAt)}
                  </li>
                ))}
              </ul>
            ) : (
              'No one is allocated'
            ),
          },
        ]}
      />
      <NextStepsSection journeys={s.journeys} links={false} />
      <UpcomingHearingsSection hearings={s.upcomingHearings} />
      <JourneyTimelineSection events={s.events} showCorrected={false} />
      <ContactLogSection contacts={s.contacts} heading="Recent contacts" />
    </div>
  )
}
