import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { WarningText } from '~/components/content'
import { EntitlementsSection } from '~/components/entitlements/checklist'
import { ComplaintList } from '~/components/entitlements/complaint-list'
import { VisitsSection } from '~/components/visits/visits-section'
import { IntelligenceSection } from '~/components/intelligence/items'
import { MissingEpisodesSection } from '~/components/missing/missing-section'
import { SupportSection } from '~/components/support/support-section'
import { ContactLogSection } from '~/components/victim/contact-log'
import { UpcomingHearingsSection } from '~/components/journey/upcoming-hearings'
import { JourneyTimelineSection, NextStepsSection } from '~/components/victim/journey-sections'
import { Tag } from '~/components/tag'
import { CommunicationSection, ConsentSection, ContactSection, EnhancedRightsSection, PersonalDetailsSection, RecordStatus } from '~/components/victim/sections'
import { ToldFormSchema } from '~/domain/entitlements/told'
import { closedReasonText } from '~/domain/victims/schema'
import { clientIp, notFound, requireRole } from '~/services/auth.server'
import { listComplaintsForVictim } from '~/services/complaints.server'
import { requireContactRecorder } from '~/services/contacts.server'
import { redirectWithFlash } from '~/services/session.server'
import { getVictimEntitlements, recordToldForEntitlement } from '~/services/victim-entitlements.server'
import { getVictimJourney } from '~/services/victim-journey.server'
import { getVictimVisits } from '~/services/visits.server'
import { listIntelligenceForVictim } from '~/services/intelligence.server'
import { listMissingEpisodes } from '~/services/missing.server'
import { getVictimForView, splitClosedReason } from '~/services/victims.server'
import { withReadCache } from '~/services/read-cache.server'
import { getVictimSupport } from '~/services/support.server'
import { readFormData } from '~/utils/form-data.server'
import { displayName, formatDate, humanise } from '~/utils/format'
import { invalid, parseIntent } from '~/utils/submission.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.victim.reference ?? 'Victim'} – Waypoint` }]

const ROLES = ['advocate', 'officer', 'cps_liaison', 'manager'] as const

export const loader = ({ request, params, context }: LoaderFunctionArgs) => withReadCache(() => load(request, params.victimId, clientIp(context)))

// Every section checks access itself; withReadCache lets them share one load of the victim's facts.
async function load(request: Request, victimId: string | undefined, ip: string) {
  const user = await requireRole(request, ROLES)
  if (!victimId) throw notFound()
  const view = await getVictimForView(user, victimId, ip)
  const [journey, entitlements, complaints, visits, missing, intelligence, support] = await Promise.all([
    getVictimJourney(user, victimId),
    getVictimEntitlements(user, victimId),
    listComplaintsForVictim(user, victimId),
    getVictimVisits(user, victimId),
    listMissingEpisodes(user, victimId),
    listIntelligenceForVictim(user, victimId),
    getVictimSupport(user, victimId),
  ])
  const reason = splitClosedReason(view.victim.closedReason)
  return {
    ...view,
    journey,
    entitlements,
    complaints,
    visits,
    missing,
    intelligence,
    support,
    // One key per rendering: a double-submitted "told" form records one contact.
    formKey: crypto.randomUUID(),
    closedReasonText: reason ? closedReasonText(reason.reason, reason.detail) : null,
  }
}

/** The checklist's one-step "record that the victim was told". */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const victimId = params.victimId
  if (!victimId) throw notFound()
  // Who is asking is checked before the form is read: a refusal never depends on what was sent.
  await requireContactRecorder(user, victimId)
  const { submission } = parseIntent(await readFormData(request), { told: ToldFormSchema })
  if (submission.status !== 'success') return invalid(submission)
  const { entitlementId, idempotencyKey, method, withWhom } = submission.value
  const result = await recordToldForEntitlement(user, victimId, entitlementId, { method, withWhom }, idempotencyKey, clientIp(context))
  // The form shows only these two fields: any other refusal goes beside "How".
  if (!result.ok) return invalid(submission, result.issues.map((i) => ({ path: i.path === 'withWhom' ? 'withWhom' : 'method', message: i.message })))
  return redirectWithFlash(
    request,
    `/victims/${victimId}#entitlement-${entitlementId}`,
    result.duplicate ? 'Contact already recorded.' : 'Contact recorded: the entitlement is updated.',
  )
}

