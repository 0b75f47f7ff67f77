// How many SQL statements each main page runs, on a victim as heavy as the busiest of a region
// (seed:large): four cases of 25 journal events each, recorded through the journal service so their
// entitlements exist, with contacts and visits. Each page has a budget, today's measured count; a
// page that needs more fails here. A list's count must not grow with its rows (no query per row).
// docs/performance.md keeps the table of today's numbers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordContact } from '~/services/contacts.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { countStatements } from '~/services/query-count.server'
import { type TestActor, actor } from '#tests/setup/actors'
import { request, sessionCookieFor } from '#tests/setup/app-harness'
import { allocate, createCase, createOrganisation, createUser, createVictim, createVictimOnCase, createVisit, recordArrest, unique } from '#tests/setup/world'

/** The statements each page may run: what it runs today. The pages are to come down to 15 or fewer. */
const BUDGETS = {
  'victim page': 77,
  'case page': 47,
  'victim list (open)': 9,
  'case list (stage)': 9,
  'compliance page': 16,
  'compliance drill-down (overdue)': 17,
  'review dashboard': 14,
  'advocate home': 20,
  'officer home': 16,
  'CPS liaison home': 15,
  'manager home': 25,
  'police manager home': 29,
} satisfies Record<string, number>
type Page = keyof typeof BUDGETS

const ip = '198.51.100.40'
const days = (n: number) => new Date(Date.now() - n * 86_400_000)

let advocate: TestActor, officer: TestActor, cps: TestActor, manager: TestActor, policeManager: TestActor
let service: string, police: string, cpsArea: string
let victimId: string, victimReference: string, caseIds: string[], crimeReference: string
const cookies = new Map<string, string>()

async function record(caseId: string, input: Record<string, unknown>): Promise<string> {
  const result = await recordJourneyEvent(officer, caseId, { details: {}, ...input }, unique('event'), ip)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.eventId
}

/** 25 events of a case about one victim: report, strategy, interviews and five suspects on bail. */
async function journey(caseId: string, start: number): Promise<string[]> {
  const prisma = await db()
  const at = (offset: number) => days(start - offset)
  const ids = [
    await record(caseId, { type: 'crime_reported', occurredAt: at(0), victimId, details: { reportedBy: 'professional' } }),
    await record(caseId, { type: 'crime_recorded', occurredAt: at(1) }),
    await record(caseId, { type: 'needs_assessment_completed', occurredAt: at(2), victimId, details: { assessedBy: 'police', enhancedRightsIdentified: true } }),
    await record(caseId, { type: 'abe_interview', occurredAt: at(3), victimId, details: { interviewer: 'DC Invented', intermediaryPresent: false } }),
  ]
  for (let i = 0; i < 3; i++) {
    ids.push(await record(caseId, { type: 'strategy_discussion', occurredAt: at(4 + i), details: { agencies: ['police', 'childrens_social_care'] } }))
  }
  for (const label of ['A', 'B', 'C', 'D', 'E']) {
    const suspect = await prisma.defendant.create({ data: { caseId, label: `Suspect ${label}` } })
    const defendantId = suspect.id
    ids.push(await record(caseId, { type: 'suspect_arrested', occurredAt: at(8), defendantId }))
    ids.push(await record(caseId, { type: 'suspect_interviewed', occurredAt: at(9), defendantId, details: { interviewType: 'in_custody' } }))
    ids.push(await record(caseId, { type: 'suspect_bailed', occurredAt: at(10), defendantId, details: { bailEndDate: days(-30), conditions: 'No contact with the victim.' } }))
  }
  for (let i = 0; i < 2; i++) {
    const defendant = await prisma.defendant.findFirstOrThrow({ where: { caseId, label: 'Suspect A' } })
    ids.push(await record(caseId, { type: 'bail_conditions_changed', occurredAt: at(12 + i), defendantId: defendant.id, details: { change: 'varied', conditions: `Varied ${i + 1}.` } }))
  }
  ids.push(await record(caseId, { type: 'file_to_cps', occurredAt: at(15), details: { requestType: 'full_code_test' } }))
  return ids
}

async function cookieOf(user: TestActor): Promise<string> {
  let cookie = cookies.get(user.id)
  if (!cookie) cookies.set(user.id, (cookie = await sessionCookieFor(user.id)))
  return cookie
}

/** The statements one GET of `path` runs, as `user`, after a first view (caches, page-view audit), and its HTML. */
async function measure(user: TestActor, path: string, expected?: string): Promise<{ statements: number; html: string }> {
  const cookie = await cookieOf(user)
  const get = async () => {
    const response = await request(path, { cookie })
    return { status: response.status, html: await response.text() }
  }
  await get()
  const { result, statements } = await countStatements(get)
  expect(result.status, `${path} answered ${result.status}`).toBe(200)
  if (expected) expect(result.html).toContain(expected)
  return { statements, html: result.html }
}

const statementsOf = async (user: TestActor, path: string, expected?: string) => (await measure(user, path, expected)).statements
const tableRows = (html: string) => html.split('<tr').length - 1
/** The compliance drill-down over the fixture's whole history (by default it shows 28 days either side of today). */
const drillDown = () => `/compliance?status=overdue&from=${days(365).toISOString().slice(0, 10)}`
const ROW = 'class="govuk-table__row"'

