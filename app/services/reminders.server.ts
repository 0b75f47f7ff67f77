// What the reminder scheduler (scheduler.server.ts) works from: every open entitlement, visit plan
// and hearing falling due up to a horizon, each with its one recipient resolved, and the news and
// delivery choices that digests need. A fixed number of queries per kind (victims' visit plans in
// batches), never one per victim, so it stays fast over 10,000 victims. Background use only —
// no access checks; nothing here is shown to a user except through the emails planned from it.
import { addCalendarDays, dateValueOf, isoDateOf, londonDateOf, type IsoDate } from '~/domain/calendar/working-days'
import { ownerLabel, RULE_SETS } from '~/domain/entitlements/rules'
import { hearingTypeLabel } from '~/domain/journey/events'
import type { DigestPeriod } from '~/domain/notifications/keys'
import { deliveriesFrom, type Delivery, type ReminderKind } from '~/domain/notifications/kinds'
import type { NewsItem } from '~/domain/notifications/digest'
import type { HearingItem, Recipient, ReminderItem, VisitItem } from '~/domain/notifications/reminders'
import { holdingOrganisationId } from '~/domain/visits/policy'
import { Prisma } from '~/generated/prisma/client'
import { openListingsWhere } from './caseload.server'
import { db } from './db.server'
import { visitSchedulesFor } from './visits.server'

/** Victims whose visit plans are worked out together (a few queries per batch). */
export const VICTIM_BATCH = 500

const OWNER_ALLOCATION: Record<string, 'oic' | 'cps_liaison' | 'witness_care'> = { police: 'oic', cps: 'cps_liaison', witness_care: 'witness_care' }

const VISIT_REASONS: Record<string, string> = {
  first_after_incident: 'First follow-up after the incident',
  cadence: 'Regular visit while a case is open',
  after_court_event: 'Visit after a key court event',
}

const USER_SELECT = { id: true, email: true, active: true, organisationId: true } as const
type UserRow = { id: string; email: string; active: boolean; organisationId: string }
type SupportAllocation = { kind: string; organisationId: string; startedAt: Date; user: UserRow | null }

const userRecipient = (u: UserRow): Recipient => ({ type: 'user', userId: u.id, email: u.email, organisationId: u.organisationId })
const byStart = <T extends { startedAt: Date }>(rows: readonly T[]) => [...rows].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())

/** Team inboxes by organisation id (a small table: read whole). */
async function inboxes(): Promise<Map<string, string | null>> {
  const prisma = await db()
  const orgs = await prisma.organisation.findMany({ select: { id: true, inboxEmail: true } })
  return new Map(orgs.map((o) => [o.id, o.inboxEmail?.trim() || null]))
}

const inboxOr = (organisationId: string | null, inbox: ReadonlyMap<string, string | null>): Recipient => {
  const email = organisationId ? inbox.get(organisationId) : null
  return email && organisationId ? { type: 'inbox', organisationId, email } : { type: 'none', organisationId }
}

/**
 * Who supports a victim, for visits and hearings: the lead advocate (active), else another
 * allocated advocate, else the team inbox of the organisation holding them, else nobody.
 */
function supportRecipient(allocations: readonly SupportAllocation[], inbox: ReadonlyMap<string, string | null>): Recipient {
  for (const kind of ['lead_advocate', 'advocate']) {
    const person = byStart(allocations).find((a) => a.kind === kind && a.user?.active)
    if (person?.user) return userRecipient(person.user)
  }
  return inboxOr(holdingOrganisationId(allocations), inbox)
}

const SUPPORT_ALLOCATIONS = {
  where: { endedAt: null, kind: { in: ['lead_advocate', 'advocate', 'service'] } },
  select: { kind: true, organisationId: true, startedAt: true, user: { select: USER_SELECT } },
} as const satisfies Prisma.Victim$allocationsArgs

/**
 * Open entitlements (not withdrawn) due by `horizon`, overdue ones included. Recipient: the owing
 * organisation's person allocated to the case (or the victim) in the owing role — the OIC for the
 * police, CPS liaison, witness care officer — else the organisation's inbox, else nobody.
 */
