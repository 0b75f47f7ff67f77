// Finding people: the victims and cases lists (caseloads per role), their search and filters.
// Every query is ANDed with the access policy's list filter (victimWhere / caseWhere), so a search
// can only ever find records the user may open. Queries stay indexed at scale: names through
// lower(name) prefix indexes, references through prefix indexes, date of birth and stage through
// btree indexes, upcoming hearings through a partial index on the listing's hearing date (see
// prisma/migrations/*_search_expression_indexes). Each page is one count and one findMany, with
// the next hearing of the cases on the page fetched in one more query: no query per row. The CPS
// list of suspects awaiting a charging decision reads the cases at a stage up to that one, with
// their journals, in one findMany, and derives each suspect's own stage.
import type { Actor } from '~/domain/access/policy'
import { normaliseCpsUrn, normaliseCrimeReference } from '~/domain/cases/references'
import { awaitingChargingDecision, CASE_STAGES_WITH_CHARGING_WAIT } from '~/domain/journey/charging'
import { JOURNAL_SELECT } from '~/domain/journey/journal'
import type { StageId } from '~/domain/journey/stages'
import { Prisma } from '~/generated/prisma/client'
import { caseWhere, victimWhere } from './access.server'
import { db } from './db.server'

export const PAGE_SIZE = 25

/** "Hearing in the next N days" windows offered by the lists. */
export const HEARING_WINDOWS = [7, 14, 28] as const
export type HearingWindow = (typeof HEARING_WINDOWS)[number]

/**
 * Above this many name matches the name filter is applied by the database as ILIKE (same
 * meaning) instead of as a list of ids: a one-letter search should not ship thousands of ids.
 */
export const NAME_ID_LIMIT = 1000

const DAY_MS = 86_400_000

export interface VictimListQuery {
  /** Name (each word matches the start of a first, last or preferred name), victim reference, crime reference or CPS URN. */
  q?: string
  dateOfBirth?: Date
  status?: 'open' | 'closed' | 'all'
  /** Victims with a case at this stage. */
  stage?: StageId
  /** Only victims allocated to the actor by name, or on a case allocated to them by name. */
  mine?: boolean
  /** Victims with a case that has a hearing listed in the next N days. */
  hearingWithinDays?: number
  page?: number
  /** "Now" for the hearing window (tests). */
  now?: Date
}

export interface CaseListQuery {
  /** Crime reference, CPS URN or the reference of a victim on the case. */
  q?: string
  stage?: StageId
  mine?: boolean
  hearingWithinDays?: number
  page?: number
  now?: Date
}

// ---- search terms -------------------------------------------------------------------------------

/** Words of a search, lower-cased, without punctuation at their ends ("Smith," → "smith"). */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .slice(0, 5)
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** References are stored upper-case and without spaces. */
const compact = (q: string) => q.replace(/\s+/g, '').toUpperCase()

/**
 * Victims whose names match every word (each word the start of a first, last or preferred name).
 * Ids through the lower(name) indexes; null when there are too many to list (then the caller
 * filters with ILIKE instead, which means the same).
 */
async function victimIdsByName(words: string[]): Promise<string[] | null> {
  const prisma = await db()
  const conditions = words.map((w) => {
    const prefix = `${escapeLike(w)}%`
    return Prisma.sql`(lower("firstName") LIKE ${prefix} OR lower("lastName") LIKE ${prefix} OR lower("preferredName") LIKE ${prefix})`
  })
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Victim" WHERE ${Prisma.join(conditions, ' AND ')} LIMIT ${NAME_ID_LIMIT + 1}`
  return rows.length > NAME_ID_LIMIT ? null : rows.map((r) => r.id)
}

function nameWhereIlike(words: string[]): Prisma.VictimWhereInput {
  return {
    AND: words.map((w) => ({
      OR: [
        { firstName: { startsWith: w, mode: 'insensitive' as const } },
        { lastName: { startsWith: w, mode: 'insensitive' as const } },
        { preferredName: { startsWith: w, mode: 'insensitive' as const } },
      ],
    })),
  }
}

/** Cases whose crime reference or CPS URN starts with what was typed. */
function caseReferenceWhere(q: string): Prisma.CaseWhereInput {
  return {
    OR: [{ crimeReference: { startsWith: normaliseCrimeReference(q) } }, { cpsUrn: { startsWith: normaliseCpsUrn(q) } }],
  }
}