beforeAll(async () => {
  police = (await createOrganisation({ kind: 'police' })).id
  cpsArea = (await createOrganisation({ kind: 'cps' })).id
  service = (await createOrganisation({ kind: 'voluntary' })).id
  advocate = actor(await createUser({ role: 'advocate', organisationId: service }))
  manager = actor(await createUser({ role: 'manager', organisationId: service }))
  officer = actor(await createUser({ role: 'officer', organisationId: police }))
  policeManager = actor(await createUser({ role: 'manager', organisationId: police }))
  cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsArea }))

  const victim = await createVictim()
  victimId = victim.id
  victimReference = victim.reference
  await allocate({ victimId, userId: advocate.id, kind: 'lead_advocate' })
  await allocate({ victimId, organisationId: service, kind: 'service' })
  caseIds = []
  const events: string[] = []
  for (let c = 0; c < 4; c++) {
    const kase = await createCase({ policeOrganisationId: police, cpsOrganisationId: cpsArea, victimIds: [victimId] })
    caseIds.push(kase.id)
    crimeReference = kase.crimeReference
    await allocate({ caseId: kase.id, userId: officer.id, kind: 'oic' })
    events.push(...(await journey(kase.id, 120 - c * 20)))
  }
  for (let i = 0; i < 10; i++) {
    const told = await recordContact(
      advocate,
      victimId,
      { contactedAt: days(40 - i), method: 'phone', withWhom: 'victim', summary: 'Told her what happened.', eventIds: [events[i * 10]!] },
      unique('contact'),
      ip,
    )
    if (!told.ok) throw new Error(JSON.stringify(told.issues))
  }
  for (let i = 0; i < 6; i++) await createVisit({ victimId, organisationId: service, recordedById: advocate.id, at: days(30 - i * 5) })
}, 300_000)

describe('statements per page, against each page’s budget', () => {
  const measured: Partial<Record<Page, number>> = {}
  const pages: [Page, () => TestActor, () => string, () => string | undefined][] = [
    ['victim page', () => advocate, () => `/victims/${victimId}`, () => victimReference],
    ['case page', () => officer, () => `/cases/${caseIds[3]}`, () => crimeReference],
    ['victim list (open)', () => advocate, () => '/victims?status=open', () => victimReference],
    ['case list (stage)', () => officer, () => '/cases?stage=charging_decision', () => crimeReference],
    ['compliance page', () => policeManager, () => '/compliance', () => undefined],
    ['compliance drill-down (overdue)', () => policeManager, drillDown, () => ROW],
    ['review dashboard', () => cps, () => '/review', () => undefined],
    ['advocate home', () => advocate, () => '/', () => victimReference],
    ['officer home', () => officer, () => '/', () => crimeReference],
    ['CPS liaison home', () => cps, () => '/', () => undefined],
    ['manager home', () => manager, () => '/', () => undefined],
    ['police manager home', () => policeManager, () => '/', () => undefined],
  ]
  test.each(pages)('%s', { timeout: 60_000 }, async (page, user, path, expected) => {
    measured[page] = await statementsOf(user(), path(), expected())
    expect(measured[page]).toBeLessThanOrEqual(BUDGETS[page])
  })
  afterAll(() => console.log(`statements per page: ${JSON.stringify(measured)}`))
})

describe('a list runs no query per row', () => {
  const lists: [string, () => TestActor, () => string][] = [
    ['victim list', () => advocate, () => '/victims?status=open'],
    ['case list', () => officer, () => '/cases?mine=1'],
    // The last and next 28 days: older than the arrests below, the fixture's entitlements are out of it.
    ['compliance drill-down', () => policeManager, () => '/compliance?status=overdue'],
  ]
  /** Victims of the advocate's service, each on a case of the officer with a suspect arrested 10 days ago. */
  async function addVictims(n: number) {
    for (let i = 0; i < n; i++) {
      const { caseId } = await createVictimOnCase({ case: { policeOrganisationId: police }, officerId: officer.id, advocateId: advocate.id, serviceId: service })
      await recordArrest(officer, caseId, { daysAgo: 10 })
    }
  }
  test('twenty more victims, cases and overdue entitlements add no statement to their lists', { timeout: 180_000 }, async () => {
    // Each list shows some rows first: an empty list may skip reading them.
    await addVictims(2)
    // One after another: Prisma may batch the lookups of requests made together into one statement.
    const measureLists = async () => {
      const pages = []
      for (const [, user, path] of lists) pages.push(await measure(user(), path()))
      return pages
    }
    const before = await measureLists()
    await addVictims(20)
    const after = await measureLists()
    const rows = (pages: typeof before, i: number) => tableRows(pages[i]!.html)
    lists.forEach(([name], i) => expect(rows(after, i), `${name}: more rows`).toBeGreaterThan(rows(before, i) + 10))
    const statements = (pages: typeof before) => Object.fromEntries(lists.map(([name], i) => [name, pages[i]!.statements]))
    expect(statements(after)).toEqual(statements(before))
  })
})
