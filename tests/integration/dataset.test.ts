// The multi-agency data set against a real database: data built here in and around 2026-Q2
// (1 April to 30 June 2026, London time), every section's raw counts compared with counts computed
// directly in SQL; the published report withholds small numbers so none can be recovered from a
// total; the CSV holds no names or references (the victims' names made here are checked) and no
// formula from the data; each export is audited; and only managers get it (403 for the others).
import { beforeAll, describe, expect, test } from 'vitest'
import { toCsv } from '~/utils/csv'
import { ageBandOf, buildDataset, CSV_HEADER, datasetCsvRows, ethnicGroupOf, genderRowOf, quarterOf, type DatasetCounts } from '~/domain/review/dataset'
import { datasetCounts, datasetCsv, datasetReport } from '~/services/dataset.server'
import { db } from '~/services/db.server'
import { createCase, createOrganisation, createUser, createVictim, unique } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

const ip = '198.51.100.63'
const Q = quarterOf('2026-Q2')
const NOW = new Date('2026-11-29T12:00:00Z')
const IN = (day: string) => new Date(`2026-${day}T10:00:00Z`)
const BEFORE = new Date('2026-03-15T10:00:00Z')
const AFTER = new Date('2026-07-15T10:00:00Z')

let manager: TestActor, advocate: TestActor, officer: TestActor, cps: TestActor, admin: TestActor
const names: string[] = []
const references: string[] = []
let counts: DatasetCounts

