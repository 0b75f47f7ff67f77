import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CasePeopleSection, CaseSummarySection, CaseVictimsSection, OffencesSection } from '~/components/case/case-sections'
import { CaseJournalSection, DefendantPathsSection } from '~/components/journey/case-journey'
import { UpcomingHearingsSection } from '~/components/journey/upcoming-hearings'
import { CaseOwedSection } from '~/components/entitlements/case-owed'
import { CaseReviewLink } from '~/components/review/awaiting-review'
import { describeEvent } from '~/domain/journey/describe'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { getCaseOpenEntitlements } from '~/services/case-entitlements.server'
import { getCaseForView } from '~/services/cases.server'
import { caseJourney } from '~/services/journal.server'
import { caseReviewLink } from '~/services/case-review.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.case.crimeReference ?? 'Case'} – Waypoint` }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['advocate', 'officer', 'cps_liaison', 'manager'])
  if (!params.caseId) throw notFound()
  const view = await getCaseForView(user, params.caseId, clientIp(context))
  const [{ events, journey, canRecord }, owed, review] = await Promise.all([
    caseJourney(user, params.caseId),
    getCaseOpenEntitlements(user, params.caseId),
    caseReviewLink(user, params.caseId),
  ])
  return {
    ...view,
    review,
    owed,
    canRecord,
    journey,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      superseded: e.superseded,
      shownReason: e.shownReason,
      canCorrect: e.canCorrect,
      recordedBy: e.recordedBy,
      description: describeEvent(e),
    })),
  }
}

// The case page: its details, each defendant's path, upcoming hearings, the journal, offences,
// victims and people (app/components/case, app/components/journey).
export default function CasePage() {
  const { case: c, victims, hiddenVictimCount, access, journey, events, canRecord, owed, review } = useLoaderData<typeof loader>()
  const labelOf = (id: string) => c.defendants.find((d) => d.id === id)?.label
  return (
    <>
      <span className="govuk-caption-l">Case</span>
      <h1 className="govuk-heading-l">{c.crimeReference}</h1>
      {/* The stage as of now (the stored one moves only when an event is recorded). */}
      <CaseSummarySection c={{ ...c, stage: journey.caseStage }} canUpdate={access.canUpdate} />
      {review ? <CaseReviewLink caseId={c.id} status={review.status} /> : null}
      <DefendantPathsSection caseId={c.id} defendants={c.defendants} paths={journey.defendants} canUpdate={access.canUpdate} />
      <UpcomingHearingsSection hearings={journey.upcomingHearings.map((h) => ({ ...h, defendant: h.defendantId ? (labelOf(h.defendantId) ?? null) : null }))} />
      <CaseOwedSection owed={owed} />
      <CaseJournalSection caseId={c.id} events={events} canRecord={canRecord} />
      <OffencesSection offences={c.offences} />
      <CaseVictimsSection caseId={c.id} victims={victims} hiddenVictimCount={hiddenVictimCount} canUpdate={access.canUpdate} />
      <CasePeopleSection caseId={c.id} allocations={c.allocations} canAllocate={access.canAllocate} />
    </>
  )
}
