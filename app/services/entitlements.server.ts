// Stored Victims' Code entitlements. recomputeEntitlements() runs inside the
// transaction of every change that can move one — a journal event or correction, a contact, a
// victim linked to a case, an offence or date of birth edited — so the rows are never behind
// the records they come from. Only the due → overdue move happens with time, and readers decide
// it from dueAt (see entitlementStatusNow), so nothing has to run at midnight.
import { dateValueOf, endOfLondonDay, isoDateOf, type IsoDate } from '~/domain/calendar/working-days'
import { complianceStatusAt, type StoredEntitlement } from '~/domain/entitlements/compliance'
import { evaluateEntitlements, type EntitlementStatus } from '~/domain/entitlements/engine'
import { currentVersionOf, entitlementsInputFor, metSource, withOverrides } from '~/domain/entitlements/from-records'
import { effectiveJournal, type JournalEvent } from '~/domain/journey/journal'
import { ACTIVE_RULE_SETS, findRule, type Owner, type RuleSet } from '~/domain/entitlements/rules'
import type { Prisma } from '~/generated/prisma/client'
import { db } from './db.server'

type Tx = Prisma.TransactionClient


/** England & Wales bank holidays as the administrators keep them (a few dozen rows). */
export async function loadHolidays(tx: Tx): Promise<Set<IsoDate>> {
  const rows = await tx.bankHoliday.findMany({ select: { date: true } })
  return new Set(rows.map((r) => isoDateOf(r.date)))
}

/** The active rule sets with administrators' deadline changes applied. */
export async function loadRuleSets(tx: Tx): Promise<RuleSet[]> {
  const overrides = await tx.ruleDeadlineOverride.findMany({ where: { ruleSetId: { in: ACTIVE_RULE_SETS.map((r) => r.id) } } })
  return ACTIVE_RULE_SETS.map((rs) => withOverrides(rs, overrides.filter((o) => o.ruleSetId === rs.id)))
}

interface Calendar {
  holidays: ReadonlySet<IsoDate>
  ruleSets: readonly RuleSet[]
}

/**
 * Recompute the entitlements of the victims on one case (all of them, or only `victimIds`), in
 * the caller's transaction. Rows whose trigger is corrected away, or whose rule no longer applies,
 * are withdrawn rather than deleted: a complaint may refer to them.
 */
export async function recomputeEntitlements(tx: Tx, caseId: string, options: { victimIds?: readonly string[]; now?: Date; calendar?: Calendar } = {}) {
  await recomputeEntitlementsOfCases(tx, [caseId], options)
}

/**
 * The victims' contacts about any event of these cases, each with all the events it is about. One
 * join from the cases' events, not a Prisma relation filter: that one was an EXISTS per contact
 * of the victims and took two thirds of a second per batch at 10,000 victims (docs/performance.md).
 */
async function contactsAboutCases(tx: Tx, caseIds: readonly string[], victimIds: readonly string[]) {
  if (victimIds.length === 0) return []
  return tx.$queryRaw<{ id: string; victimId: string; contactedAt: Date; eventIds: string[] }[]>`
    SELECT c."id", c."victimId", c."contactedAt", array_agg(ce."eventId" ORDER BY ce."eventId") AS "eventIds"
    FROM "Contact" c JOIN "ContactEvent" ce ON ce."contactId" = c."id"
    WHERE c."victimId" = ANY(${[...victimIds]}::text[]) AND c."id" IN (
      SELECT l."contactId" FROM "ContactEvent" l JOIN "JourneyEvent" e ON e."id" = l."eventId" WHERE e."caseId" = ANY(${[...caseIds]}::text[])
    )
    GROUP BY c."id" ORDER BY c."contactedAt", c."id"`
}

/**
 * recomputeEntitlements for many cases at once: five queries load every case's records, the
 * engine runs per case and victim, and new rows go in one INSERT. The full recompute and the
 * large seed use it; one query per case made 12,000 cases take minutes (docs/performance.md).
 */
