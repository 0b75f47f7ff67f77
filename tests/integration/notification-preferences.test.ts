// "Your notifications" through the real service and database: every person's
// choices per kind (immediate is no row), audited with the choices only; the team inbox, which only
// a manager may set or clear, for their own organisation only, audited as an organisation change.
import { beforeAll, describe, expect, test } from 'vitest'
import { action } from '~/routes/account.notifications'
import { db } from '~/services/db.server'
import { getNotificationSettings, saveNotificationPreferences, setTeamInbox } from '~/services/notification-preferences.server'
import { createSession } from '~/services/session.server'
import { createOrganisation, createUser } from '#tests/setup/world'
import { type TestActor, actor, status } from '#tests/setup/actors'

const ip = '198.51.100.41'
const ALL_NOW = { entitlements: 'immediate', visits: 'immediate', hearings: 'immediate', intelligence: 'immediate', referrals: 'immediate' } as const

/** Posts the page's form as the signed-in user: the redirect, the refused Response, or the 400 answer with its errors. */
async function post(who: TestActor, fields: Record<string, string>) {
  const { setCookie } = await createSession({ userId: who.id, ip, userAgent: 'test', twoFactorPending: false })
  const request = new Request('http://localhost/account/notifications', {
    method: 'POST',
    headers: { cookie: setCookie.split(';')[0]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
  try {
    const answer = (await action({ request, params: {}, context: { ip } })) as unknown
    if (answer instanceof Response) return { status: answer.status, errors: {} }
    const { data, init } = answer as { data: { result: { error?: Record<string, string[]> } }; init?: { status?: number } }
    return { status: init?.status ?? 200, errors: data.result.error ?? {} }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, errors: {} }
    throw thrown
  }
}

let person: TestActor, manager: TestActor, otherManager: TestActor
let orgId: string, otherOrgId: string

beforeAll(async () => {
  orgId = (await createOrganisation({ kind: 'voluntary', inboxEmail: 'old-team@service.example' })).id
  otherOrgId = (await createOrganisation({ kind: 'police', inboxEmail: 'desk@other-force.example' })).id
  person = actor(await createUser({ role: 'advocate', organisationId: orgId }))
  manager = actor(await createUser({ role: 'manager', organisationId: orgId }))
  otherManager = actor(await createUser({ role: 'manager', organisationId: otherOrgId }))
})

describe('preferences', () => {
  test('everything comes at once until the person chooses otherwise; no team inbox for an advocate', async () => {
    expect(await getNotificationSettings(person)).toEqual({ deliveries: ALL_NOW, team: null })
  })

  test('saving stores the summaries, removes rows set back to immediate, and audits only what changed', async () => {
    const prisma = await db()
    expect(await saveNotificationPreferences(person, { ...ALL_NOW, visits: 'weekly', hearings: 'daily' }, ip)).toEqual({ changed: ['visits', 'hearings'] })
    expect((await getNotificationSettings(person)).deliveries).toEqual({ ...ALL_NOW, visits: 'weekly', hearings: 'daily' })
    expect(await prisma.notificationPreference.count({ where: { userId: person.id } })).toBe(2)

    expect(await saveNotificationPreferences(person, { ...ALL_NOW, visits: 'daily' }, ip)).toEqual({ changed: ['visits', 'hearings'] })
    const rows = await prisma.notificationPreference.findMany({ where: { userId: person.id }, select: { kind: true, delivery: true } })
    expect(rows).toEqual([{ kind: 'visits', delivery: 'daily' }])

    const audits = await prisma.auditEvent.findMany({ where: { action: 'notifications.preferences.updated', entityId: person.id }, orderBy: { seq: 'asc' } })
    expect(audits.map((a) => a.details)).toEqual([
      { from: { visits: 'immediate', hearings: 'immediate' }, to: { visits: 'weekly', hearings: 'daily' } },
      { from: { visits: 'weekly', hearings: 'daily' }, to: { visits: 'daily', hearings: 'immediate' } },
    ])
    expect(audits.every((a) => a.actorId === person.id && a.entityType === 'user' && a.ip === ip)).toBe(true)
  })

  test('saving the same choices changes and audits nothing', async () => {
    const prisma = await db()
    const before = await prisma.auditEvent.count({ where: { action: 'notifications.preferences.updated' } })
    expect(await saveNotificationPreferences(person, (await getNotificationSettings(person)).deliveries, ip)).toEqual({ changed: [] })
    expect(await prisma.auditEvent.count({ where: { action: 'notifications.preferences.updated' } })).toBe(before)
  })
})

describe('the team inbox', () => {
  test('a manager sees their own organisation’s inbox', async () => {
    expect((await getNotificationSettings(manager)).team).toMatchObject({ id: orgId, inboxEmail: 'old-team@service.example' })
    expect((await getNotificationSettings(otherManager)).team).toMatchObject({ id: otherOrgId })
  })

  test('a manager sets it (normalised) and clears it; each change audited as an organisation change', async () => {
    const prisma = await db()
    expect(await setTeamInbox(manager, '  New-Team@Service.example ', ip)).toEqual({ changed: true })
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).inboxEmail).toBe('new-team@service.example')
    expect(await setTeamInbox(manager, 'new-team@service.example', ip)).toEqual({ changed: false })
    expect(await setTeamInbox(manager, null, ip)).toEqual({ changed: true })
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).inboxEmail).toBeNull()
    const audits = await prisma.auditEvent.findMany({ where: { action: 'organisation.updated', entityId: orgId }, orderBy: { seq: 'asc' } })
    expect(audits.map((a) => a.details)).toEqual([
      { inboxEmail: { from: 'old-team@service.example', to: 'new-team@service.example' } },
      { inboxEmail: { from: 'new-team@service.example', to: null } },
    ])
    expect(audits.every((a) => a.entityType === 'organisation' && a.actorId === manager.id)).toBe(true)
    // The other manager's organisation is untouched.
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: otherOrgId } })).inboxEmail).toBe('desk@other-force.example')
  })

  test('no other role may change it: refused, nothing saved', async () => {
    const prisma = await db()
    for (const role of ['advocate', 'officer', 'cps_liaison', 'admin'] as const) {
      const someone = actor(await createUser({ role, organisationId: otherOrgId }))
      expect(await status(() => setTeamInbox(someone, 'taken-over@example.org', ip)), role).toBe(403)
    }
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: otherOrgId } })).inboxEmail).toBe('desk@other-force.example')
  })
})

