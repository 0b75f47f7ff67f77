// The follow-up visit policy per organisation: only administrators set it; it is
// audited with before and after; the schedule of a victim follows the policy of the organisation
// holding them (the lead advocate's), and clearing it goes back to the defaults.
import { beforeAll, expect, test } from 'vitest'
import { db } from '~/services/db.server'
import { recordJourneyEvent } from '~/services/journal.server'
import { getOrganisationVisitPolicy, setOrganisationVisitPolicy, visitPoliciesFor } from '~/services/visit-policy.server'
import { getVictimVisits } from '~/services/visits.server'
import { allocate, createCase, createOrganisation, createUser, createVictim } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

type A = TestActor
const ip = '198.51.100.12'
const now = new Date('2026-11-20T12:00:00Z')

let admin: A, advocate: A, officer: A, manager: A
let serviceId: string, otherServiceId: string, victimId: string, unheldVictimId: string

beforeAll(async () => {
  const prisma = await db()
  const police = await createOrganisation({ kind: 'police' })
  serviceId = (await createOrganisation({ kind: 'voluntary' })).id
  otherServiceId = (await createOrganisation({ kind: 'voluntary' })).id
  admin = actor(await createUser({ role: 'admin', organisationId: police.id }))
  officer = actor(await createUser({ role: 'officer', organisationId: police.id }))
  advocate = actor(await createUser({ role: 'advocate', organisationId: serviceId }))
  manager = actor(await createUser({ role: 'manager', organisationId: serviceId }))
  const caseId = (await createCase({ policeOrganisationId: police.id })).id
  victimId = (await createVictim({ caseIds: [caseId] })).id
  unheldVictimId = (await createVictim({ caseIds: [caseId] })).id
  for (const id of [victimId, unheldVictimId]) await prisma.victim.update({ where: { id }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
  await prisma.case.update({ where: { id: caseId }, data: { createdAt: new Date('2026-11-01T09:00:00Z') } })
  await allocate({ caseId, userId: officer.id, organisationId: police.id, kind: 'oic' })
  // A service allocation of another organisation does not outrank the lead advocate's.
  await allocate({ victimId, organisationId: otherServiceId, kind: 'service' })
  await allocate({ victimId, userId: advocate.id, organisationId: serviceId, kind: 'lead_advocate' })
  const reported = await recordJourneyEvent(
    officer,
    caseId,
    { type: 'crime_reported', occurredAt: new Date('2026-11-02T10:00:00Z'), details: { reportedBy: 'victim' } },
    'visit-policy-report',
    ip,
  )
  if (!reported.ok) throw new Error(JSON.stringify(reported.issues))
})

const firstVisitDue = async () => (await getVictimVisits(advocate, victimId, now))!.schedule.requirements.find((r) => r.reason === 'first_after_incident')!.dueBy

test('only administrators read or set a visit policy', async () => {
  for (const who of [advocate, officer, manager]) {
    expect(await status(() => getOrganisationVisitPolicy(who, serviceId))).toBe(403)
    expect(await status(() => setOrganisationVisitPolicy(who, serviceId, null, ip))).toBe(403)
  }
  expect(await getOrganisationVisitPolicy(admin, serviceId)).toMatchObject({ id: serviceId, visitPolicy: null })
})

test('the holding organisation’s policy sets the schedule; audited; clearing goes back to the defaults', async () => {
  const prisma = await db()
  // Reported on 2 November: the default first visit is within 7 days.
  expect(await firstVisitDue()).toBe('2026-11-09')
  const days = { firstVisitWithinDays: 3, cadenceDays: 14, afterCourtEventWithinDays: 5, retryWithinDays: 2 }
  expect(await setOrganisationVisitPolicy(admin, serviceId, days, ip)).toEqual({
    changed: ['firstVisitWithinDays', 'cadenceDays', 'afterCourtEventWithinDays', 'retryWithinDays'],
  })
  expect(await firstVisitDue()).toBe('2026-11-05')
  const policies = await visitPoliciesFor([victimId, unheldVictimId])
  expect(policies.get(victimId)).toMatchObject(days)
  // A victim no supporting organisation holds follows the defaults.
  expect(policies.get(unheldVictimId)).toMatchObject({ firstVisitWithinDays: 7, cadenceDays: 28 })

  const entry = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.visit_policy.set', entityId: serviceId } })
  expect(entry.details).toMatchObject({ cadenceDays: { from: 28, to: 14 }, firstVisitWithinDays: { from: 7, to: 3 } })

  // Saving the same days again changes nothing and writes no audit entry.
  expect(await setOrganisationVisitPolicy(admin, serviceId, days, ip)).toEqual({ changed: [] })
  expect(await prisma.auditEvent.count({ where: { action: 'admin.visit_policy.set', entityId: serviceId } })).toBe(1)

  await setOrganisationVisitPolicy(admin, serviceId, null, ip)
  expect(await prisma.visitPolicySetting.count({ where: { organisationId: serviceId } })).toBe(0)
  expect(await prisma.auditEvent.count({ where: { action: 'admin.visit_policy.cleared', entityId: serviceId } })).toBe(1)
  expect(await firstVisitDue()).toBe('2026-11-09')
})
