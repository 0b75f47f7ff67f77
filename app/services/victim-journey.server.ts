// The victim's journey in one place: the timeline across their cases,
// upcoming hearings, the stage and next step per case and defendant, and the contact log — cut to
// what this user may see. A fixed number of queries, however many cases, events or contacts.
import { canRecordContact, type Actor } from '~/domain/access/policy'
import { CONTACT_METHODS, CONTACT_WITH } from '~/domain/contacts/contact'
import { describeEvent } from '~/domain/journey/describe'
import { deriveJourney } from '~/domain/journey/derive'
import { eventTypeLabel } from '~/domain/journey/events'
import { stageLabel } from '~/domain/journey/stages'
import { auditView, caseWhere, refused, requireVictimAccess, type VictimAccess } from './access.server'
import { audit, type AuditActor } from './audit.server'
import { forbidden } from './auth.server'
import { db } from './db.server'
import { victimTimeline } from './journal.server'

const label = (list: readonly { id: string; label: string }[], id: string) => list.find((x) => x.id === id)?.label ?? id

/** The journey data after the access check (shared by the victim page and the printable summary). */
async function loadJourney(actor: Actor, victimId: string, access: VictimAccess, options: { contactLimit?: number } = {}) {
  const prisma = await db()
  const timeline = await victimTimeline(actor, victimId)
  const [shownCases, contacts] = await Promise.all([
    // The victim's cases this user may see (victimTimeline applies the same filter), with suspects.
    prisma.case.findMany({
      where: { AND: [caseWhere(actor), { victims: { some: { victimId } } }] },
      select: { id: true, crimeReference: true, stage: true, status: true, defendants: { orderBy: { createdAt: 'asc' }, select: { id: true, label: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.contact.findMany({
      where: { victimId },
      orderBy: [{ contactedAt: 'desc' }, { recordedAt: 'desc' }],
      take: options.contactLimit,
      include: { by: { select: { name: true } }, events: { select: { eventId: true } } },
    }),
  ])
  const now = new Date()
  const byId = new Map(timeline.events.map((e) => [e.id, e]))

  const events = timeline.events.map((e) => ({
    id: e.id,
    type: e.type,
    title: eventTypeLabel(e.type),
    description: describeEvent({ type: e.type, details: e.details, defendant: e.defendant }),
    occurredAt: e.occurredAt,
    recordedBy: e.recordedBy.name,
    caseId: e.caseId,
    crimeReference: e.case.crimeReference,
    superseded: e.superseded,
    correctionReason: e.shownReason,
  }))

  const journeys = shownCases.map((c) => {
    const journal = timeline.events.filter((e) => e.caseId === c.id)
    const journey = deriveJourney(journal, { now, defendantIds: c.defendants.map((d) => d.id) })
    const defendantLabel = new Map(c.defendants.map((d) => [d.id, d.label]))
    return {
      caseId: c.id,
      crimeReference: c.crimeReference,
      status: c.status,
      stage: journey.caseStage,
      stageLabel: stageLabel(journey.caseStage),
      nextSteps: journey.nextSteps,
      defendants: journey.defendants.map((d) => ({
        label: defendantLabel.get(d.defendantId) ?? 'Suspect',
        stageLabel: d.stageLabel,
        nextStep: d.nextStep,
      })),
    }
  })

  const upcomingHearings = timeline.upcomingHearings.map((h) => {
    const event = byId.get(h.eventId)
    return {
      eventId: h.eventId,
      label: h.label,
      court: h.court,
      hearingAt: h.hearingAt,
      crimeReference: event?.case.crimeReference ?? '',
      caseId: event?.caseId ?? '',
      defendant: event?.defendant?.label ?? null,
    }
  })

  return {
    events,
    upcomingHearings,
    journeys,
    canRecordContact: canRecordContact(actor, access.facts),
    contacts: contacts.map((c) => ({
      id: c.id,
      contactedAt: c.contactedAt,
      method: label(CONTACT_METHODS, c.method),
      withWhom: label(CONTACT_WITH, c.withWhom),
      summary: c.summary,
      by: c.by.name,
      // Only events this user may see (an event on a case they cannot open is not named).
      about: c.events.flatMap(({ eventId }) => {
        const e = byId.get(eventId)
        return e ? [{ id: e.id, title: eventTypeLabel(e.type), occurredAt: e.occurredAt, crimeReference: e.case.crimeReference }] : []
      }),
    })),
  }
}

/**
 * The victim page's journey sections: timeline (oldest first, corrections kept and marked),
 * upcoming hearings, stage and next steps per case and defendant, and the contact log (newest
 * first). 404 for a user who may not see the victim.
 */
export async function getVictimJourney(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  const journey = await loadJourney(actor, victimId, access, { contactLimit: CONTACT_LOG_LIMIT + 1 })
  const more = journey.contacts.length > CONTACT_LOG_LIMIT
  return { ...journey, contacts: journey.contacts.slice(0, CONTACT_LOG_LIMIT), moreContacts: more }
}

/** The victim page shows this many contacts, newest first (a bound on the page's size). */
export const CONTACT_LOG_LIMIT = 100
export type VictimJourney = Awaited<ReturnType<typeof getVictimJourney>>

/**
 * The print-friendly journey summary for meetings. Audited as a view of the victim record. Safe
 * contact arrangements only for those who may see contact details (never CPS liaison).
 */
export async function getVictimSummary(actor: AuditActor, victimId: string, ip: string) {
  const access = await requireVictimAccess(actor, victimId)
  const prisma = await db()
  const [victim, journey] = await Promise.all([
    prisma.victim.findUniqueOrThrow({
      where: { id: victimId },
      select: {
        id: true,
        reference: true,
        preferredName: true,
        firstName: true,
        status: true,
        restricted: true,
        safeContactMethod: true,
        safeContactTimes: true,
        noVoicemail: true,
        allocations: {
          where: { endedAt: null },
          orderBy: { startedAt: 'asc' },
          select: { id: true, kind: true, startedAt: true, user: { select: { name: true } }, organisation: { select: { name: true } } },
        },
      },
    }),
    loadJourney(actor, victimId, access, { contactLimit: 10 }),
  ])
  await audit({ actor, action: 'victim.summary.view', entityType: 'victim', entityId: victimId, ip })
  const { safeContactMethod, safeContactTimes, noVoicemail, firstName, ...rest } = victim
  return {
    victim: { ...rest, preferredName: victim.preferredName || firstName },
    safeContact: access.canSeeContactDetails ? { method: safeContactMethod, times: safeContactTimes, noVoicemail } : null,
    ...journey,
  }
}

/**
 * What the "record a contact" form needs: the victim's reference and the journey events on their
 * cases it may be about, newest first (corrected entries left out). 403 for a user who may see
 * the victim but not record contacts.
 */
export async function getContactForm(actor: Actor, victimId: string) {
  const access = await requireVictimAccess(actor, victimId)
  if (!canRecordContact(actor, access.facts)) throw await refused(actor, 'victim', victimId, 'update', forbidden())
  await auditView(actor, 'victim', victimId, 'contacts/new')
  const prisma = await db()
  const [victim, timeline] = await Promise.all([
    prisma.victim.findUniqueOrThrow({ where: { id: victimId }, select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true } }),
    victimTimeline(actor, victimId),
  ])
  const events = timeline.events
    .filter((e) => !e.superseded)
    .reverse()
    .map((e) => ({ id: e.id, title: eventTypeLabel(e.type), occurredAt: e.occurredAt, crimeReference: e.case.crimeReference, defendant: e.defendant?.label ?? null }))
  return { victim, events }
}