describe('the page’s form', () => {
  test('a choice that is not one of the three is refused beside its field; nothing saved', async () => {
    const prisma = await db()
    const someone = actor(await createUser({ role: 'officer' }))
    const answer = await post(someone, { intent: 'preferences', ...ALL_NOW, visits: 'hourly', hearings: '' })
    expect(answer.status).toBe(400)
    expect(Object.keys(answer.errors).sort()).toEqual(['hearings', 'visits'])
    expect(answer.errors.visits?.[0]).toBe('Select how you want to hear about follow-up visits')
    expect(await prisma.notificationPreference.count({ where: { userId: someone.id } })).toBe(0)
    expect((await post(someone, { intent: 'preferences', ...ALL_NOW, referrals: 'weekly' })).status).toBe(302)
    expect((await getNotificationSettings(someone)).deliveries.referrals).toBe('weekly')
  })

  test('a team inbox not in the right format is refused beside the field; nothing saved', async () => {
    const prisma = await db()
    const before = (await prisma.organisation.findUniqueOrThrow({ where: { id: otherOrgId } })).inboxEmail
    const answer = await post(otherManager, { intent: 'team-inbox', inboxEmail: 'not an address' })
    expect(answer.status).toBe(400)
    expect(answer.errors.inboxEmail).toEqual(['Enter the team inbox in the correct format, like team@example.org'])
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id: otherOrgId } })).inboxEmail).toBe(before)
  })

  test('only a manager may post the team inbox form', async () => {
    for (const role of ['advocate', 'officer', 'cps_liaison', 'admin'] as const) {
      const someone = actor(await createUser({ role, organisationId: otherOrgId }))
      expect((await post(someone, { intent: 'team-inbox', inboxEmail: 'taken-over@example.org' })).status, role).toBe(403)
    }
    expect((await post(otherManager, { intent: 'team-inbox', inboxEmail: 'Desk2@Other-Force.example' })).status).toBe(302)
    expect((await (await db()).organisation.findUniqueOrThrow({ where: { id: otherOrgId } })).inboxEmail).toBe('desk2@other-force.example')
  })
})