async function entitlementItems(horizon: IsoDate, inbox: ReadonlyMap<string, string | null>): Promise<ReminderItem[]> {
  const prisma = await db()
  const [rows, allocations] = await Promise.all([
    prisma.entitlement.findMany({
      where: { status: 'open', withdrawnAt: null, dueBy: { lte: dateValueOf(horizon) } },
      select: {
        id: true,
        victimId: true,
        caseId: true,
        ruleSetId: true,
        right: true,
        owedBy: true,
        owedByOrganisationId: true,
        dueBy: true,
        dueAt: true,
        victim: { select: { reference: true } },
      },
      orderBy: [{ dueBy: 'asc' }, { id: 'asc' }],
    }),
    // Every active case-role allocation of a person: a few per case, cheaper than an IN list of ids.
    prisma.allocation.findMany({
      where: { endedAt: null, kind: { in: ['oic', 'cps_liaison', 'witness_care'] }, userId: { not: null } },
      select: { kind: true, caseId: true, victimId: true, startedAt: true, user: { select: USER_SELECT } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    }),
  ])
  const onCase = new Map<string, typeof allocations>()
  const onVictim = new Map<string, typeof allocations>()
  for (const a of allocations) {
    for (const [map, id] of [
      [onCase, a.caseId],
      [onVictim, a.victimId],
    ] as const) {
      if (!id) continue
      const list = map.get(id)
      if (list) list.push(a)
      else map.set(id, [a])
    }
  }
  return rows.map((e) => {
    const kind = OWNER_ALLOCATION[e.owedBy]
    const fits = (a: (typeof allocations)[number]) => a.kind === kind && a.user?.active && a.user.organisationId === e.owedByOrganisationId
    const person = e.owedByOrganisationId && kind ? ((onCase.get(e.caseId) ?? []).find(fits) ?? (onVictim.get(e.victimId) ?? []).find(fits)) : undefined
    return {
      kind: 'entitlements' as const,
      id: e.id,
      victimId: e.victimId,
      reference: e.victim.reference,
      right: e.right,
      rightTitle: RULE_SETS[e.ruleSetId]?.rightTitles[e.right] ?? `Right ${e.right}`,
      owedByCode: e.owedBy,
      owedBy: ownerLabel(e.owedBy),
      dueBy: isoDateOf(e.dueBy),
      dueAt: e.dueAt,
      recipient: person?.user ? userRecipient(person.user) : inboxOr(e.owedByOrganisationId, inbox),
    }
  })
}

/** Open victims whose visit plan's next due date is by `horizon` (overdue included), in batches of VICTIM_BATCH. */
async function visitItems(now: Date, horizon: IsoDate, inbox: ReadonlyMap<string, string | null>): Promise<VisitItem[]> {
  const prisma = await db()
  const items: VisitItem[] = []
  let cursor: string | undefined
  for (;;) {
    const victims = await prisma.victim.findMany({
      where: { status: 'open' },
      orderBy: { id: 'asc' },
      take: VICTIM_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, reference: true, allocations: SUPPORT_ALLOCATIONS },
    })
    if (victims.length === 0) break
    const schedules = await visitSchedulesFor(
      victims.map((v) => v.id),
      now,
    )
    for (const v of victims) {
      const schedule = schedules.get(v.id)
      const nextDue = schedule?.nextDue
      if (!schedule || !nextDue || nextDue > horizon) continue
      const owed = schedule.requirements.find((r) => (r.status === 'due' || r.status === 'overdue') && r.dueBy === nextDue)
      items.push({
        kind: 'visits',
        victimId: v.id,
        reference: v.reference,
        reason: VISIT_REASONS[owed?.reason ?? ''] ?? 'Follow-up visit',
        dueBy: nextDue,
        recipient: supportRecipient(v.allocations, inbox),
      })
    }
    if (victims.length < VICTIM_BATCH) break
    cursor = victims.at(-1)!.id
  }
  return items
}

/** Listings after `now` and up to `until` still to be heard (openListingsWhere), one row per listing. */
function hearingListingsSql(now: Date, until: Date) {
  return Prisma.sql`
    SELECT l.id, l."caseId", l.details->>'hearingAt' AS "hearingAt", l.details->>'hearingType' AS "hearingType"
    FROM "JourneyEvent" l
    WHERE ${openListingsWhere(now, until)}
    ORDER BY l.details->>'hearingAt', l.id`
}