export async function recomputeEntitlementsOfCases(
  tx: Tx,
  caseIds: readonly string[],
  options: { victimIds?: readonly string[]; now?: Date; calendar?: Calendar } = {},
): Promise<{ created: number; updated: number }> {
  const now = options.now ?? new Date()
  const cases = await tx.case.findMany({
    where: { id: { in: [...caseIds] } },
    select: {
      id: true,
      policeOrganisationId: true,
      cpsOrganisationId: true,
      witnessCareOrganisationId: true,
      victims: {
        where: options.victimIds ? { victimId: { in: [...options.victimIds] } } : {},
        select: { victim: { select: { id: true, dateOfBirth: true, manualEnhancedGrounds: true } } },
      },
    },
  })
  if (cases.length === 0) return { created: 0, updated: 0 }
  const ids = cases.map((c) => c.id)
  const victimIds = [...new Set(cases.flatMap((c) => c.victims.map((v) => v.victim.id)))]
  const [calendar, offenceRows, journalRows, contactRows, existingRows] = await Promise.all([
    options.calendar ?? loadHolidays(tx).then(async (holidays) => ({ holidays, ruleSets: await loadRuleSets(tx) })),
    tx.offence.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, victimId: true, category: true, committedFrom: true } }),
    // The two big reads (about 25 rows a case each) as plain SQL: Prisma's findMany spent twice as
    // long turning the same rows into objects (measured at 10,000 victims, docs/performance.md).
    tx.$queryRaw<(JournalEvent & { caseId: string })[]>`
      SELECT "id", "type", "occurredAt", "recordedAt", "receivedAt", "defendantId", "victimId", "details", "supersedesId", "caseId"
      FROM "JourneyEvent" WHERE "caseId" = ANY(${ids}::text[])`,
    contactsAboutCases(tx, ids, victimIds),
    tx.$queryRaw<Row[]>`
      SELECT "id", "victimId", "caseId", "ruleSetId", "ruleId", "triggerEventId", "right", "defendantId", "owedBy", "owedByOrganisationId",
        "dueBy", "dueAt", "status", "metAt", "metByContactId", "metByEventId", "withdrawnAt"
      FROM "Entitlement" WHERE "caseId" = ANY(${ids}::text[]) AND "victimId" = ANY(${victimIds}::text[])`,
  ])
  const byCase = <T extends { caseId: string }>(rows: T[]) => {
    const out = new Map<string, T[]>()
    for (const r of rows) {
      const list = out.get(r.caseId)
      if (list) list.push(r)
      else out.set(r.caseId, [r])
    }
    return out
  }
  const offencesOf = byCase(offenceRows)
  const journalOf = byCase(journalRows)
  const existingOf = byCase(existingRows)
  const caseOfEvent = new Map(journalRows.map((e) => [e.id, e.caseId]))
  // A contact counts on a case when it is about one of that case's events (as the one-case query asked).
  const contactsOf = new Map<string, typeof contactRows>()
  for (const c of contactRows) {
    for (const caseId of new Set(c.eventIds.map((id) => caseOfEvent.get(id)).filter((x) => x !== undefined))) {
      const list = contactsOf.get(caseId)
      if (list) list.push(c)
      else contactsOf.set(caseId, [c])
    }
  }

  const fresh: Prisma.EntitlementCreateManyInput[] = []
  let updated = 0
  for (const kase of cases) {
    const offences = offencesOf.get(kase.id) ?? []
    const journal = journalOf.get(kase.id) ?? []
    const orgFor: Record<Owner, string | null> = {
      police: kase.policeOrganisationId,
      cps: kase.cpsOrganisationId,
      witness_care: kase.witnessCareOrganisationId,
      probation: null,
    }
    const wanted = new Map<string, Prisma.EntitlementCreateManyInput>()
    // Worked out once a case, not once for each entitlement met (metSource).
    const current = currentVersionOf(journal)
    const effective = effectiveJournal(journal)
    for (const { victim } of kase.victims) {
      const contacts = (contactsOf.get(kase.id) ?? [])
        .filter((c) => c.victimId === victim.id)
        .map((c) => ({ id: c.id, contactedAt: c.contactedAt, eventIds: c.eventIds }))
      for (const ruleSet of calendar.ruleSets) {
        const input = entitlementsInputFor({ asOf: now, victim, offences, journal, contacts, ruleSet })
        const result = evaluateEntitlements(input, ruleSet, calendar.holidays)
        for (const e of result.entitlements) {
          const rule = findRule(ruleSet, e.rule)!
          const source = e.metAt ? metSource(rule, e.trigger, e.metAt, { journal, contacts, current, effective }) : {}
          wanted.set(`${victim.id}|${ruleSet.id}|${e.rule}|${e.trigger}`, {
            victimId: victim.id,
            caseId: kase.id,
            ruleSetId: ruleSet.id,
            ruleId: e.rule,
            right: e.right,
            triggerEventId: e.trigger,
            defendantId: e.defendant ?? null,
            owedBy: e.owedBy,
            owedByOrganisationId: orgFor[e.owedBy],
            dueBy: dateValueOf(e.dueBy),
            dueAt: endOfLondonDay(e.dueBy),
            status: e.status === 'met' || e.status === 'met_late' ? e.status : 'open',
            metAt: e.metAt ? new Date(e.metAt) : null,
            metByContactId: source.contactId ?? null,
            metByEventId: source.eventId ?? null,
            withdrawnAt: null,
            computedAt: now,
          })
        }
      }
    }

    const seen = new Set<string>()
    for (const row of existingOf.get(kase.id) ?? []) {
      const key = `${row.victimId}|${row.ruleSetId}|${row.ruleId}|${row.triggerEventId}`
      const want = wanted.get(key)
      seen.add(key)
      if (!want) {
        if (!row.withdrawnAt) {
          await tx.entitlement.update({ where: { id: row.id }, data: { withdrawnAt: now, computedAt: now } })
          updated += 1
        }
        continue
      }
      if (!sameRow(row, want)) {
        const { victimId: _v, caseId: _c, ruleSetId: _r, ruleId: _ru, triggerEventId: _t, ...changes } = want
        await tx.entitlement.update({ where: { id: row.id }, data: changes })
        updated += 1
      }
    }
    for (const [key, want] of wanted) if (!seen.has(key)) fresh.push(want)
  }
  // Prisma splits a createMany past PostgreSQL's 32,767 bind parameters (about 1,700 rows here) into
  // INSERTs it sends all at once, which queue on the transaction's one connection: node-postgres
  // warns that this is deprecated, and pg 9 refuses it. Chunks under the limit go one at a time.
  for (let i = 0; i < fresh.length; i += INSERT_ROWS) await tx.entitlement.createMany({ data: fresh.slice(i, i + INSERT_ROWS) })
  return { created: fresh.length, updated }
}