type Row = Record<string, unknown>
const n = (v: unknown) => Number(v)

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  const voluntary = await createOrganisation({ kind: 'voluntary' })
  const support = await createOrganisation({ kind: 'voluntary' })
  manager = actor(await createUser({ role: 'manager', organisationId: voluntary.id }))
  advocate = actor(await createUser({ role: 'advocate', organisationId: voluntary.id }))
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  cps = actor(await createUser({ role: 'cps_liaison' }))
  admin = actor(await createUser({ role: 'admin' }))

  // Victims: created in the quarter (on its first instant too), before it (some with activity in it), and after it.
  const profiles: { created: Date; dob: string; gender: string | null; ethnicity: string | null }[] = [
    { created: Q.start, dob: '2014-03-01', gender: 'female', ethnicity: 'White British' },
    { created: IN('04-02'), dob: '2012-07-01', gender: 'female', ethnicity: 'white english' },
    { created: IN('04-10'), dob: '2011-06-30', gender: 'female', ethnicity: 'Black African' },
    { created: IN('04-20'), dob: '2010-06-29', gender: 'male', ethnicity: 'Pakistani' },
    { created: IN('05-01'), dob: '2009-01-01', gender: 'female', ethnicity: null },
    { created: IN('05-11'), dob: '2008-06-30', gender: 'female', ethnicity: 'White and Black Caribbean' },
    { created: IN('05-21'), dob: '2008-07-01', gender: 'non_binary', ethnicity: '=HYPERLINK("http://evil.example","x")' },
    { created: IN('06-01'), dob: '2013-02-02', gender: null, ethnicity: 'White British' },
    { created: IN('06-20'), dob: '2011-11-11', gender: 'female', ethnicity: 'White Irish' },
    { created: BEFORE, dob: '2010-01-05', gender: 'female', ethnicity: 'White British' }, // 9: a contact in the quarter
    { created: BEFORE, dob: '2012-01-05', gender: 'male', ethnicity: 'Indian' }, // 10: a visit in the quarter
    { created: BEFORE, dob: '2011-01-05', gender: 'female', ethnicity: 'White British' }, // 11: an event on their case in the quarter
    { created: BEFORE, dob: '2011-01-05', gender: 'female', ethnicity: 'White British' }, // 12: nothing in the quarter
    { created: Q.end, dob: '2012-01-05', gender: 'female', ethnicity: 'Black British' }, // 13: after the quarter
  ]
  const victims: string[] = []
  for (const p of profiles) {
    const firstName = `Zephyrine${unique('n')}`
    const v = await createVictim({ firstName, dateOfBirth: new Date(p.dob) })
    await prisma.victim.update({ where: { id: v.id }, data: { createdAt: p.created, gender: p.gender, ethnicity: p.ethnicity } })
    victims.push(v.id)
    names.push(firstName, v.lastName)
    references.push(v.reference)
  }

  // Cases at several stages; one created after the quarter. Victims are linked to them.
  const stages = ['investigation', 'investigation', 'investigation', 'charging_decision', 'trial', 'nfa', 'investigation', 'sentence']
  const cases: string[] = []
  for (const [i, stage] of stages.entries()) {
    const c = await createCase({ policeOrganisationId: police.id, stage, victimIds: [victims[i]!] })
    await prisma.case.update({ where: { id: c.id }, data: { createdAt: i === 7 ? AFTER : IN('04-05') } })
    cases.push(c.id)
    references.push(c.crimeReference)
  }
  await prisma.victimCase.createMany({
    data: [
      { victimId: victims[8]!, caseId: cases[0]! },
      { victimId: victims[11]!, caseId: cases[1]! },
      { victimId: victims[9]!, caseId: cases[2]! },
      { victimId: victims[13]!, caseId: cases[0]! }, // victim created after the quarter: not counted
    ],
  })

  // Journal: crime reports in the quarter (one corrected: counted once), one before, one after; outcomes.
  let k = 0
  const event = (caseId: string, type: string, occurredAt: Date, extra: Row = {}) =>
    prisma.journeyEvent.create({
      data: { caseId, type, occurredAt, recordedById: officer.id, idempotencyKey: `dataset-${++k}-${unique()}`, details: {}, ...extra },
    })
  for (const i of [0, 1, 2, 3, 4, 5]) await event(cases[i]!, 'crime_reported', IN('04-06'), { details: { reportedBy: 'victim' } })
  const wrong = await event(cases[6]!, 'crime_reported', IN('04-07'))
  await event(cases[6]!, 'crime_reported', IN('04-08'), { supersedesId: wrong.id, correctionReason: 'Wrong date' })
  await event(cases[1]!, 'crime_reported', BEFORE)
  await event(cases[7]!, 'crime_reported', AFTER)
  await event(cases[1]!, 'abe_interview', IN('05-05')) // activity for victim 11 (on case 1)
  for (const [i, outcome] of ['guilty_plea', 'guilty_plea', 'acquitted'].entries()) {
    await event(cases[4]!, 'case_outcome', IN('06-10'), {
      details: { outcome, ...(outcome === 'acquitted' ? { unsuccessfulReason: 'evidential' } : {}) },
      idempotencyKey: `out-${i}-${unique()}`,
    })
  }

  await prisma.contact.create({
    data: {
      victimId: victims[9]!,
      contactedAt: IN('05-15'),
      byUserId: advocate.id,
      method: 'phone',
      withWhom: 'victim',
      summary: 'Zephyrine said hello',
      idempotencyKey: unique(),
    },
  })

  // Visits: completed, did not happen (by reason), planned (not counted), one outside the quarter.
  const visit = (victimId: string, status: string, at: Date, notHappenedReason: string | null = null) =>
    prisma.visit.create({
      data: {
        victimId,
        organisationId: voluntary.id,
        recordedById: advocate.id,
        status,
        at,
        notHappenedReason,
        placeType: 'home',
        purpose: 'Check-in',
        idempotencyKey: unique(),
      },
    })
  for (const i of [0, 1, 2, 3, 4, 5, 10]) await visit(victims[i]!, 'completed', IN('05-20'))
  await visit(victims[0]!, 'not_happened', IN('05-22'), 'declined')
  await visit(victims[1]!, 'not_happened', IN('05-22'), 'declined')
  await visit(victims[2]!, 'not_happened', IN('05-23'), 'missing')
  await visit(victims[3]!, 'planned', IN('06-25'))
  await visit(victims[4]!, 'completed', AFTER)

  // Intelligence: created in the quarter; some submitted in it, one submitted after it.
  const intel = (victimId: string, createdAt: Date, status = 'new', reviewedAt: Date | null = null) =>
    prisma.intelligenceItem.create({
      data: {
        victimId,
        policeOrganisationId: police.id,
        authorId: advocate.id,
        authorOrganisationId: voluntary.id,
        subject: 'vehicle',
        detail: 'A car seen outside',
        sourceEvaluation: '1',
        intelligenceAssessment: 'A',
        handlingCode: 'P',
        status,
        reviewedAt,
        createdAt,
      },
    })
  for (const i of [0, 1, 2, 3, 4, 5]) await intel(victims[i]!, IN('04-15'), i < 3 ? 'submitted' : 'new', i < 3 ? IN('04-20') : null)
  await intel(victims[6]!, IN('06-29'), 'submitted', AFTER)
  await intel(victims[7]!, BEFORE)

  // Referrals: sent in the quarter (service types, statuses), closed in it (outcomes), one sent before it.
  const consent = await prisma.consent.create({ data: { victimId: victims[0]!, scope: 'support', sharedWith: 'support services', recordedById: advocate.id } })
  const referral = (victimId: string, serviceType: string, status: string, sentAt: Date, extra: Row = {}) =>
    prisma.referral.create({
      data: {
        victimId,
        fromOrganisationId: voluntary.id,
        toOrganisationId: support.id,
        serviceType,
        reason: 'Needs support',
        referredById: advocate.id,
        sharingBasis: 'consent',
        consentId: consent.id,
        status,
        sentAt,
        idempotencyKey: unique(),
        ...extra,
      },
    })
  for (const i of [0, 1, 2, 3, 4, 5]) await referral(victims[i]!, 'isva', i < 4 ? 'active' : 'sent', IN('04-12'))
  await referral(victims[6]!, 'counselling', 'declined', IN('04-12'))
  await referral(victims[7]!, 'counselling', 'closed', IN('04-12'), { closedAt: IN('06-01'), outcome: 'support_completed' })
  await referral(victims[8]!, 'family_support', 'closed', BEFORE, { closedAt: IN('05-01'), outcome: 'disengaged' })

  // Entitlements due in the quarter: met, met late, overdue (open), withdrawn (not counted), one due after it.
  const trigger = await event(cases[0]!, 'suspect_arrested', IN('04-09'))
  const entitlement = (right: number, owedBy: string, status: string, dueAt: Date, extra: Row = {}) =>
    prisma.entitlement.create({
      data: {
        victimId: victims[0]!,
        caseId: cases[0]!,
        ruleSetId: 'code-2020',
        ruleId: `rule-${unique()}`,
        right,
        triggerEventId: trigger.id,
        owedBy,
        dueBy: new Date(dueAt.toISOString().slice(0, 10)),
        dueAt,
        status,
        computedAt: dueAt,
        ...extra,
      },
    })
  for (let i = 0; i < 7; i++) await entitlement(6, 'police', 'met', IN('04-20'))
  for (let i = 0; i < 2; i++) await entitlement(6, 'police', 'met_late', IN('04-21'))
  for (let i = 0; i < 6; i++) await entitlement(6, 'witness_care', 'met', IN('05-20'))
  await entitlement(6, 'witness_care', 'open', IN('05-25'))
  for (let i = 0; i < 5; i++) await entitlement(7, 'cps', 'open', IN('06-25'))
  await entitlement(7, 'cps', 'open', IN('06-25'), { withdrawnAt: IN('06-26') })
  await entitlement(7, 'cps', 'met', AFTER)

  counts = await datasetCounts(Q, NOW)
})