/**
 * Hearings up to `horizon`: one item per hearing per recipient — each open victim's supporter (lead
 * advocate, else the advocacy organisation's inbox) and witness care (the case's witness care
 * officer, else the case's witness care unit's inbox). A recipient supporting two victims on the
 * case gets one email naming both references.
 */
async function hearingItems(now: Date, horizon: IsoDate, inbox: ReadonlyMap<string, string | null>): Promise<HearingItem[]> {
  const prisma = await db()
  const until = new Date(dateValueOf(addCalendarDays(horizon, 2)).getTime())
  const listings = (await prisma.$queryRaw<{ id: string; caseId: string; hearingAt: string; hearingType: string | null }[]>(hearingListingsSql(now, until))).filter(
    (l) => londonDateOf(new Date(l.hearingAt)) <= horizon,
  )
  if (listings.length === 0) return []
  const cases = await prisma.case.findMany({
    where: { id: { in: [...new Set(listings.map((l) => l.caseId))] } },
    select: {
      id: true,
      witnessCareOrganisationId: true,
      allocations: { where: { endedAt: null, kind: 'witness_care', userId: { not: null } }, select: { startedAt: true, user: { select: USER_SELECT } } },
      victims: { where: { victim: { status: 'open' } }, select: { victim: { select: { id: true, reference: true, allocations: SUPPORT_ALLOCATIONS } } } },
    },
  })
  const caseById = new Map(cases.map((c) => [c.id, c]))
  const items: HearingItem[] = []
  for (const listing of listings) {
    const c = caseById.get(listing.caseId)
    if (!c || c.victims.length === 0) continue
    const hearingType = listing.hearingType ?? 'hearing'
    const base = { kind: 'hearings' as const, eventId: listing.id, caseId: c.id, hearingType, hearing: hearingTypeLabel(hearingType), hearingAt: new Date(listing.hearingAt) }
    const byRecipient = new Map<string, { recipient: Recipient; references: string[] }>()
    for (const { victim } of [...c.victims].sort((a, b) => (a.victim.reference < b.victim.reference ? -1 : 1))) {
      const recipient = supportRecipient(victim.allocations, inbox)
      const id = recipient.type === 'user' ? `u${recipient.userId}` : recipient.type === 'inbox' ? `o${recipient.organisationId}` : `n${victim.id}`
      const entry = byRecipient.get(id)
      if (entry) entry.references.push(victim.reference)
      else byRecipient.set(id, { recipient, references: [victim.reference] })
    }
    const officer = byStart(c.allocations).find((a) => a.user?.active)?.user
    const witnessCare = officer ? userRecipient(officer) : inboxOr(c.witnessCareOrganisationId, inbox)
    const all = c.victims.map((v) => v.victim.reference).sort()
    const already = [...byRecipient.values()].some((r) => sameRecipient(r.recipient, witnessCare))
    if (!already) byRecipient.set('witness-care', { recipient: witnessCare, references: all })
    for (const { recipient, references } of byRecipient.values()) items.push({ ...base, references, recipient })
  }
  return items
}

const sameRecipient = (a: Recipient, b: Recipient) =>
  (a.type === 'user' && b.type === 'user' && a.userId === b.userId) || (a.type === 'inbox' && b.type === 'inbox' && a.organisationId === b.organisationId)

/** Everything open that falls due by `horizon` (a London date), each item with its one recipient. */
export async function collectReminderItems(now: Date, horizon: IsoDate): Promise<ReminderItem[]> {
  const inbox = await inboxes()
  const entitlements = await entitlementItems(horizon, inbox)
  const visits = await visitItems(now, horizon, inbox)
  const hearings = await hearingItems(now, horizon, inbox)
  return [...entitlements, ...visits, ...hearings]
}

export interface DigestPerson {
  id: string
  name: string
  email: string
  role: string
  organisationId: string
  organisationKind: string
  deliveries: Record<ReminderKind, Delivery>
}

/**
 * Every person's delivery choices that are not "immediate" (no row means immediate), and the
 * active people who chose a summary for at least one kind.
 */
