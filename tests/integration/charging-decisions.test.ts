// CPS liaison's list of suspects awaiting a charging decision, against a real database: a case
// whose files went to CPS one suspect at a time is listed as soon as any suspect's own file is
// with CPS (even though the case's stage follows the least advanced suspect), naming that suspect,
// with the others' stages alongside, and only for the CPS area it was sent to. On the demo data the
// list is exactly the cases the derivation finds among all those the user may see.
import { beforeAll, describe, expect, test } from 'vitest'
import { actor, type TestActor } from '#tests/setup/actors'
import { allocate, createOrganisation, createUser, createVictim, unique } from '#tests/setup/world'
import { awaitingChargingDecision } from '~/domain/journey/charging'
import { JOURNAL_SELECT } from '~/domain/journey/journal'
import { caseWhere } from '~/services/access.server'
import { listCasesAwaitingChargingDecision } from '~/services/caseload.server'
import { createCase, updateCase } from '~/services/cases.server'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { seedDemo } from '../../prisma/seed'

const IP = '192.0.2.61'
const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY)
let keySeq = 0
const key = () => `charging-${++keySeq}-${unique()}`

let officer: TestActor, cps: TestActor, otherAreaCps: TestActor
let caseId: string, crimeReference: string, suspectA: string, suspectB: string

async function record(who: TestActor, type: string, occurredAt: Date, defendantId: string | null, details: Record<string, unknown> = {}) {
  const result = await recordJourneyEvent(who, caseId, { type, occurredAt, defendantId, details }, key(), IP)
  expect(result, type).toMatchObject({ ok: true })
}

const listed = async (who: TestActor) => (await listCasesAwaitingChargingDecision(who)).rows.find((r) => r.id === caseId)

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  const cpsArea = await createOrganisation({ kind: 'cps' })
  const otherArea = await createOrganisation({ kind: 'cps' })
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  cps = actor(await createUser({ role: 'cps_liaison', organisationId: cpsArea.id }))
  otherAreaCps = actor(await createUser({ role: 'cps_liaison', organisationId: otherArea.id }))
  const victim = await createVictim()
  await allocate({ victimId: victim.id, userId: officer.id, kind: 'oic' })

  // The officer opens the case with two suspects and names the CPS area.
  crimeReference = `NM/26/${unique('').toUpperCase()}`
  const created = await createCase(
    officer,
    {
      crimeReference,
      offences: [{ description: 'Arranging child sexual exploitation', category: 'child_sexual_exploitation', sexual: true, committedFrom: daysAgo(90), committedTo: null }],
      victimIds: [victim.id],
      suspectCount: 2,
    },
    IP,
  )
  if (!created.ok) throw new Error('case not created')
  caseId = created.id
  expect(await updateCase(officer, caseId, { version: 1, cpsOrganisationId: cpsArea.id }, IP)).toEqual({ ok: true })
  const suspects = await prisma.defendant.findMany({ where: { caseId }, orderBy: { label: 'asc' }, select: { id: true, label: true } })
  expect(suspects.map((s) => s.label)).toEqual(['Suspect A', 'Suspect B'])
  ;[suspectA, suspectB] = suspects.map((s) => s.id) as [string, string]

  await record(officer, 'suspect_arrested', daysAgo(30), suspectA)
  await record(officer, 'suspect_arrested', daysAgo(29), suspectB)
  await record(officer, 'suspect_released_under_investigation', daysAgo(29), suspectB)
})

describe('suspects awaiting a charging decision', () => {
  test('only one suspect’s file sent: the case is listed for its CPS area, naming that suspect, with the other’s stage', async () => {
    expect(await listed(cps)).toBeUndefined()
    await record(officer, 'file_to_cps', daysAgo(10), suspectA, { requestType: 'full_code_test' })

    const prisma = await db()
    // The case as a whole follows the suspect still under investigation.
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('suspect_released')

    const row = await listed(cps)
    expect(row).toMatchObject({
      crimeReference,
      awaiting: [{ defendantId: suspectA, label: 'Suspect A' }],
      others: [{ defendantId: suspectB, label: 'Suspect B', stage: 'suspect_released', stageLabel: 'Suspect on bail or released under investigation' }],
      nextHearingAt: null,
      _count: { victims: 1 },
    })
    expect(row!.awaiting[0]!.sentAt.getTime()).toBe(
      (await prisma.journeyEvent.findFirstOrThrow({ where: { caseId, type: 'file_to_cps' } })).occurredAt.getTime(),
    )
    expect(row!.allocations[0]?.user?.name).toBeTruthy()

    // Another CPS area never sees it.
    expect(await listed(otherAreaCps)).toBeUndefined()
    expect((await listCasesAwaitingChargingDecision(otherAreaCps)).total).toBe(0)
  })

  test('once that suspect is charged and the other’s file is sent, the other is the one awaiting; with both decided the case leaves the list', async () => {
    await record(cps, 'suspect_charged', daysAgo(5), suspectA, { charges: [{ offence: 'Invented offence for testing' }], remandStatus: 'conditional_bail' })
    expect(await listed(cps)).toBeUndefined()

    await record(officer, 'file_to_cps', daysAgo(4), suspectB, { requestType: 'full_code_test' })
    expect(await listed(cps)).toMatchObject({
      awaiting: [{ defendantId: suspectB, label: 'Suspect B' }],
      others: [{ defendantId: suspectA, stage: 'first_hearing_mags' }],
    })

    await record(cps, 'cps_no_charge_decision', daysAgo(1), suspectB, { reason: 'evidential', explanation: 'No realistic prospect of conviction.' })
    expect(await listed(cps)).toBeUndefined()
  })
})

describe('the list agrees with the derivation', () => {
  test('on the demo data: every case the demo CPS liaison may see with a suspect awaiting, and no other', async () => {
    const prisma = await db()
    const now = new Date()
    await seedDemo(prisma, { now })
    const u = await prisma.user.findUniqueOrThrow({ where: { email: 'cps@demo.example' } })
    const demoCps = { id: u.id, role: u.role, organisationId: u.organisationId }
    const visible = await prisma.case.findMany({
      where: caseWhere(demoCps),
      select: { id: true, crimeReference: true, defendants: { select: { id: true, label: true } }, events: { select: JOURNAL_SELECT } },
    })
    const expected = visible.filter((c) => awaitingChargingDecision(c.events, c.defendants, now)).map((c) => c.crimeReference)
    expect(expected).toContain('NM/26/000771')
    const list = await listCasesAwaitingChargingDecision(demoCps, { now })
    expect(list.total).toBe(expected.length)
    expect(list.rows.map((r) => r.crimeReference).sort()).toEqual(expected.sort())
  })
})