/** An SQL count as a record keyed by the first column. */
async function grouped(query: Promise<Row[]>): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const row of await query) out[String(row.k)] = n(row.n)
  return out
}

describe('each section equals a count computed directly in SQL', () => {
  test('the active rule set id used by the test data is the one the service counts', async () => {
    const { ACTIVE_RULE_SETS } = await import('~/domain/entitlements/rules')
    expect(ACTIVE_RULE_SETS.map((r) => r.id)).toContain('code-2020')
  })

  test('cases and victims by stage (cases created by the quarter end, stage now)', async () => {
    const prisma = await db()
    const cases = await grouped(prisma.$queryRaw<Row[]>`SELECT stage AS k, count(*) AS n FROM "Case" WHERE "createdAt" < ${Q.end} GROUP BY stage`)
    const victims = await grouped(prisma.$queryRaw<Row[]>`
      SELECT c.stage AS k, count(*) AS n FROM "VictimCase" vc JOIN "Case" c ON c.id = vc."caseId" JOIN "Victim" v ON v.id = vc."victimId"
      WHERE c."createdAt" < ${Q.end} AND v."createdAt" < ${Q.end} GROUP BY c.stage`)
    expect(counts.casesByStage).toEqual(cases)
    expect(counts.victimsByStage).toEqual(victims)
    expect(cases).toEqual({ investigation: 4, charging_decision: 1, trial: 1, nfa: 1 })
    expect(victims).toEqual({ investigation: 7, charging_decision: 1, trial: 1, nfa: 1 })
  })

  test('new victims and reports', async () => {
    const prisma = await db()
    const [{ n: victims }] = await prisma.$queryRaw<[Row]>`SELECT count(*) AS n FROM "Victim" WHERE "createdAt" >= ${Q.start} AND "createdAt" < ${Q.end}`
    const [{ n: reports }] = await prisma.$queryRaw<[Row]>`
      SELECT count(*) AS n FROM "JourneyEvent" e WHERE e.type = 'crime_reported' AND e."occurredAt" >= ${Q.start} AND e."occurredAt" < ${Q.end}
        AND e.id NOT IN (SELECT "supersedesId" FROM "JourneyEvent" WHERE "supersedesId" IS NOT NULL)`
    expect(counts.newVictims).toBe(n(victims))
    expect(counts.newReports).toBe(n(reports))
    expect([counts.newVictims, counts.newReports]).toEqual([9, 7])
  })

  test('visits completed and not happened, by reason', async () => {
    const prisma = await db()
    const rows = await grouped(prisma.$queryRaw<Row[]>`
      SELECT CASE WHEN status = 'completed' THEN 'completed' ELSE "notHappenedReason" END AS k, count(*) AS n
      FROM "Visit" WHERE at >= ${Q.start} AND at < ${Q.end} AND status IN ('completed', 'not_happened') GROUP BY 1`)
    expect({ completed: counts.visitsCompleted, ...counts.visitsNotHappened }).toEqual(rows)
    expect(rows).toEqual({ completed: 7, declined: 2, missing: 1 })
  })

  test('intelligence created and submitted', async () => {
    const prisma = await db()
    const [row] = await prisma.$queryRaw<[Row]>`
      SELECT count(*) FILTER (WHERE "createdAt" >= ${Q.start} AND "createdAt" < ${Q.end}) AS created,
             count(*) FILTER (WHERE status = 'submitted' AND "reviewedAt" >= ${Q.start} AND "reviewedAt" < ${Q.end}) AS submitted
      FROM "IntelligenceItem"`
    expect([counts.intelligenceCreated, counts.intelligenceSubmitted]).toEqual([n(row.created), n(row.submitted)])
    expect([counts.intelligenceCreated, counts.intelligenceSubmitted]).toEqual([7, 3])
  })

  test('support referrals by service type, status and outcome', async () => {
    const prisma = await db()
    const inQ = (col: string) => `"${col}" >= '${Q.start.toISOString()}' AND "${col}" < '${Q.end.toISOString()}'`
    const bySql = (k: string, where: string) =>
      grouped(prisma.$queryRawUnsafe<Row[]>(`SELECT ${k} AS k, count(*) AS n FROM "Referral" WHERE ${where} GROUP BY 1`))
    expect(counts.referralsByService).toEqual(await bySql('"serviceType"', inQ('sentAt')))
    expect(counts.referralsByStatus).toEqual(await bySql('status', inQ('sentAt')))
    expect(counts.referralOutcomes).toEqual(await bySql(`coalesce(outcome, 'other')`, `status = 'closed' AND ${inQ('closedAt')}`))
    expect(counts.referralsByService).toEqual({ isva: 6, counselling: 2 })
    expect(counts.referralOutcomes).toEqual({ support_completed: 1, disengaged: 1 })
  })

  test("Victims' Code compliance by right and agency", async () => {
    const prisma = await db()
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT "right", "owedBy",
        count(*) FILTER (WHERE status = 'met') AS met,
        count(*) FILTER (WHERE status = 'met_late') AS late,
        count(*) FILTER (WHERE status = 'open' AND "dueAt" <= ${NOW}) AS overdue
      FROM "Entitlement" WHERE "withdrawnAt" IS NULL AND "dueAt" >= ${Q.start} AND "dueAt" < ${Q.end} GROUP BY 1, 2`
    const expected = rows.map((r) => ({ right: n(r.right), owedBy: String(r.owedBy), met: n(r.met), metLate: n(r.late), overdue: n(r.overdue) }))
    const key = (r: { right: number; owedBy: string }) => `${r.right}:${r.owedBy}`
    const sort = <T extends { right: number; owedBy: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)))
    expect(sort(counts.compliance)).toEqual(sort(expected))
    expect(sort(counts.compliance)).toEqual([
      { right: 6, owedBy: 'police', met: 7, metLate: 2, overdue: 0 },
      { right: 6, owedBy: 'witness_care', met: 6, metLate: 0, overdue: 1 },
      { right: 7, owedBy: 'cps', met: 0, metLate: 0, overdue: 5 },
    ])
  })

  test('prosecution outcomes: case outcome events while no case is reviewed, then the reviews', async () => {
    const prisma = await db()
    const events = await grouped(prisma.$queryRaw<Row[]>`
      SELECT details->>'outcome' AS k, count(*) AS n FROM "JourneyEvent" e
      WHERE type = 'case_outcome' AND "occurredAt" >= ${Q.start} AND "occurredAt" < ${Q.end}
        AND NOT EXISTS (SELECT 1 FROM "JourneyEvent" s WHERE s."supersedesId" = e.id) GROUP BY 1`)
    expect(counts.prosecution).toEqual({ source: 'case_outcome', counts: events })
    expect(events).toEqual({ guilty_plea: 2, acquitted: 1 })

    const caseIds = (await prisma.case.findMany({ select: { id: true }, take: 3, orderBy: { createdAt: 'asc' } })).map((c) => c.id)
    const outcomes = ['successful', 'successful', 'no_prosecution']
    for (const [i, caseId] of caseIds.entries()) {
      await prisma.caseReview.create({ data: { caseId, finalisedAt: i === 2 ? AFTER : IN('06-15'), outcome: outcomes[i]!, factors: {} } })
    }
    const reviews = await grouped(prisma.$queryRaw<Row[]>`
      SELECT outcome AS k, count(*) AS n FROM "CaseReview" WHERE "finalisedAt" >= ${Q.start} AND "finalisedAt" < ${Q.end} GROUP BY 1`)
    const again = await datasetCounts(Q, NOW)
    expect(again.prosecution).toEqual({ source: 'case_review', counts: reviews })
    expect(reviews).toEqual({ successful: 2 })
    await prisma.caseReview.deleteMany({})
  })

  test('demographics of the victims with activity in the quarter', async () => {
    const prisma = await db()
    const active = await prisma.$queryRaw<{ dateOfBirth: Date; gender: string | null; ethnicity: string | null }[]>`
      SELECT "dateOfBirth", gender, ethnicity FROM "Victim" WHERE "createdAt" < ${Q.end} AND id IN (
        SELECT id FROM "Victim" WHERE "createdAt" >= ${Q.start} AND "createdAt" < ${Q.end}
        UNION SELECT "victimId" FROM "JourneyEvent" WHERE "victimId" IS NOT NULL AND "occurredAt" >= ${Q.start} AND "occurredAt" < ${Q.end}
        UNION SELECT vc."victimId" FROM "VictimCase" vc JOIN "JourneyEvent" j ON j."caseId" = vc."caseId" WHERE j."occurredAt" >= ${Q.start} AND j."occurredAt" < ${Q.end}
        UNION SELECT "victimId" FROM "Contact" WHERE "contactedAt" >= ${Q.start} AND "contactedAt" < ${Q.end}
        UNION SELECT "victimId" FROM "Visit" WHERE at >= ${Q.start} AND at < ${Q.end}
        UNION SELECT "victimId" FROM "Referral" WHERE "sentAt" >= ${Q.start} AND "sentAt" < ${Q.end})`
    expect(active).toHaveLength(12)
    const tally = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {})
    const bands = tally(active.map((v) => ageBandOf(v.dateOfBirth.toISOString().slice(0, 10), Q.lastDay)))
    expect(Object.fromEntries(Object.entries(counts.ageBands).filter(([, v]) => v > 0))).toEqual(bands)
    expect(counts.genders).toEqual(tally(active.map((v) => genderRowOf(v.gender))))
    expect(counts.ethnicGroups).toEqual(tally(active.map((v) => ethnicGroupOf(v.ethnicity))))
    // Born 30 June 2008: 18 on the quarter's last day; born 1 July 2008: still 17.
    expect(bands.age_18_plus).toBe(1)
  })
})

describe('the published report', () => {
  test('no cell under the threshold is shown and none can be recovered from a total', async () => {
    for (const threshold of [5, 3, 10]) {
      const dataset = buildDataset(counts, Q, threshold)
      for (const s of dataset.sections) {
        const rows = [...s.rows, ...(s.total ? [s.total] : [])]
        for (const row of rows) for (const v of row.values) if (v !== null) expect(v === 0 || v >= threshold, `${s.id}: ${row.label} = ${v}`).toBe(true)
        if (!s.total) continue
        s.columns.forEach((_, i) => {
          const column = rows.map((r) => r.values[i])
          expect(column.filter((v) => v === null).length, `${s.id} column ${i} at ${threshold}`).not.toBe(1)
        })
        // Tables with a row total (compliance): no row has exactly one withheld value either.
        if (s.columns.at(-1) === 'Total') for (const row of rows) expect(row.values.filter((v) => v === null).length).not.toBe(1)
      }
    }
  })

  test('the threshold comes from the report setting', async () => {
    const prisma = await db()
    await prisma.reportSetting.upsert({ where: { id: 'default' }, create: { suppressionThreshold: 8 }, update: { suppressionThreshold: 8 } })
    const dataset = await datasetReport(manager, Q, { ip, format: 'page', now: NOW })
    expect(dataset.threshold).toBe(8)
    const visits = dataset.sections.find((s) => s.id === 'visits')!
    // 7 completed is under 8: withheld, so is a second cell in the column.
    expect(visits.rows[0]!.values).toEqual([null])
    await prisma.reportSetting.update({ where: { id: 'default' }, data: { suppressionThreshold: 5 } })
  })
})

describe('exports', () => {
  test('the CSV has the header, counts, and no names, references or free text', async () => {
    const csv = await datasetCsv(manager, Q, { ip, now: NOW })
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(CSV_HEADER.join(','))
    expect(lines).toContain('2026-Q2,Cases and victims by stage,Investigation,Victims,7')
    expect(lines).toContain('2026-Q2,New victims and reports,Crimes reported,Number,7')
    for (const secret of [...names, ...references, 'Zephyrine', 'HYPERLINK', 'evil.example', 'A car seen outside', 'Needs support', 'Check-in']) {
      expect(csv).not.toContain(secret)
    }
    // No unquoted field starts like a formula.
    for (const line of lines) for (const field of line.split(',')) expect(field).not.toMatch(/^[=+\-@]/)
  })

  test('a cell starting with = is neutralised on the way out', () => {
    const dataset = buildDataset(counts, Q, 5)
    dataset.sections[0]!.rows[0]!.label = '=1+1'
    const csv = toCsv(CSV_HEADER, datasetCsvRows(dataset))
    expect(csv).toContain(",'=1+1,")
    expect(csv).not.toMatch(/,=1\+1,/)
  })

  test('every export is audited with its quarter and format', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count({ where: { action: 'dataset.export' } })
    await datasetCsv(manager, Q, { ip, now: NOW })
    await datasetReport(manager, Q, { ip, format: 'page', now: NOW })
    const rows = await prisma.auditEvent.findMany({ where: { action: 'dataset.export' }, orderBy: { seq: 'asc' }, skip: before })
    expect(rows.map((r) => ({ actorId: r.actorId, entityType: r.entityType, ip: r.ip, details: r.details }))).toEqual([
      { actorId: manager.id, entityType: 'dataset', ip, details: { quarter: '2026-Q2', format: 'csv', threshold: 5 } },
      { actorId: manager.id, entityType: 'dataset', ip, details: { quarter: '2026-Q2', format: 'page', threshold: 5 } },
    ])
  })

  test('advocates, officers, CPS liaison and administrators are refused (403) and nothing is audited', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count({ where: { action: 'dataset.export' } })
    for (const a of [advocate, officer, cps, admin]) {
      expect(await status(() => datasetReport(a, Q, { ip, format: 'page', now: NOW })), a.role).toBe(403)
      expect(await status(() => datasetCsv(a, Q, { ip, now: NOW })), a.role).toBe(403)
    }
    expect(await prisma.auditEvent.count({ where: { action: 'dataset.export' } })).toBe(before)
  })
})