export default function VictimPage() {
  const view = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { victim, access } = view
  return (
    <>
      <span className="govuk-caption-l">{victim.reference}</span>
      <h1 className="govuk-heading-l">
        {displayName(victim)}
        {victim.restricted ? (
          <Tag colour="red" className="govuk-!-margin-left-2">
            Restricted
          </Tag>
        ) : null}
        {victim.status === 'closed' ? (
          <Tag colour="grey" className="govuk-!-margin-left-2">
            Closed
          </Tag>
        ) : null}
      </h1>
      {victim.restricted ? <WarningText>This record is restricted. Only the people allocated to it can see it.</WarningText> : null}
      <PersonalDetailsSection victim={victim} ethnicity={view.equality ? view.equality.ethnicity : undefined} canUpdate={access.canUpdate} />
      <EnhancedRightsSection rights={view.enhancedRights} />
      <CommunicationSection victim={victim} canUpdate={access.canUpdate} />
      <ContactSection victimId={victim.id} view={view} canUpdate={access.canUpdate} />
      <ConsentSection victimId={victim.id} consents={victim.consents} canUpdate={access.canUpdate} />

      <p className="govuk-body">
        <Link className="govuk-link" to={`/victims/${victim.id}/summary`}>
          Journey summary for meetings (printable)
        </Link>
      </p>
      <NextStepsSection journeys={view.journey.journeys} />
      <UpcomingHearingsSection hearings={view.journey.upcomingHearings} />
      <EntitlementsSection checklist={view.entitlements} victimId={victim.id} formKey={view.formKey} reply={reply} />
      {view.complaints.length > 0 ? <ComplaintList complaints={view.complaints} /> : null}
      {view.visits ? <VisitsSection visits={view.visits} victimId={victim.id} /> : null}
      <IntelligenceSection items={view.intelligence} />
      {view.missing ? <MissingEpisodesSection missing={view.missing} victimId={victim.id} /> : null}
      <SupportSection support={view.support} victimId={victim.id} />
      <JourneyTimelineSection events={view.journey.events} victimId={victim.id} canRecordContact={view.journey.canRecordContact} />
      <ContactLogSection contacts={view.journey.contacts} victimId={victim.id} canRecord={view.journey.canRecordContact} more={view.journey.moreContacts} />
      <h2 className="govuk-heading-m">Who is working with this victim</h2>
      {victim.allocations.length ? (
        <ul className="govuk-list">
          {victim.allocations.map((a) => (
            <li key={a.id}>
              {humanise(a.kind)}: {a.user?.name ?? a.organisation.name}
              {a.user ? ` (${a.organisation.name})` : ''} since {formatDate(a.startedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No one is allocated.</p>
      )}
      {access.canAllocate ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victim.id}/allocations`}>
            Manage who is working with this victim
          </Link>
        </p>
      ) : null}
      {access.canReferForAdvocacy ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victim.id}/referrals/new`}>
            Bring in an advocate
          </Link>
          : refer this young person to an advocacy service, which takes them on and allocates a lead advocate.
        </p>
      ) : null}
      {access.canShareWithPolice ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victim.id}/share-with-police`}>
            Share with the police
          </Link>{' '}
          when this young person reports, or wants to report, to the police.
        </p>
      ) : null}
      <RecordStatus victimId={victim.id} status={victim.status} closedAt={victim.closedAt} closedReason={view.closedReasonText} canUpdate={access.canUpdate} />
    </>
  )
}