async function victimSearchWhere(actor: Actor, q: string): Promise<Prisma.VictimWhereInput | null> {
  const any: Prisma.VictimWhereInput[] = []
  // Every reference has a digit in it; a name never does. Searching "v" or "nm" is not a reference search.
  if (/\d/.test(q)) {
    any.push({ reference: { startsWith: compact(q) } })
    // A victim found by a case's reference only when the user may see that case too.
    any.push({ cases: { some: { case: { AND: [caseReferenceWhere(q), caseWhere(actor)] } } } })
  }
  const words = searchWords(q).filter((w) => /\p{L}/u.test(w))
  if (words.length > 0) {
    const ids = await victimIdsByName(words)
    any.push(ids === null ? nameWhereIlike(words) : { id: { in: ids } })
  }
  return any.length > 0 ? { OR: any } : null
}

// ---- upcoming hearings --------------------------------------------------------------------------

/**
 * Upcoming hearings as app/domain/journey/derive.ts `upcomingHearings` decides them: listings
 * (hearing_listed) not corrected away, with no outcome recorded against them by an outcome that
 * is itself not corrected away, whose hearing date is after `now` (and on or before `until`).
 * Hearing dates are compared as ISO-8601 UTC text, which sorts as time does.
 */
/**
 * Conditions on a listing `l` (a "JourneyEvent" row): a hearing_listed after `now` (and up to
 * `until`), not corrected away, with no outcome recorded. Shared with the hearing reminders.
 */
export function openListingsWhere(now: Date, until: Date | null) {
  return Prisma.sql`l.type = 'hearing_listed'
      AND l.details->>'hearingAt' > ${now.toISOString()}
      ${until ? Prisma.sql`AND l.details->>'hearingAt' <= ${until.toISOString()}` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = l.id)
      AND NOT EXISTS (
        SELECT 1 FROM "JourneyEvent" o
        WHERE o.type = 'hearing_outcome' AND o.details->>'hearingEventId' = l.id
          AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" so WHERE so."supersedesId" = o.id)
      )`
}

function upcomingHearingsSql(now: Date, until: Date | null, caseIds: string[] | null) {
  return Prisma.sql`
    SELECT l."caseId" AS "caseId", MIN(l.details->>'hearingAt') AS "hearingAt"
    FROM "JourneyEvent" l
    WHERE ${openListingsWhere(now, until)}
      ${caseIds ? Prisma.sql`AND l."caseId" IN (${Prisma.join(caseIds)})` : Prisma.empty}
    GROUP BY l."caseId"`
}

/** Ids of cases with a hearing coming up within `days` of `now` (any case: callers AND the access filter). */
export async function caseIdsWithHearingWithin(days: number, now: Date = new Date()): Promise<string[]> {
  const prisma = await db()
  const rows = await prisma.$queryRaw<{ caseId: string }[]>(upcomingHearingsSql(now, new Date(now.getTime() + days * DAY_MS), null))
  return rows.map((r) => r.caseId)
}

/** The next upcoming hearing of each of these cases, in one query. */
async function nextHearingOf(caseIds: string[], now: Date): Promise<Map<string, Date>> {
  if (caseIds.length === 0) return new Map()
  const prisma = await db()
  const rows = await prisma.$queryRaw<{ caseId: string; hearingAt: string }[]>(upcomingHearingsSql(now, null, caseIds))
  return new Map(rows.map((r) => [r.caseId, new Date(r.hearingAt)]))
}

// ---- the lists ----------------------------------------------------------------------------------

const allocatedTo = (actor: Actor) => ({ allocations: { some: { endedAt: null, userId: actor.id } } })
const NOTHING = { id: { in: [] as string[] } }

function pageOf(requested: number | undefined, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return Math.min(Math.max(1, requested ?? 1), pages)
}

export async function listVictims(actor: Actor, query: VictimListQuery = {}) {
  const prisma = await db()
  const filters: Prisma.VictimWhereInput[] = [victimWhere(actor)]
  if (query.status && query.status !== 'all') filters.push({ status: query.status })
  // Mine: allocated to the victim by name, or to one of their cases (officers and CPS liaison are
  // allocated to cases).
  if (query.mine) filters.push({ OR: [allocatedTo(actor), { cases: { some: { case: allocatedTo(actor) } } }] })
  if (query.dateOfBirth) filters.push({ dateOfBirth: query.dateOfBirth })
  if (query.stage) filters.push({ cases: { some: { case: { stage: query.stage } } } })
  if (query.hearingWithinDays) {
    const caseIds = await caseIdsWithHearingWithin(query.hearingWithinDays, query.now)
    filters.push({ cases: { some: { caseId: { in: caseIds } } } })
  }
  const q = query.q?.trim()
  if (q) filters.push((await victimSearchWhere(actor, q)) ?? NOTHING)
  const where: Prisma.VictimWhereInput = { AND: filters }
  const total = await prisma.victim.count({ where })
  const page = pageOf(query.page, total)
  const rows = await prisma.victim.findMany({
    where,
    orderBy: [{ status: 'desc' }, { reference: 'desc' }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      reference: true,
      firstName: true,
      lastName: true,
      preferredName: true,
      dateOfBirth: true,
      status: true,
      restricted: true,
      allocations: {
        where: { endedAt: null, kind: 'lead_advocate' },
        select: { user: { select: { name: true } } },
      },
      cases: { select: { case: { select: { stage: true } } } },
    },
  })
  return { total, page, pageSize: PAGE_SIZE, rows }
}