export async function loadDeliveries(): Promise<{ deliveries: Map<string, Record<ReminderKind, Delivery>>; people: DigestPerson[] }> {
  const prisma = await db()
  const rows = await prisma.notificationPreference.findMany({
    where: { delivery: { in: ['daily', 'weekly'] }, user: { active: true } },
    select: {
      userId: true,
      kind: true,
      delivery: true,
      user: { select: { id: true, name: true, email: true, role: true, organisationId: true, organisation: { select: { kind: true } } } },
    },
  })
  const byUser = new Map<string, typeof rows>()
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r])
  const deliveries = new Map([...byUser].map(([id, prefs]) => [id, deliveriesFrom(prefs)]))
  const people = [...byUser.values()].map(([first]) => {
    const u = first!.user
    return { id: u.id, name: u.name, email: u.email, role: u.role, organisationId: u.organisationId, organisationKind: u.organisation.kind, deliveries: deliveries.get(u.id)! }
  })
  return { deliveries, people }
}

/** Which of these dedupe keys are already in the outbox (1,000 per query). */
export async function existingKeys(keys: readonly string[]): Promise<Set<string>> {
  const prisma = await db()
  const found = new Set<string>()
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await prisma.outboxEmail.findMany({ where: { dedupeKey: { in: keys.slice(i, i + 1000) } }, select: { dedupeKey: true } })
    for (const r of rows) found.add(r.dedupeKey)
  }
  return found
}

/**
 * News for digests, by user id: intelligence with status 'new' in the force's queue (officers and
 * managers of a police organisation who chose a summary for intelligence); referrals sent to the
 * person's organisation still waiting for a decision, and referrals they made that were accepted or
 * declined since their previous digest of this period (or since `fallbackSince`).
 */
export async function digestNews(people: readonly DigestPerson[], period: DigestPeriod, fallbackSince: Date): Promise<Map<string, NewsItem[]>> {
  const prisma = await db()
  const wants = (kind: ReminderKind) => people.filter((p) => p.deliveries[kind] === period)
  const police = wants('intelligence').filter((p) => p.organisationKind === 'police' && (p.role === 'officer' || p.role === 'manager'))
  const referrers = wants('referrals')
  const news = new Map<string, NewsItem[]>(people.map((p) => [p.id, []]))
  if (police.length > 0) {
    const items = await prisma.intelligenceItem.findMany({
      where: { status: 'new', policeOrganisationId: { in: [...new Set(police.map((p) => p.organisationId))] } },
      select: { id: true, policeOrganisationId: true, createdAt: true, victim: { select: { reference: true } } },
      orderBy: { createdAt: 'asc' },
    })
    for (const p of police) {
      for (const i of items.filter((x) => x.policeOrganisationId === p.organisationId)) {
        news.get(p.id)!.push({ kind: 'intelligence', itemId: i.id, reference: i.victim.reference, createdAt: i.createdAt })
      }
    }
  }
  if (referrers.length > 0) {
    const ids = referrers.map((p) => p.id)
    const [previous, waiting, decided] = await Promise.all([
      prisma.outboxEmail.groupBy({ by: ['userId'], where: { kind: 'digest', userId: { in: ids }, dedupeKey: { startsWith: `digest:${period}:` } }, _max: { createdAt: true } }),
      prisma.referral.findMany({
        where: { status: 'sent', toOrganisationId: { in: [...new Set(referrers.map((p) => p.organisationId))] } },
        select: { id: true, toOrganisationId: true, sentAt: true, victim: { select: { reference: true } } },
      }),
      prisma.referral.findMany({
        where: { referredById: { in: ids }, OR: [{ acceptedAt: { not: null } }, { declinedAt: { not: null } }] },
        select: { id: true, referredById: true, acceptedAt: true, declinedAt: true, victim: { select: { reference: true } } },
      }),
    ])
    const since = new Map(previous.map((p) => [p.userId, p._max.createdAt]))
    for (const p of referrers) {
      const list = news.get(p.id)!
      for (const r of waiting.filter((x) => x.toOrganisationId === p.organisationId)) {
        list.push({ kind: 'referrals', referralId: r.id, reference: r.victim.reference, state: 'waiting', at: r.sentAt })
      }
      const from = (since.get(p.id) ?? fallbackSince).getTime()
      for (const r of decided.filter((x) => x.referredById === p.id)) {
        const at = r.declinedAt ?? r.acceptedAt
        if (at && at.getTime() >= from) list.push({ kind: 'referrals', referralId: r.id, reference: r.victim.reference, state: r.declinedAt ? 'declined' : 'accepted', at })
      }
    }
  }
  return news
}