const INSERT_ROWS = 1000

/** What the recompute reads of a stored row: its key and what sameRow compares. */
type Row = Omit<Prisma.EntitlementGetPayload<object>, 'computedAt'>
const time = (d: Date | string | null | undefined) => (d instanceof Date ? d.getTime() : d ? new Date(d).getTime() : null)

function sameRow(row: Row, want: Prisma.EntitlementCreateManyInput): boolean {
  return (
    row.right === want.right &&
    row.defendantId === want.defendantId &&
    row.owedBy === want.owedBy &&
    row.owedByOrganisationId === want.owedByOrganisationId &&
    time(row.dueBy) === time(want.dueBy) &&
    time(row.dueAt) === time(want.dueAt) &&
    row.status === want.status &&
    time(row.metAt) === time(want.metAt) &&
    row.metByContactId === want.metByContactId &&
    row.metByEventId === want.metByEventId &&
    row.withdrawnAt === null
  )
}

const RECOMPUTE_BATCH = 1000
const RECOMPUTE_CONCURRENCY = 2

/** Every victim's entitlements on every case that has any journal, a batch of cases at a time. */
export async function recomputeAllEntitlements(options: { now?: Date } = {}): Promise<{ cases: number }> {
  const prisma = await db()
  const cases = await prisma.case.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  const calendar = await prisma.$transaction(async (tx) => ({ holidays: await loadHolidays(tx), ruleSets: await loadRuleSets(tx) }))
  // A thousand cases to a transaction (250 took 11.3 s at 10,000 victims, 1,000 took 9.4 s: fewer
  // round trips and queries to compile), two at a time so that one is computed in Node while the
  // database answers the other; never one transaction, and so never one long lock, for the caseload.
  const batches: string[][] = []
  for (let i = 0; i < cases.length; i += RECOMPUTE_BATCH) batches.push(cases.slice(i, i + RECOMPUTE_BATCH).map((c) => c.id))
  const run = async () => {
    for (let ids = batches.shift(); ids; ids = batches.shift()) {
      await prisma.$transaction((tx) => recomputeEntitlementsOfCases(tx, ids, { now: options.now, calendar }), { timeout: 120_000 })
    }
  }
  await Promise.all(Array.from({ length: RECOMPUTE_CONCURRENCY }, run))
  return { cases: cases.length }
}

/** Recompute a victim's entitlements on each of their cases (a contact or their own details changed). */
export async function recomputeVictimEntitlements(tx: Tx, victimId: string, now?: Date) {
  const links = await tx.victimCase.findMany({ where: { victimId }, select: { caseId: true } })
  for (const l of links) await recomputeEntitlements(tx, l.caseId, { victimIds: [victimId], now })
}

/** The status of a stored row now: open rows are due or overdue by the clock (complianceStatusAt). */
export function entitlementStatusNow(row: StoredEntitlement, now: Date = new Date()): EntitlementStatus {
  const status = complianceStatusAt(row, now)
  return status === 'due_today' || status === 'due_later' ? 'due' : status
}

/** Is today, in London, the last day of an open row? */
export const isDueToday = (row: StoredEntitlement, now: Date = new Date()) => complianceStatusAt(row, now) === 'due_today'