export async function listCases(actor: Actor, query: CaseListQuery = {}) {
  const prisma = await db()
  const now = query.now ?? new Date()
  const filters: Prisma.CaseWhereInput[] = [caseWhere(actor)]
  if (query.mine) filters.push(allocatedTo(actor))
  if (query.stage) filters.push({ stage: query.stage })
  if (query.hearingWithinDays) filters.push({ id: { in: await caseIdsWithHearingWithin(query.hearingWithinDays, now) } })
  const q = query.q?.trim()
  if (q) {
    filters.push({
      OR: [
        caseReferenceWhere(q),
        // By the reference of a victim on the case, only a victim this user may see.
        { victims: { some: { victim: { AND: [{ reference: { startsWith: compact(q) } }, victimWhere(actor)] } } } },
      ],
    })
  }
  const where: Prisma.CaseWhereInput = { AND: filters }
  const total = await prisma.case.count({ where })
  const page = pageOf(query.page, total)
  const rows = await prisma.case.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      crimeReference: true,
      cpsUrn: true,
      stage: true,
      status: true,
      sentToCpsAt: true,
      police: { select: { name: true } },
      _count: { select: { victims: true } },
      allocations: { where: { endedAt: null, kind: 'oic' }, select: { user: { select: { name: true } } } },
    },
  })
  const next = await nextHearingOf(
    rows.map((r) => r.id),
    now,
  )
  return { total, page, pageSize: PAGE_SIZE, rows: rows.map((r) => ({ ...r, nextHearingAt: next.get(r.id) ?? null })) }
}

// ---- CPS: suspects awaiting a charging decision ------------------------------------------------

/**
 * CPS liaison's home list: every case sent to CPS that the user may see on which at least one
 * suspect's own path is with CPS awaiting a charging decision, naming those suspects, with the
 * other suspects' stages alongside. Newest case first, a page at a time. The stored case stage
 * narrows the cases through its index (CASE_STAGES_WITH_CHARGING_WAIT); their journals, read in
 * one query, say which suspects are awaiting.
 */
export async function listCasesAwaitingChargingDecision(actor: Actor, query: { page?: number; now?: Date } = {}) {
  const prisma = await db()
  const now = query.now ?? new Date()
  const cases = await prisma.case.findMany({
    where: { AND: [caseWhere(actor), { sentToCpsAt: { not: null }, stage: { in: [...CASE_STAGES_WITH_CHARGING_WAIT] } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      crimeReference: true,
      cpsUrn: true,
      police: { select: { name: true } },
      _count: { select: { victims: true } },
      allocations: { where: { endedAt: null, kind: 'oic' }, select: { user: { select: { name: true } } } },
      defendants: { orderBy: [{ createdAt: 'asc' }, { label: 'asc' }], select: { id: true, label: true } },
      events: { select: JOURNAL_SELECT },
    },
  })
  const awaiting = cases.flatMap(({ events, defendants, ...c }) => {
    const found = awaitingChargingDecision(events, defendants, now)
    return found ? [{ ...c, ...found }] : []
  })
  const total = awaiting.length
  const page = pageOf(query.page, total)
  return { total, page, pageSize: PAGE_SIZE, rows: awaiting.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) }
}

/** How many victims a home-page panel (visits due, missing children) looks at, at most. */
const HOME_PANEL_LIMIT = 300

/**
 * The victims a home-page panel covers: for an advocate, the open victims allocated to them; for a
 * manager, their organisation's open victims (referred victims are the referrer's to follow up).
 */
export async function homePanelVictims(actor: Actor) {
  const prisma = await db()
  const mine =
    actor.role === 'advocate'
      ? { allocations: { some: { endedAt: null, userId: actor.id } } }
      : { allocations: { some: { endedAt: null, organisationId: actor.organisationId } } }
  return prisma.victim.findMany({
    where: { AND: [victimWhere(actor), { status: 'open' }, mine] },
    select: { id: true, reference: true, firstName: true, lastName: true, preferredName: true },
    take: HOME_PANEL_LIMIT,
  })
}
